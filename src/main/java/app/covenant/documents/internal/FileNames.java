package app.covenant.documents.internal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the name a browser sent into one safe to store and to show: the last path segment only, no
 * control or reserved characters, at most {@value #MAX_LENGTH} characters with the extension kept.
 * It is kept as metadata and put in {@code Content-Disposition}; it never becomes a storage key.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "document";

    /** The extensions of each accepted type; the first is the one given to a name that has none of them. */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            ContentTypes.PDF, List.of("pdf"),
            ContentTypes.DOCX, List.of("docx"),
            ContentTypes.PNG, List.of("png"),
            ContentTypes.JPEG, List.of("jpg", "jpeg"));

    // What counts as an extension to replace: letters and digits after the last dot, at least one letter
    // ("v1.2" keeps its ".2" and gets the type's extension after it).
    private static final Pattern EXTENSION = Pattern.compile("\\.(?=[\\p{Alnum}]{1,10}$)[\\p{Alnum}]*\\p{Alpha}[\\p{Alnum}]*$");

    private FileNames() {
    }

    /**
     * {@link #sanitise} with the extension of the type detected from the bytes: a PNG sent as {@code pic.html}
     * is stored as {@code pic.png}, so no browser or desktop opens it by a name that lies about its content.
     */
    static String forType(String original, String contentType) {
        List<String> extensions = EXTENSIONS.get(contentType);
        String name = sanitise(original);
        Matcher extension = EXTENSION.matcher(name);
        String base = name;
        if (extension.find()) {
            if (extensions.contains(extension.group().substring(1).toLowerCase(Locale.ROOT))) {
                return name;
            }
            base = name.substring(0, extension.start());
        }
        if (base.isBlank()) {
            base = FALLBACK;
        }
        return sanitise(base + "." + extensions.getFirst());
    }

    static String sanitise(String original) {
        if (original == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c) && "<>:\"|?*".indexOf(c) < 0
                        && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.UNASSIGNED)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        // Leading dots would make a hidden file on the user's disk, trailing dots and spaces vanish on Windows.
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return shorten(name);
    }

    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String base = name.substring(0, name.length() - extension.length());
        int keep = MAX_LENGTH - extension.length();
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
