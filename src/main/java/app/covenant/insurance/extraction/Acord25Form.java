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

        /** The rectangle grown by {@code tolerance} points, in the top-left coordinates text extraction uses. */
        public PdfArea area(float tolerance) {
            float left = Math.max(0, x - tolerance);
            float top = Math.max(0, PAGE_HEIGHT - y - height - tolerance);
            return new PdfArea(page, left, top, width + 2 * tolerance, height + 2 * tolerance);
        }
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
