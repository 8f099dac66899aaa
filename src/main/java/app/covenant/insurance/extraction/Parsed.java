package app.covenant.insurance.extraction;

/**
 * A normalised value and how it was obtained, from which the extractor derives a confidence.
 *
 * @param value {@code null} when absent (blank) or unreadable
 */
public record Parsed<T>(T value, Quality quality) {

    public enum Quality {
        /** Nothing written: not covered, not an error. */
        BLANK,
        /** Written in one of the usual formats. */
        CLEAN,
        /** Read, but only by interpreting a shorthand or a less usual format ({@code 1M}, {@code 500K}). */
        REPAIRED,
        /** Something is written that cannot be read as the field's kind; nothing is invented. */
        UNREADABLE
    }

    static <T> Parsed<T> blank() {
        return new Parsed<>(null, Quality.BLANK);
    }

    static <T> Parsed<T> unreadable() {
        return new Parsed<>(null, Quality.UNREADABLE);
    }

    static <T> Parsed<T> clean(T value) {
        return new Parsed<>(value, Quality.CLEAN);
    }

    static <T> Parsed<T> repaired(T value) {
        return new Parsed<>(value, Quality.REPAIRED);
    }
}
