package app.covenant.contracts.internal;

import org.springframework.stereotype.Component;

/** The text of uploaded paper, for search and comparison. */
@Component
class PaperText {

    String extract(byte[] content, String contentType) {
        return "";
    }
}
