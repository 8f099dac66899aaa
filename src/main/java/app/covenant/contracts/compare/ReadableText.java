package app.covenant.contracts.compare;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text a reader sees in an HTML fragment, with its layout reduced to three separators: {@code "\n\n"} between
 * blocks (paragraphs, headings, list items, table rows), {@code "\n"} for a line break and {@code " "} for any other
 * white space. Jsoup's own {@code text()} joins blocks with a single space, which would let the last word of one
 * paragraph and the first of the next read as neighbours in a diff; keeping the breaks keeps them apart.
 */
final class ReadableText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
            "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "hr",
            "section", "article", "header", "footer", "address", "figure", "figcaption");
    private static final Set<String> CELLS = Set.of("td", "th");

    private static final int NONE = 0;
    private static final int SPACE = 1;
    private static final int LINE = 2;
    private static final int PARAGRAPH = 3;

    private final StringBuilder text = new StringBuilder();
    private int pending = NONE;
    private int insidePre;

    private ReadableText() {
    }

    static String ofHtml(String html) {
        ReadableText readable = new ReadableText();
        if (html != null && !html.isBlank()) {
            Element body = Jsoup.parseBodyFragment(html).body();
            NodeTraversor.traverse(readable.visitor(), body);
        }
        return readable.text.toString();
    }

    /** Plain text (extracted from uploaded paper, say): a blank line separates paragraphs, a newline lines. */
    static String ofPlain(String plain) {
        ReadableText readable = new ReadableText();
        if (plain != null) {
            int newlines = 0;
            for (int i = 0; i < plain.length(); i++) {
                char c = plain.charAt(i);
                if (c == '\n') {
                    newlines++;
                    readable.breakAtLeast(newlines > 1 ? PARAGRAPH : LINE);
                } else if (isSpace(c)) {
                    readable.breakAtLeast(SPACE);
                } else {
                    newlines = 0;
                    readable.append(c);
                }
            }
        }
        return readable.text.toString();
    }

    private NodeVisitor visitor() {
        return new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    appendText(textNode.getWholeText());
                } else if (node instanceof Element element) {
                    opening(element.normalName());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    closing(element.normalName());
                }
            }
        };
    }

    private void opening(String tag) {
        if (tag.equals("br")) {
            breakAtLeast(LINE);
        } else if (BLOCKS.contains(tag)) {
            breakAtLeast(PARAGRAPH);
        } else if (CELLS.contains(tag)) {
            breakAtLeast(SPACE);
        }
        if (tag.equals("pre")) {
            insidePre++;
        }
    }

    private void closing(String tag) {
        if (BLOCKS.contains(tag)) {
            breakAtLeast(PARAGRAPH);
        } else if (CELLS.contains(tag)) {
            breakAtLeast(SPACE);
        }
        if (tag.equals("pre")) {
            insidePre--;
        }
    }

    private void appendText(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' && insidePre > 0) {
                breakAtLeast(LINE);
            } else if (isSpace(c)) {
                breakAtLeast(SPACE);
            } else {
                append(c);
            }
        }
    }

    private void breakAtLeast(int separator) {
        pending = Math.max(pending, separator);
    }

    /** Writes the strongest separator seen since the last visible character; none before the first or at the end. */
    private void append(char c) {
        if (!text.isEmpty()) {
            switch (pending) {
                case SPACE -> text.append(' ');
                case LINE -> text.append('\n');
                case PARAGRAPH -> text.append("\n\n");
                default -> {
                }
            }
        }
        pending = NONE;
        text.append(c);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B';
    }
}
