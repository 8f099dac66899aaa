package app.covenant.contracts.paper;

/** The kinds of third-party paper a contract can be uploaded as, recognised by content, never by file name. */
public enum PaperType {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String contentType;
    private final String extension;

    PaperType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The media type to store and serve the file with. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
