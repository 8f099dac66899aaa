package app.covenant.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A JSON endpoint of every common shape, imported only by tests that check the API conventions
 * (errors, validation, paging, size limits, logging) before the business modules provide real ones.
 */
@TestComponent
@RestController
@RequestMapping(path = "/api/v1/test-probe", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProbeController {

    private static final Logger log = LoggerFactory.getLogger(ProbeController.class);
    private static final List<String> ITEMS = IntStream.rangeClosed(1, 250).mapToObj(i -> "item-" + i).toList();

    public record Echo(@NotBlank String name, @Min(0) long amount, @Email String email) {
    }

    @PostMapping(path = "/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
    Echo echo(@Valid @RequestBody Echo body) {
        return body;
    }

    @GetMapping("/items")
    Page<String> items(Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), ITEMS.size());
        int to = Math.min(from + pageable.getPageSize(), ITEMS.size());
        return new PageImpl<>(ITEMS.subList(from, to), pageable, ITEMS.size());
    }

    @GetMapping("/boom")
    String boom() {
        throw new IllegalStateException("internal detail that must not leak");
    }

    @GetMapping("/log")
    ResponseEntity<Void> log(@RequestParam(defaultValue = "probe log line") String message) {
        log.info(message);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    long upload(@RequestParam("file") MultipartFile file) {
        return file.getSize();
    }
}
