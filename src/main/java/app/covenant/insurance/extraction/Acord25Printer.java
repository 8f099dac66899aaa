package app.covenant.insurance.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * Prints a certificate on the real ACORD 25 (2016/03) layout: one page with the form's printed labels where
 * {@link Acord25Edition} looks for them, a few rules between its sections, and the values in the field rectangles of
 * {@link Acord25Form} — either flattened (values drawn into the page, as most producers send them) or fillable (an
 * AcroForm with the form's field names). The demo certificates and the extraction tests use it, so both are made on
 * the layout the extractor reads.
 *
 * <p>PDFBox directly: {@code documents.pdf} renders XHTML, which can neither place text at exact points nor make form
 * fields. Text is set in the standard Helvetica (not embedded); a character it cannot encode prints as {@code ?}.
 *
 * <p>Values are given by field name ({@code Producer_FullName_A}); a check box is checked by {@code "1"}; an absent or
 * empty value leaves the field blank.
 */
public final class Acord25Printer {

    private static final Acord25Form FORM = Acord25Form.edition2016();
    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final String DEFAULT_APPEARANCE = "/Helv 0 Tf 0 g";
    private static final String[] NOTICE = {
            "THIS CERTIFICATE IS ISSUED AS A MATTER OF INFORMATION ONLY AND CONFERS NO RIGHTS UPON THE CERTIFICATE "
                    + "HOLDER. THIS CERTIFICATE DOES NOT AFFIRMATIVELY OR",
            "NEGATIVELY AMEND, EXTEND OR ALTER THE COVERAGE AFFORDED BY THE POLICIES BELOW."};

    private Acord25Printer() {
    }

    /** The certificate printed into the page: values drawn inside their rectangles, no form fields. */
    public static byte[] flattened(Map<String, String> values) {
        return flattened(values, null);
    }

    /** The certificate as an AcroForm with the form's own field names and the values set. */
    public static byte[] fillable(Map<String, String> values) {
        return fillable(values, false);
    }

    /**
     * @param nudge when given, moves each single-line value and check mark up to a point off its place, as printers
     *              do (the test corpus); {@code null} prints every value exactly in place
     */
    static byte[] flattened(Map<String, String> values, Random nudge) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = page(document);
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true)) {
                for (Acord25Form.Field field : FORM.fields()) {
                    String value = printable(values.getOrDefault(field.name(), ""));
                    if (!field.visible() || value.isEmpty()) {
                        continue;
                    }
                    if (field.checkbox()) {
                        if ("1".equals(value)) {
                            text(content, HELVETICA, 8, field.x() + 3 + jitter(nudge), field.y() + 3 + jitter(nudge), "X");
                        }
                    } else if (field.height() > 12) {
                        float baseline = field.y() + field.height() - 9;
                        for (String row : wrap(value, field.width() - 4, 7)) {
                            if (baseline < field.y()) {
                                break;
                            }
                            text(content, HELVETICA, 7, field.x() + 2, baseline, row);
                            baseline -= 8;
                        }
                    } else {
                        float size = Math.min(8, (field.width() - 4) / (HELVETICA.getStringWidth(value) / 1000));
                        text(content, HELVETICA, size, field.x() + 2 + jitter(nudge), field.y() + 3 + jitter(nudge),
                                value);
                    }
                }
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param wrappedNames names the fields as some producers' tools do, {@code F[0].P1[0].Producer_FullName_A[0]}
     */
    static byte[] fillable(Map<String, String> values, boolean wrappedNames) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = page(document);
            PDAcroForm acroForm = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(acroForm);
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("Helv"), HELVETICA);
            acroForm.setDefaultResources(resources);
            acroForm.setDefaultAppearance(DEFAULT_APPEARANCE);
            PDNonTerminalField root = new PDNonTerminalField(acroForm);
            root.setPartialName("F[0]");
            PDNonTerminalField pageOne = new PDNonTerminalField(acroForm);
            pageOne.setPartialName("P1[0]");
            pageOne.getCOSObject().setItem(COSName.PARENT, root.getCOSObject());
            root.setChildren(List.of(pageOne));
            List<PDField> children = new ArrayList<>();
            List<Setting> settings = new ArrayList<>();
            for (Acord25Form.Field field : FORM.fields()) {
                if (!field.visible()) {
                    continue;
                }
                String value = printable(values.getOrDefault(field.name(), ""));
                PDRectangle rectangle = new PDRectangle(field.x(), field.y(), field.width(), field.height());
                if (field.checkbox()) {
                    PDCheckBox box = new PDCheckBox(acroForm);
                    PDAnnotationWidget widget = widget(box.getWidgets().getFirst(), rectangle, page);
                    PDAppearanceDictionary appearance = new PDAppearanceDictionary();
                    COSDictionary normal = new COSDictionary();
                    normal.setItem(COSName.getPDFName(field.export()), checkAppearance(document, rectangle));
                    normal.setItem(COSName.Off, emptyAppearance(document, rectangle));
                    appearance.getCOSObject().setItem(COSName.N, normal);
                    widget.setAppearance(appearance);
                    place(acroForm, box, field.name(), wrappedNames, pageOne, children);
                    settings.add(() -> {
                        if ("1".equals(value)) {
                            box.check();
                        } else {
                            box.unCheck();
                        }
                    });
                } else {
                    PDTextField text = new PDTextField(acroForm);
                    text.setDefaultAppearance(DEFAULT_APPEARANCE);
                    text.setMultiline(field.height() > 12);
                    widget(text.getWidgets().getFirst(), rectangle, page);
                    place(acroForm, text, field.name(), wrappedNames, pageOne, children);
                    settings.add(() -> text.setValue(value));
                }
            }
            if (wrappedNames) {
                pageOne.setChildren(children);
                acroForm.getFields().add(root);
            }
            // Values are set once every field is in the form, so the appearances are built against the whole tree.
            for (Setting setting : settings) {
                setting.run();
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Setting {
        void run() throws IOException;
    }

    /** The blank form: title, section and column labels, insurer letters, the edition at the foot, and the rules. */
    private static PDPage page(PDDocument document) throws IOException {
        PDPage page = new PDPage(new PDRectangle(Acord25Form.PAGE_WIDTH, Acord25Form.PAGE_HEIGHT));
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            rules(content);
            text(content, BOLD, 16, 170, 770, "CERTIFICATE OF LIABILITY INSURANCE");
            text(content, HELVETICA, 6, 520, 762, "DATE (MM/DD/YYYY)");
            for (int i = 0; i < NOTICE.length; i++) {
                text(content, BOLD, 5.5f, 22, 726 - 8 * i, NOTICE[i]);
            }
            text(content, BOLD, 7, 22, 664, "PRODUCER");
            text(content, HELVETICA, 6, 280, 664, "CONTACT NAME:");
            text(content, BOLD, 7, 22, 592, "INSURED");
            text(content, HELVETICA, 6, 380, 628, "INSURER(S) AFFORDING COVERAGE");
            text(content, HELVETICA, 6, 552, 628, "NAIC #");
            for (int i = 0; i < 6; i++) {
                text(content, HELVETICA, 6, 306, 615 - 12 * i, "INSURER " + (char) ('A' + i) + " :");
            }
            text(content, BOLD, 8, 22, 532, "COVERAGES");
            text(content, HELVETICA, 6, 200, 532, "CERTIFICATE NUMBER:");
            text(content, HELVETICA, 6, 440, 532, "REVISION NUMBER:");
            columnHeadings(content);
            text(content, HELVETICA, 5.5f, 54, 483, "COMMERCIAL GENERAL LIABILITY");
            text(content, HELVETICA, 5.5f, 54, 399, "AUTOMOBILE LIABILITY");
            text(content, HELVETICA, 5.5f, 54, 339, "UMBRELLA LIAB");
            text(content, HELVETICA, 5.5f, 40, 303, "WORKERS COMPENSATION");
            String[][] limitLabels = {{"480", "EACH OCCURRENCE"}, {"468", "DAMAGE TO RENTED PREMISES"},
                    {"456", "MED EXP (Any one person)"}, {"444", "PERSONAL & ADV INJURY"}, {"432", "GENERAL AGGREGATE"},
                    {"420", "PRODUCTS - COMP/OP AGG"}, {"396", "COMBINED SINGLE LIMIT"}, {"384", "BODILY INJURY (Per person)"},
                    {"372", "BODILY INJURY (Per accident)"}, {"360", "PROPERTY DAMAGE"}, {"336", "EACH OCCURRENCE"},
                    {"324", "AGGREGATE"}, {"288", "E.L. EACH ACCIDENT"}, {"276", "E.L. DISEASE - EA EMPLOYEE"},
                    {"264", "E.L. DISEASE - POLICY LIMIT"}};
            for (String[] label : limitLabels) {
                text(content, HELVETICA, 5.5f, 430, Float.parseFloat(label[0]) + 3, label[1]);
            }
            text(content, HELVETICA, 6, 22, 220, "DESCRIPTION OF OPERATIONS / LOCATIONS / VEHICLES");
            text(content, BOLD, 7, 22, 106, "CERTIFICATE HOLDER");
            text(content, HELVETICA, 6, 310, 106, "CANCELLATION");
            text(content, HELVETICA, 5, 310, 76, "AUTHORIZED REPRESENTATIVE");
            text(content, BOLD, 7, 22, 20, "ACORD 25 (2016/03)");
            text(content, HELVETICA, 6, 200, 20, "The ACORD name and logo are registered marks of ACORD");
        }
        return page;
    }

    /** The coverage grid's column headings, in the band between the certificate number and the first line. */
    private static void columnHeadings(PDPageContentStream content) throws IOException {
        String[][] headings = {{"18", "INSR", "LTR"}, {"54", "TYPE OF INSURANCE", ""}, {"176", "ADDL", "INSD"},
                {"194", "SUBR", "WVD"}, {"240", "POLICY NUMBER", ""}, {"331", "POLICY EFF", "(MM/DD/YYYY)"},
                {"378", "POLICY EXP", "(MM/DD/YYYY)"}, {"480", "LIMITS", ""}};
        for (String[] heading : headings) {
            float x = Float.parseFloat(heading[0]);
            text(content, HELVETICA, 5, x, 510, heading[1]);
            if (!heading[2].isEmpty()) {
                text(content, HELVETICA, 4.5f, x, 503, heading[2]);
            }
        }
    }

    /** The frame and rules, only where no field is: nothing drawn ever runs through a value. */
    private static void rules(PDPageContentStream content) throws IOException {
        content.setStrokingColor(0.55f);
        content.setLineWidth(0.5f);
        content.addRect(16, 36, 580, 723);
        float[] across = {676, 528, 496, 140};
        for (float y : across) {
            content.moveTo(16, y);
            content.lineTo(596, y);
        }
        content.moveTo(306, 36);
        content.lineTo(306, 140);
        content.stroke();
    }

    private static float jitter(Random random) {
        return random == null ? 0 : random.nextFloat() * 2 - 1;
    }

    /** The value with what Helvetica's encoding lacks as {@code ?}, so one odd character does not fail the page. */
    static String printable(String value) {
        StringBuilder printable = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            String character = Character.toString(c);
            try {
                HELVETICA.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException e) {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    private static void place(PDAcroForm acroForm, PDField field, String name, boolean wrapped,
                              PDNonTerminalField parent, List<PDField> children) {
        if (wrapped) {
            field.setPartialName(name + "[0]");
            field.getCOSObject().setItem(COSName.PARENT, parent.getCOSObject());
            children.add(field);
        } else {
            field.setPartialName(name);
            acroForm.getFields().add(field);
        }
    }

    private static PDAnnotationWidget widget(PDAnnotationWidget widget, PDRectangle rectangle, PDPage page)
            throws IOException {
        widget.setRectangle(rectangle);
        widget.setPage(page);
        widget.setPrinted(true);
        page.getAnnotations().add(widget);
        return widget;
    }

    private static COSStream emptyAppearance(PDDocument document, PDRectangle rectangle) {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(rectangle.getWidth(), rectangle.getHeight()));
        return stream.getCOSObject();
    }

    /** A checked box's look: an X, so the form shows what it holds when printed or viewed without form support. */
    private static COSStream checkAppearance(PDDocument document, PDRectangle rectangle) throws IOException {
        PDAppearanceStream stream = new PDAppearanceStream(document);
        stream.setBBox(new PDRectangle(rectangle.getWidth(), rectangle.getHeight()));
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName("Helv"), HELVETICA);
        stream.setResources(resources);
        try (PDPageContentStream content = new PDPageContentStream(document, stream)) {
            text(content, HELVETICA, 8, 3, 3, "X");
        }
        return stream.getCOSObject();
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private static List<String> wrap(String text, float width, float size) throws IOException {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = row.isEmpty() ? word : row + " " + word;
            if (HELVETICA.getStringWidth(candidate) / 1000 * size > width && !row.isEmpty()) {
                rows.add(row.toString());
                row = new StringBuilder(word);
            } else {
                row = new StringBuilder(candidate);
            }
        }
        if (!row.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }

    private static byte[] bytes(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
