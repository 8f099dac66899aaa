package app.covenant.signatures;

import app.covenant.documents.DocumentOwner;
import app.covenant.documents.DocumentStorage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A PDF to sign, stored through documents as a caller module would, and envelopes opened on it. */
final class SignatureFixtures {

    private SignatureFixtures() {
    }

    static byte[] agreementPdf(String text) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.beginText();
                out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                out.newLineAtOffset(72, 700);
                out.showText(text);
                out.endText();
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drawn signature as the page's canvas sends it. */
    static String drawnSignature() {
        BufferedImage image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.BLACK);
        graphics.setStroke(new BasicStroke(3));
        graphics.drawLine(10, 80, 120, 20);
        graphics.drawLine(120, 20, 280, 70);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static UUID storePdf(DocumentStorage documents, UUID organizationId, UUID agreementId) {
        return documents.store(new DocumentOwner("holdharmless", agreementId, organizationId), "agreement.pdf",
                new ByteArrayInputStream(agreementPdf("Hold-harmless agreement " + agreementId)), null).id();
    }

    static EnvelopeRequest request(DocumentStorage documents, UUID organizationId, boolean codeRequired,
                                   List<EnvelopeRequest.SignerRequest> signers) {
        UUID agreementId = UUID.randomUUID();
        return new EnvelopeRequest(organizationId, "Acme Builders", "Hold-harmless agreement",
                storePdf(documents, organizationId, agreementId), signers,
                new EnvelopeOwner("holdharmless", agreementId), codeRequired, null);
    }
}
