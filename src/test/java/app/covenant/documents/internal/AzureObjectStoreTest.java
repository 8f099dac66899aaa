package app.covenant.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Azure provider against a real Azure Blob API: Azurite ({@code npm install -g azurite}), started on a
 * free port for this test. Where Azurite is not installed (its {@code azurite-blob} not on the PATH, nor
 * named by {@code AZURITE_BLOB}) the test is skipped and says so — except under {@code .ci/run}, which
 * installs Azurite and sets {@code COVENANT_REQUIRE_AZURITE}, so there it fails instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AzureObjectStoreTest {

    /** Azurite's documented development account (public, fixed). */
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Pattern LISTENING = Pattern.compile("listens on (http://[0-9.]+:[0-9]+)");

    private Process azurite;
    private Path location;
    private AzureObjectStore store;

    @BeforeAll
    void startAzurite() throws Exception {
        Optional<String> executable = azuriteBlob();
        if (Boolean.parseBoolean(System.getenv("COVENANT_REQUIRE_AZURITE"))) {
            assertThat(executable).as("Azurite (npm install -g azurite), required by COVENANT_REQUIRE_AZURITE").isPresent();
        }
        Assumptions.assumeTrue(executable.isPresent(), "Azurite is not installed (npm install -g azurite)");
        location = Files.createTempDirectory("azurite");
        azurite = new ProcessBuilder(executable.get(), "--blobHost", "127.0.0.1", "--blobPort", "0", "--location",
                location.toString(), "--skipApiVersionCheck").redirectErrorStream(true).start();
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(azurite.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
                throw new IllegalStateException("Azurite stopped before listening");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String connection = "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=" + endpoint.get(60, TimeUnit.SECONDS) + "/" + ACCOUNT + ";";
        new BlobServiceClientBuilder().connectionString(connection).httpClient(new JdkHttpClientBuilder().build())
                .buildClient().createBlobContainer("documents");
        store = new AzureObjectStore(new DocumentsProperties.Azure(connection, "documents"));
    }

    @AfterAll
    void stopAzurite() {
        if (azurite != null) {
            azurite.destroy();
        }
    }

    @Test
    void stores_reads_and_deletes_a_blob() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        String key = java.util.UUID.randomUUID().toString();

        store.put(key, new ByteArrayInputStream(content), content.length, "application/pdf");

        assertThat(store.exists(key)).isTrue();
        try (InputStream in = store.open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        store.delete(key);
        assertThat(store.exists(key)).isFalse();
        assertThatThrownBy(() -> store.open(key)).isInstanceOf(NoSuchFileException.class);
        store.delete(key); // already gone: nothing happens
    }

    @Test
    void hands_out_a_read_only_sas_url_that_downloads_as_an_attachment() throws Exception {
        byte[] content = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        String key = java.util.UUID.randomUUID().toString();
        store.put(key, new ByteArrayInputStream(content), content.length, "application/pdf");

        URI url = store.presignedDownload(key, "attachment; filename=\"policy.pdf\"", "application/pdf",
                Duration.ofMinutes(5)).orElseThrow();

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(url.getQuery()).contains("sig=").contains("sp=r");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(content);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"policy.pdf\"");
    }

    private static Optional<String> azuriteBlob() {
        String configured = System.getenv("AZURITE_BLOB");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, "azurite-blob")).filter(Files::isExecutable)
                .map(Path::toString).findFirst();
    }
}
