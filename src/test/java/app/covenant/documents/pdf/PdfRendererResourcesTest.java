package app.covenant.documents.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markup may carry user values, so rendering must not reach the network or the disk. Each case also
 * renders the same markup with a plain openhtmltopdf builder, to show the markup does load the
 * resource when nothing stops it.
 */
class PdfRendererResourcesTest {

    final PdfRenderer renderer = new PdfRenderer(Clock.systemUTC());
    final AtomicInteger requests = new AtomicInteger();
    HttpServer server;
    String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void loadsNothingOverHttp() throws IOException {
        String markup = "<html><head>"
                + "<link rel=\"stylesheet\" href=\"" + base + "/linked.css\"/>"
                + "<style>@import url(\"" + base + "/imported.css\");"
                + " @font-face { font-family: Remote; src: url(\"" + base + "/font.ttf\"); }"
                + " p { font-family: Remote; background-image: url(\"" + base + "/background.png\"); }</style>"
                + "</head><body><p>hello</p><img src=\"" + base + "/x.png\"/></body></html>";

        plainOpenHtmlToPdf(markup);
        assertThat(requests.get()).as("requests without protection").isPositive();
        requests.set(0);

        byte[] pdf = renderer.render(markup);

        assertThat(requests.get()).as("requests through PdfRenderer").isZero();
        assertThat(imagesIn(pdf)).isZero();
    }

    @Test
    void readsNoFilesButRendersInlineImages(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("logo.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        String fromFile = "<html><body><img src=\"" + png.toUri() + "\"/><img src=\"file:///etc/passwd\"/></body></html>";
        String inline = "<html><body><img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(png)) + "\"/></body></html>";

        assertThat(imagesIn(plainOpenHtmlToPdf(fromFile))).as("images without protection").isEqualTo(1);
        assertThat(imagesIn(renderer.render(fromFile))).as("images through PdfRenderer").isZero();
        assertThat(imagesIn(renderer.render(inline))).as("inline images").isEqualTo(1);
    }

    private static byte[] plainOpenHtmlToPdf(String markup) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfRendererBuilder().withHtmlContent(markup, null).toStream(out).run();
        return out.toByteArray();
    }

    private static int imagesIn(byte[] pdf) throws IOException {
        int images = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.isImageXObject(name)) {
                        images++;
                    }
                }
            }
        }
        return images;
    }
}
