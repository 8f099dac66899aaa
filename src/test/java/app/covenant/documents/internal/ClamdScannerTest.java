package app.covenant.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.shared.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The clamd client against an in-test server speaking INSTREAM, and what an upload makes of its answers. */
class ClamdScannerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void sends_the_exact_bytes_in_chunks_and_reads_a_clean_answer() throws Exception {
        byte[] content = new byte[200_000]; // several 64 KiB chunks
        new Random(42).nextBytes(content);
        try (FakeClamd clamd = new FakeClamd("stream: OK")) {
            VirusScanner.Verdict verdict = new ClamdScanner("127.0.0.1", clamd.port(), TIMEOUT)
                    .scan(new ByteArrayInputStream(content));

            assertThat(verdict.infected()).isFalse();
            assertThat(clamd.received().get(5, TimeUnit.SECONDS)).isEqualTo(content);
        }
    }

    @Test
    void reads_the_signature_of_an_infected_stream() throws Exception {
        byte[] eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes();
        try (FakeClamd clamd = new FakeClamd("stream: Eicar-Test-Signature FOUND")) {
            VirusScanner.Verdict verdict = new ClamdScanner("127.0.0.1", clamd.port(), TIMEOUT)
                    .scan(new ByteArrayInputStream(eicar));

            assertThat(verdict.infected()).isTrue();
            assertThat(verdict.signature()).isEqualTo("Eicar-Test-Signature");
            assertThat(clamd.received().get(5, TimeUnit.SECONDS)).isEqualTo(eicar);
        }
    }

    @Test
    void an_error_answer_or_no_server_is_unavailable() throws Exception {
        try (FakeClamd clamd = new FakeClamd("INSTREAM size limit exceeded. ERROR")) {
            assertThatThrownBy(() -> new ClamdScanner("127.0.0.1", clamd.port(), TIMEOUT)
                    .scan(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                    .isInstanceOf(VirusScanner.ScannerUnavailableException.class);
        }
        assertThatThrownBy(() -> new ClamdScanner("127.0.0.1", closedPort(), TIMEOUT)
                .scan(new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(VirusScanner.ScannerUnavailableException.class);
    }

    @Test
    void an_upload_is_refused_with_422_when_infected_and_503_when_the_scanner_is_down() throws Exception {
        byte[] pdf = pdf();
        try (FakeClamd clamd = new FakeClamd("stream: Eicar-Test-Signature FOUND")) {
            UploadInspector inspector = inspector(new ClamdScanner("127.0.0.1", clamd.port(), TIMEOUT));
            assertThatThrownBy(() -> inspector.inspect("x.pdf", new ByteArrayInputStream(pdf), null))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(422));
        }
        UploadInspector down = inspector(new ClamdScanner("127.0.0.1", closedPort(), TIMEOUT));
        assertThatThrownBy(() -> down.inspect("x.pdf", new ByteArrayInputStream(pdf), null))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(503));

        try (FakeClamd clamd = new FakeClamd("stream: OK")) {
            UploadInspector clean = inspector(new ClamdScanner("127.0.0.1", clamd.port(), TIMEOUT));
            try (InspectedUpload upload = clean.inspect("x.pdf", new ByteArrayInputStream(pdf), null)) {
                assertThat(upload.contentType()).isEqualTo(ContentTypes.PDF);
                assertThat(clamd.received().get(5, TimeUnit.SECONDS)).isEqualTo(pdf);
            }
        }
    }

    private static UploadInspector inspector(VirusScanner scanner) {
        DocumentsProperties properties = new DocumentsProperties(DocumentsProperties.StorageProvider.LOCAL,
                DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), false, Duration.ofMinutes(5), "0 0 3 * * *", Duration.ofHours(1),
                new DocumentsProperties.Local("unused"), new DocumentsProperties.S3(null, null, null, null, null, false),
                new DocumentsProperties.Azure(null, null), new DocumentsProperties.Clamav("127.0.0.1", 3310, TIMEOUT));
        return new UploadInspector(properties, Optional.of(scanner));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
