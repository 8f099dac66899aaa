package app.covenant.documents.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceEntry;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDComboBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** PDFs built with PDFBox for the reader's tests, each with a known layout. */
final class TestPdfs {

    /** Letter pages: 612 × 792 points. */
    static final float PAGE_HEIGHT = PDRectangle.LETTER.getHeight();

    private TestPdfs() {
    }

    /** Text placed at known points; {@code y} here is from the top, like {@link PdfArea}. */
    record Line(int page, float x, float yFromTop, String text) {
    }

    static byte[] text(Line... lines) {
        return build(document -> writeLines(document, lines));
    }

    static byte[] encrypted(String ownerPassword, String userPassword, Line... lines) {
        return build(document -> {
            writeLines(document, lines);
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
        });
    }

    /** A "scan": one page holding only a picture. */
    static byte[] imageOnly() {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            BufferedImage scan = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            var graphics = scan.createGraphics();
            graphics.drawString("Printed words that only OCR can read", 5, 50);
            graphics.dispose();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, scan), 50, 500, 400, 200);
            }
        });
    }

    /**
     * A filled form: {@code Producer.Name} (text in a parent field), {@code additionalInsured} (checked),
     * {@code waiver} (unchecked), {@code coverage} (radio group, "auto" chosen), {@code state} (combo box).
     */
    static byte[] filledForm() {
        return build(document -> {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            resources.put(COSName.HELV, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/Helv 10 Tf 0 g");

            PDNonTerminalField producer = new PDNonTerminalField(form);
            producer.setPartialName("Producer");
            PDTextField name = new PDTextField(form);
            name.setPartialName("Name");
            place(name.getWidgets().getFirst(), page, 50, 700);
            name.getCOSObject().setItem(COSName.PARENT, producer);
            producer.setChildren(List.of(name));

            PDCheckBox additionalInsured = checkBox(form, page, "additionalInsured", 650);
            PDCheckBox waiver = checkBox(form, page, "waiver", 620);

            PDRadioButton coverage = new PDRadioButton(form);
            coverage.setPartialName("coverage");
            PDAnnotationWidget general = new PDAnnotationWidget();
            PDAnnotationWidget auto = new PDAnnotationWidget();
            place(general, page, 50, 590);
            place(auto, page, 80, 590);
            onOffAppearance(general, "general");
            onOffAppearance(auto, "auto");
            general.getCOSObject().setItem(COSName.PARENT, coverage);
            auto.getCOSObject().setItem(COSName.PARENT, coverage);
            coverage.setWidgets(List.of(general, auto));

            PDComboBox state = new PDComboBox(form);
            state.setPartialName("state");
            state.setOptions(List.of("NY", "NJ"));
            place(state.getWidgets().getFirst(), page, 50, 560);

            form.setFields(List.of(producer, additionalInsured, waiver, coverage, state));
            name.setValue("Brokers & Co – Zürich");
            additionalInsured.check();
            waiver.unCheck();
            coverage.setValue("auto");
            state.setValue("NJ");
        });
    }

    private static PDCheckBox checkBox(PDAcroForm form, PDPage page, String name, float y) throws IOException {
        PDCheckBox box = new PDCheckBox(form);
        box.setPartialName(name);
        PDAnnotationWidget widget = box.getWidgets().getFirst();
        place(widget, page, 50, y);
        onOffAppearance(widget, "Yes");
        return box;
    }

    private static void onOffAppearance(PDAnnotationWidget widget, String onState) {
        COSDictionary states = new COSDictionary();
        states.setItem(onState, new PDAppearanceStream(new COSStream()));
        states.setItem(COSName.Off, new PDAppearanceStream(new COSStream()));
        PDAppearanceDictionary appearance = new PDAppearanceDictionary();
        appearance.setNormalAppearance(new PDAppearanceEntry(states));
        widget.setAppearance(appearance);
        widget.setAppearanceState(COSName.Off.getName());
    }

    private static void place(PDAnnotationWidget widget, PDPage page, float x, float y) throws IOException {
        widget.setRectangle(new PDRectangle(x, y, 20, 14));
        widget.setPage(page);
        page.getAnnotations().add(widget);
    }

    private static void writeLines(PDDocument document, Line... lines) throws IOException {
        int pages = 1;
        for (Line line : lines) {
            pages = Math.max(pages, line.page());
        }
        for (int i = 0; i < pages; i++) {
            document.addPage(new PDPage(PDRectangle.LETTER));
        }
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (Line line : lines) {
            PDPage page = document.getPage(line.page() - 1);
            try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
                content.beginText();
                content.setFont(font, 10);
                content.newLineAtOffset(line.x(), PAGE_HEIGHT - line.yFromTop());
                content.showText(line.text());
                content.endText();
            }
        }
    }

    private static byte[] build(Builder builder) {
        try (PDDocument document = new PDDocument()) {
            builder.build(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Builder {
        void build(PDDocument document) throws IOException;
    }
}
