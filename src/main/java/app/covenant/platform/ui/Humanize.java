package app.covenant.platform.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sizes and file types as people say them, for templates: {@code ${@humanize.size(doc.sizeBytes)}} gives
 * "1.2 MB", {@code ${@humanize.type(doc.contentType)}} gives "PDF". Sizes count in 1024s, like the
 * file managers people compare them with.
 */
@Component("humanize")
public class Humanize {

    private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
            Map.entry("application/msword", "Word document"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet"),
            Map.entry("application/vnd.ms-excel", "Excel spreadsheet"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation"),
            Map.entry("application/zip", "ZIP archive"),
            Map.entry("application/json", "JSON"),
            Map.entry("text/plain", "Text"),
            Map.entry("text/csv", "CSV"),
            Map.entry("image/png", "PNG image"),
            Map.entry("image/jpeg", "JPEG image"),
            Map.entry("image/gif", "GIF image"),
            Map.entry("image/webp", "WebP image"),
            Map.entry("image/svg+xml", "SVG image"));

    /** "12 bytes", "340 KB", "1.2 MB": one decimal below 100 of a unit, none from there on. */
    public String size(Long bytes) {
        if (bytes == null || bytes < 0) {
            return "";
        }
        if (bytes < 1024) {
            return bytes == 1 ? "1 byte" : bytes + " bytes";
        }
        BigDecimal value = BigDecimal.valueOf(bytes);
        BigDecimal unit = BigDecimal.valueOf(1024);
        int index = -1;
        do {
            value = value.divide(unit, 6, RoundingMode.HALF_UP);
            index++;
        } while (value.compareTo(unit) >= 0 && index < UNITS.length - 1);
        int decimals = value.compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : 1;
        BigDecimal shown = value.setScale(decimals, RoundingMode.HALF_UP);
        if (shown.compareTo(unit) >= 0 && index < UNITS.length - 1) {
            // 1023.96 KB would read "1024 KB": say "1 MB".
            shown = BigDecimal.ONE;
            index++;
        }
        return shown.stripTrailingZeros().toPlainString() + " " + UNITS[index];
    }

    /** "PDF", "Word document", "PNG image"; another image type by its subtype; "File" when unknown. */
    public String type(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "File";
        }
        String bare = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String known = TYPES.get(bare);
        if (known != null) {
            return known;
        }
        int slash = bare.indexOf('/');
        if (bare.startsWith("image/") && slash + 1 < bare.length()) {
            return bare.substring(slash + 1).toUpperCase(Locale.ROOT) + " image";
        }
        return "File";
    }
}
