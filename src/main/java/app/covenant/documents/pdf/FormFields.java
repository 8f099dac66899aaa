package app.covenant.documents.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDChoice;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/** Reads the terminal fields of a document's AcroForm. */
final class FormFields {

    private FormFields() {
    }

    static List<FormField> read(PDDocument document) {
        // No fixup: the default one may generate appearances, i.e. change the document we only read.
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return List.of();
        }
        List<FormField> fields = new ArrayList<>();
        for (PDField field : form.getFieldTree()) {
            toFormField(field).ifPresent(fields::add);
        }
        return List.copyOf(fields);
    }

    private static Optional<FormField> toFormField(PDField field) {
        String name = field.getFullyQualifiedName();
        return switch (field) {
            case PDTextField text -> Optional.of(new FormField(name, FormField.Kind.TEXT, nonNull(text.getValue())));
            // getValue() maps the state name to its export value when the field lists options (/Opt).
            case PDCheckBox box -> Optional.of(new FormField(name, FormField.Kind.CHECKBOX, stateOf(box.getValue())));
            case PDRadioButton radio -> Optional.of(new FormField(name, FormField.Kind.RADIO, stateOf(radio.getValue())));
            case PDChoice choice -> Optional.of(new FormField(name, FormField.Kind.CHOICE, String.join(", ", choice.getValue())));
            default -> Optional.empty();
        };
    }

    private static String stateOf(String value) {
        return value == null || value.isEmpty() ? FormField.OFF : value;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
