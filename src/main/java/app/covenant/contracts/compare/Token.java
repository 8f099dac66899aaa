package app.covenant.contracts.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A word, one punctuation mark, or a run of white space from {@link ReadableText}. Any two runs of white space are
 * equal: a diff of words should not report a re-flowed line or a split paragraph as a change of wording.
 */
record Token(String text, Type type) {

    enum Type {
        WORD, PUNCTUATION, SPACE
    }

    boolean isSpace() {
        return type == Type.SPACE;
    }

    /** A space or a line break, but not a paragraph break (the only white space a change may swallow). */
    boolean isInlineSpace() {
        return type == Type.SPACE && !text.contains("\n\n");
    }

    boolean isParagraphBreak() {
        return type == Type.SPACE && text.contains("\n\n");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Token token && token.type == type && (type == Type.SPACE || token.text.equals(text));
    }

    @Override
    public int hashCode() {
        return type == Type.SPACE ? type.hashCode() : text.hashCode();
    }

    /**
     * Words are runs of letters, digits and combining marks; an apostrophe between letters ("party's") and a point
     * or comma between digits ("1,500.00") stay inside the word, so a changed amount reads as one replaced word.
     */
    static List<Token> of(String readable) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = readable.length();
        while (i < length) {
            char c = readable.charAt(i);
            int end;
            if (ReadableText.isSpace(c)) {
                end = i + 1;
                while (end < length && ReadableText.isSpace(readable.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(readable.substring(i, end), Type.SPACE));
            } else if (isWordChar(readable, i)) {
                end = wordEnd(readable, i);
                tokens.add(new Token(readable.substring(i, end), Type.WORD));
            } else {
                end = i + Character.charCount(readable.codePointAt(i));
                tokens.add(new Token(readable.substring(i, end), Type.PUNCTUATION));
            }
            i = end;
        }
        return tokens;
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            if (isWordChar(text, i)) {
                i += Character.charCount(text.codePointAt(i));
            } else if (isJoiner(text, i)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isJoiner(String text, int i) {
        if (i == 0 || i + 1 >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        char before = text.charAt(i - 1);
        char after = text.charAt(i + 1);
        if (c == '\'' || c == '\u2019') {
            return Character.isLetter(before) && Character.isLetter(after);
        }
        if (c == '.' || c == ',') {
            return Character.isDigit(before) && Character.isDigit(after);
        }
        return false;
    }

    private static boolean isWordChar(String text, int i) {
        int codePoint = text.codePointAt(i);
        if (Character.isLetterOrDigit(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
