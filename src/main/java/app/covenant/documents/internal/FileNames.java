package app.covenant.documents.internal;

import java.text.Normalizer;

/**
 * Turns the name a browser sent into one safe to store and to show: the last path segment only, no
 * control or reserved characters, at most {@value #MAX_LENGTH} characters with the extension kept.
 * It is kept as metadata and put in {@code Content-Disposition}; it never becomes a storage key.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "document";

    private FileNames() {
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
