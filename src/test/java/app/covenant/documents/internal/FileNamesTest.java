package app.covenant.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "contract.pdf|contract.pdf",
            "../../etc/passwd|passwd",
            "C:\\Users\\ana\\scan.png|scan.png",
            ".hidden.pdf|hidden.pdf",
            "report.pdf. . |report.pdf",
            "a<b>c:d\"e?g*h.pdf|abcdegh.pdf",
            "Vertrag für Bühne.docx|Vertrag für Bühne.docx",
            "'   '|document",
            "..|document"})
    void keeps_a_safe_last_segment(String original, String expected) {
        assertThat(FileNames.sanitise(original)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] as {1} -> [{2}]")
    @CsvSource(delimiter = '|', value = {
            "pic.html|image/png|pic.png",
            "photo.PNG|image/png|photo.PNG",
            "scan.jpeg|image/jpeg|scan.jpeg",
            "scan.png|image/jpeg|scan.jpg",
            "contract v1.2|application/pdf|contract v1.2.pdf",
            "terms|application/pdf|terms.pdf",
            "letter.doc|application/vnd.openxmlformats-officedocument.wordprocessingml.document|letter.docx",
            ".html|image/png|html.png",
            "'   '|application/pdf|document.pdf"})
    void takes_the_extension_of_the_detected_type(String original, String type, String expected) {
        assertThat(FileNames.forType(original, type)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"100", "400"})
    void removes_control_characters_and_limits_the_length(int length) {
        String name = "a\u0000b\u001b\u202e" + "x".repeat(length) + ".pdf";

        String safe = FileNames.sanitise(name);

        assertThat(safe).doesNotContain("\u0000", "\u001b", "\u202e").startsWith("ab").endsWith(".pdf");
        assertThat(safe.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
    }
}
