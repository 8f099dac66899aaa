package app.covenant.platform.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * An oversized or unreadable upload fails while the request is parsed, before any controller is chosen,
 * so it is answered here for every path; sending it on to the error page would parse the upload a second time.
 */
@RestControllerAdvice
// Before the page advice, which would otherwise answer the parse failure that Tomcat gives as the cause.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
        String limit = ex.getMaxUploadSize() > 0 ? " of " + ex.getMaxUploadSize() + " bytes" : "";
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "The upload is larger than the limit" + limit + ".", request);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /** A multipart body that cannot be parsed (cut off, no closing boundary) is the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> unreadableUpload(MultipartException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST,
                "The multipart body could not be read: it is incomplete or malformed.", request);
        return ResponseEntity.badRequest().body(problem);
    }
}
