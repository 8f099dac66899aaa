package app.covenant.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one document version, opened for reading; the caller streams and closes it (the
 * bytes are never loaded into memory by this module).
 */
public record DocumentContent(DocumentView document, InputStream stream) implements AutoCloseable {

    public String contentType() {
        return document.contentType();
    }

    public long length() {
        return document.sizeBytes();
    }

    public String name() {
        return document.name();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
