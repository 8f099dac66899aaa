package app.covenant.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.documents.DocumentOwner;
import app.covenant.shared.problem.ProblemException;
import app.covenant.support.IntegrationTest;
import app.covenant.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Content staged outside the transaction whose recording then fails is removed at once (not only by the
 * cleanup job a day later), and nothing names it.
 */
@IntegrationTest
class StagedContentDiscardTest {

    private static final Path FILES;

    static {
        try {
            FILES = Files.createTempDirectory("covenant-staged-discard");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("covenant.documents.local.directory", FILES::toString);
    }

    @Autowired
    DocumentService documents;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void content_whose_record_fails_is_removed_at_once() throws IOException {
        UUID organization = TestTenants.create(jdbc).organizationId();
        StagedContent staged = documents.stage("refused.pdf", new ByteArrayInputStream(pdf()), null);
        assertThat(FILES.resolve(staged.storageKey())).exists();

        assertThatThrownBy(() -> documents.recordOrDiscard(staged, () -> {
            documents.store(DocumentOwner.library(organization), staged, null);
            throw ProblemException.conflict("The document was changed at the same time.");
        })).isInstanceOf(ProblemException.class);

        assertThat(FILES.resolve(staged.storageKey())).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from document_objects where storage_key = ?", Long.class,
                staged.storageKey())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from documents where storage_key = ?", Long.class,
                staged.storageKey())).as("rolled back").isZero();
    }

    private static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
