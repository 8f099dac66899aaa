package app.covenant.platform.health;

import app.covenant.platform.http.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API answers while the database cannot be reached: {@code 503} problem with {@code Retry-After}, before the
 * catch-all of the HTTP conventions turns them into {@code 500}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    // What Spring makes of a refused or lost connection, a pool that gave up waiting, and a failed transaction start.
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException failure, HttpServletRequest request) {
        // A resource failure that is no SQL one (a Redis connection failure is one too) still says "try again".
        String detail = DatabaseOutage.isUnavailable(failure) ? DatabaseUnavailableFilter.DETAIL
                : "A service this request needs cannot be reached right now. Try again in a few seconds.";
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, detail, request));
    }
}
