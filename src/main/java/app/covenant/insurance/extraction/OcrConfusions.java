package app.covenant.insurance.extraction;

/**
 * The letters OCR reads in place of digits that look like them ({@code O} for {@code 0}, {@code l} for {@code 1},
 * {@code S} for {@code 5}), turned back into digits. Only for fields where nothing but digits and their separators
 * belongs (dates, amounts), and only when the text as read does not parse; what it repairs is marked as repaired,
 * with a lower confidence.
 */
final class OcrConfusions {

    private OcrConfusions() {
    }

    static String repair(String text) {
        String value = text.strip();
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean leading = i == 0 && value.length() > 1;
            digits.append(switch (c) {
                // A dollar sign in front of an amount, not a five.
                case 'S', 's' -> leading && !value.contains("/") ? '$' : '5';
                case 'O', 'o', 'D', 'Q' -> '0';
                case 'l', 'I', 'i', '|', '!', ']' -> '1';
                case 'B' -> '8';
                case 'Z', 'z' -> '2';
                case 'G' -> '6';
                default -> c;
            });
        }
        // Thousands separators read as full stops: 1.000.000.
        return digits.toString().replaceAll("\\.(?=\\d{3}(?:[.,]|$))", ",");
    }
}
