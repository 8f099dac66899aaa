package app.covenant.contracts.templates.internal;

import app.covenant.shared.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.web.util.HtmlUtils;

/**
 * An uploaded file made into a template body: a DOCX (Apache POI), HTML or plain text, told apart by their
 * content, never by the file's name (a ".docx" that is a PDF is refused). The result is raw HTML: the caller
 * passes it through the allow-list like any other.
 */
public final class TemplateImport {

    /** 5 MB: a contract template is text; anything larger is not one. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final Pattern HTML_TAG = Pattern.compile(
            "(?is)<\\s*(?:!doctype\\s+html|html|head|body|p|div|h[1-6]|table|ul|ol|li|br|span|b|strong|em|i|u|section)\\b");

    private TemplateImport() {
    }

    /** What the file was read as, and its HTML. */
    public record Imported(String kind, String html) {
    }

    public static Imported read(byte[] content) {
        if (content == null || content.length == 0) {
            throw ProblemException.invalid("file", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw ProblemException.invalid("file", "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        if (startsWith(content, "PK\u0003\u0004")) {
            if (!isWordDocument(content)) {
                throw ProblemException.invalid("file", "is a ZIP archive but not a Word document (DOCX)");
            }
            try {
                return new Imported("DOCX", DocxToHtml.convert(content));
            } catch (IOException | RuntimeException unreadable) {
                throw ProblemException.invalid("file", "is a Word document that could not be read");
            }
        }
        if (startsWith(content, "%PDF")) {
            throw ProblemException.invalid("file", "is a PDF; import a Word document (DOCX), HTML or plain text");
        }
        if ((content[0] & 0xFF) == 0xD0 && content.length > 3 && (content[1] & 0xFF) == 0xCF) {
            throw ProblemException.invalid("file", "is an old Word (.doc) file; save it as .docx and import that");
        }
        String text = utf8(content);
        if (text == null) {
            throw ProblemException.invalid("file", "is not a supported type: import a Word document (DOCX), HTML "
                    + "or plain text (UTF-8)");
        }
        String stripped = text.strip();
        if (stripped.startsWith("<") && HTML_TAG.matcher(stripped).find()) {
            return new Imported("HTML", stripped);
        }
        return new Imported("TEXT", textToHtml(stripped));
    }

    /** Paragraphs at blank lines, line breaks within them. */
    static String textToHtml(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.strip()).replace("\n", "<br>"))
                        .append("</p>");
            }
        }
        return html.toString();
    }

    private static boolean isWordDocument(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if ("word/document.xml".equals(entry.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The content as UTF-8 text (a BOM dropped), or {@code null} when it is binary. */
    private static String utf8(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                return null;
            }
        }
        return text;
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (content[i] != (byte) magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
