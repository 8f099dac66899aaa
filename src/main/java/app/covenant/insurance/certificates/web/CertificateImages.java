package app.covenant.insurance.certificates.web;

import app.covenant.documents.DocumentContent;
import app.covenant.documents.DocumentStorage;
import app.covenant.documents.pdf.PdfDocument;
import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.certificates.CoiDocument;
import app.covenant.shared.problem.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * A certificate's document as images for the review page (the CSP forbids framing a PDF): a PDF page drawn
 * by PDFBox, or a PNG/JPEG document as it is (its one page).
 */
@Component
class CertificateImages {

    /** Sharp enough to read an ACORD 25's small print beside the form, small enough to send quickly. */
    static final int DPI = 110;

    /** An image and its content type. */
    record Image(byte[] bytes, String contentType) {
    }

    private final DocumentStorage storage;
    private final PdfReader reader;

    CertificateImages(DocumentStorage storage, PdfReader reader) {
        this.storage = storage;
        this.reader = reader;
    }

    /** The number of page images of a document (0 when it is neither a PDF nor an image). */
    int pageCount(CoiDocument document) {
        if (isImage(document.contentType())) {
            return 1;
        }
        if (!"application/pdf".equals(document.contentType())) {
            return 0;
        }
        try (DocumentContent content = storage.open(document.documentId());
             PdfDocument pdf = reader.open(content.stream())) {
            return pdf.pageCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProblemException unreadable) {
            return 0;
        }
    }

    /** Page {@code page} (from 1) of the document; {@code 404} for a page it does not have. */
    Image page(CoiDocument document, int page) {
        try (DocumentContent content = storage.open(document.documentId())) {
            if (isImage(content.contentType())) {
                if (page != 1) {
                    throw ProblemException.notFound("Page");
                }
                return new Image(content.stream().readAllBytes(), content.contentType());
            }
            if (!"application/pdf".equals(content.contentType())) {
                throw ProblemException.notFound("Page");
            }
            try (PdfDocument pdf = reader.open(content.stream())) {
                if (page < 1 || page > pdf.pageCount()) {
                    throw ProblemException.notFound("Page");
                }
                return new Image(pdf.pageAsPng(page, DPI), "image/png");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isImage(String contentType) {
        return "image/png".equals(contentType) || "image/jpeg".equals(contentType);
    }
}
