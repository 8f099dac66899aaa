package app.covenant.insurance.extraction;

import app.covenant.documents.pdf.PdfArea;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ACORD 25 (2016/03) form's fields, as published: name, type, rectangle and a check box's on-value. Loaded from
 * {@code insurance/acord25-fields.tsv}, a copy of the shared field table, so the extractor and the test corpus agree
 * with the real form rather than with each other.
 */
public final class Acord25Form {

    public static final float PAGE_WIDTH = 612f;
    public static final float PAGE_HEIGHT = 792f;

    private static final String RESOURCE = "/insurance/acord25-fields.tsv";
    private static final Acord25Form INSTANCE = load();

    /** One field; the rectangle is in PDF points with the origin at the page's lower left. */
    public record Field(String name, boolean checkbox, int page, float x, float y, float width, float height,
                        Integer maxLength, String export) {

        /** Whether the field has an area on the page (the edition identifier is a hidden, zero-sized field). */
        public boolean visible() {
            return width > 0 && height > 0;
        }

        /** The rectangle grown by the given points on each side, in the top-left coordinates text extraction uses. */
        PdfArea area(float left, float right, float below, float above) {
            float x0 = Math.max(0, x - left);
            float top = Math.max(0, PAGE_HEIGHT - y - height - above);
            return new PdfArea(page, x0, top, x + width + right - x0, height + above + below);
        }

        private boolean overlapsVertically(Field other) {
            return other.y < y + height && y < other.y + other.height;
        }

        private boolean overlapsHorizontally(Field other) {
            return other.x < x + width && x < other.x + other.width;
        }
    }

    /**
     * The field's rectangle grown by up to {@code tolerance} points on each side where the form leaves room: not
     * into a neighbouring field's rectangle, so that a value printed a little off its place is still read, while
     * the first letter of the next field (the state after the city) is not taken for the end of this one.
     */
    public PdfArea readingArea(Field field, float tolerance) {
        float left = tolerance;
        float right = tolerance;
        float below = tolerance;
        float above = tolerance;
        for (Field other : fields.values()) {
            if (other == field || !other.visible() || other.page != field.page) {
                continue;
            }
            if (field.overlapsVertically(other)) {
                if (other.x + other.width <= field.x) {
                    left = Math.min(left, field.x - (other.x + other.width));
                }
                if (other.x >= field.x + field.width) {
                    right = Math.min(right, other.x - (field.x + field.width));
                }
            }
            if (field.overlapsHorizontally(other)) {
                if (other.y + other.height <= field.y) {
                    below = Math.min(below, field.y - (other.y + other.height));
                }
                if (other.y >= field.y + field.height) {
                    above = Math.min(above, other.y - (field.y + field.height));
                }
            }
        }
        return field.area(left, right, below, above);
    }

    private final Map<String, Field> fields;

    private Acord25Form(Map<String, Field> fields) {
        this.fields = fields;
    }

    public static Acord25Form edition2016() {
        return INSTANCE;
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * The form's own name for a field however a producer's tool wrapped it: {@code F[0].P1[0].Producer_FullName_A[0]}
     * is {@code Producer_FullName_A}.
     */
    public static String shortName(String qualified) {
        String last = qualified.substring(qualified.lastIndexOf('.') + 1);
        return last.replaceAll("\\[\\d+]$", "");
    }

    private static Acord25Form load() {
        try (InputStream in = Acord25Form.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Field> fields = new LinkedHashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                fields.put(cells[0], new Field(cells[0], "checkbox".equals(cells[1]), Integer.parseInt(cells[2]),
                        Float.parseFloat(cells[3]), Float.parseFloat(cells[4]), Float.parseFloat(cells[5]),
                        Float.parseFloat(cells[6]), cells[7].isBlank() ? null : Integer.valueOf(cells[7]),
                        cells.length > 8 && !cells[8].isBlank() ? cells[8] : null));
            }
            return new Acord25Form(java.util.Collections.unmodifiableMap(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
