package app.covenant.documents;

import static app.covenant.documents.DocumentUploads.download;
import static app.covenant.documents.DocumentUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.covenant.documents.internal.OrphanCleanup;
import app.covenant.shared.problem.ProblemException;
import app.covenant.support.IntegrationTest;
import app.covenant.support.PageClient;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants.Tenant;
import app.covenant.support.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The documents module end to end on the local provider: uploads of every accepted type over HTTP with
 * their checksums, refusals (415, 413, 400) that store nothing, the version chain, downloads and who may
 * make them, and the orphan cleanup of content whose transaction rolled back or whose document was deleted.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalDocumentsTest {

    private static final Path FILES;
    static final long LIMIT = 64 * 1024;
    static final long INFLATED_LIMIT = 1024 * 1024;

    static {
        try {
            FILES = Files.createTempDirectory("covenant-documents-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("covenant.documents.local.directory", FILES::toString);
        registry.add("covenant.documents.max-size", () -> LIMIT + "B");
        registry.add("spring.servlet.multipart.max-file-size", () -> LIMIT + "B");
        registry.add("covenant.documents.cleanup-grace", () -> "0s");
        registry.add("covenant.documents.max-inflated-size", () -> INFLATED_LIMIT + "B");
    }

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DocumentStorage storage;

    @Autowired
    OrphanCleanup cleanup;

    @Autowired
    TransactionTemplate transactions;

    private Tenant tenant;
    private Tenant other;
    private String manager;

    @BeforeAll
    void tenants() {
        tenant = TestTenants.create(jdbc);
        other = TestTenants.create(jdbc);
        manager = SignIn.accessToken(http, tenant.email("MANAGER"));
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                Arguments.of("contract.pdf", DocumentFixtures.pdf(), "application/pdf"),
                Arguments.of("site photo.png", DocumentFixtures.png(), "image/png"),
                Arguments.of("site.jpg", DocumentFixtures.jpeg(), "image/jpeg"),
                Arguments.of("agreement.docx", DocumentFixtures.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void stores_each_accepted_type_with_its_checksum_and_serves_it_back(String name, byte[] bytes, String type) {
        ResponseEntity<JsonNode> created = upload(http, "/api/v1/documents", manager, name, bytes);

        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        JsonNode document = created.getBody();
        assertThat(document.get("contentType").asString()).isEqualTo(type);
        assertThat(document.get("sha256").asString()).isEqualTo(DocumentFixtures.sha256(bytes));
        assertThat(document.get("sizeBytes").asLong()).isEqualTo(bytes.length);
        assertThat(document.get("name").asString()).isEqualTo(name);
        assertThat(document.get("version").asInt()).isEqualTo(1);

        ResponseEntity<byte[]> content = download(http, "/api/v1/documents/" + document.get("id").asString()
                + "/content", manager);
        assertThat(content.getStatusCode().value()).isEqualTo(200);
        assertThat(content.getBody()).isEqualTo(bytes);
        assertThat(content.getHeaders().getContentType().toString()).isEqualTo(type);
        assertThat(content.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo(name);
        assertThat(content.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void refuses_content_that_is_not_an_accepted_type_whatever_its_name() {
        long objects = storedObjects();

        for (byte[] bytes : List.of(DocumentFixtures.exe(), DocumentFixtures.text(), DocumentFixtures.zip())) {
            ResponseEntity<JsonNode> refused = upload(http, "/api/v1/documents", manager, "invoice.pdf", bytes);
            assertThat(refused.getStatusCode().value()).isEqualTo(415);
            assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
        }
        assertThat(storedObjects()).as("nothing stored").isEqualTo(objects);
    }

    @Test
    void refuses_files_over_the_limit_and_empty_files() {
        long objects = storedObjects();

        ResponseEntity<JsonNode> tooLarge = upload(http, "/api/v1/documents", manager, "big.pdf",
                new byte[(int) LIMIT + 1024]);
        ResponseEntity<JsonNode> empty = upload(http, "/api/v1/documents", manager, "empty.pdf", new byte[0]);

        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(storedObjects()).isEqualTo(objects);
        // The module's own limit holds for other modules' calls too, which do not pass through multipart.
        byte[] overLimit = new byte[(int) LIMIT + 1];
        System.arraycopy(DocumentFixtures.pdf(), 0, overLimit, 0, 100);
        assertThatThrownBy(() -> storage.store(DocumentOwner.library(tenant.organizationId()), "x.pdf",
                new ByteArrayInputStream(overLimit), null))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.status()).isEqualTo(413));
    }

    @Test
    void keeps_a_chain_of_versions_and_lists_the_newest_of_each_document() {
        String name = "chain-" + UUID.randomUUID() + ".pdf";
        JsonNode first = upload(http, "/api/v1/documents", manager, "../../etc/" + name, DocumentFixtures.pdf())
                .getBody();
        assertThat(first.get("name").asString()).as("path parts dropped").isEqualTo(name);
        String firstId = first.get("id").asString();

        ResponseEntity<JsonNode> second = upload(http, "/api/v1/documents/" + firstId + "/versions", manager,
                "renamed.pdf", DocumentFixtures.pdf(2));
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody().get("name").asString()).as("the document keeps its name").isEqualTo(name);
        assertThat(second.getBody().get("version").asInt()).isEqualTo(2);
        assertThat(second.getBody().get("chainId").asString()).isEqualTo(firstId);

        JsonNode details = SignIn.get(http, "/api/v1/documents/" + firstId, manager).getBody();
        assertThat(details.get("versions")).extracting(v -> v.get("version").asInt()).containsExactly(1, 2);
        assertThat(details.get("versions")).extracting(v -> v.get("latest").asBoolean()).containsExactly(false, true);

        JsonNode list = SignIn.get(http, "/api/v1/documents?name=" + name.substring(0, 20), manager).getBody();
        assertThat(list.get("page").get("totalElements").asInt()).isEqualTo(1);
        assertThat(list.get("content").get(0).get("id").asString()).isEqualTo(second.getBody().get("id").asString());
    }

    @Test
    void only_the_organization_reads_its_documents_and_only_uploaders_change_them() {
        String id = upload(http, "/api/v1/documents", manager, "private.pdf", DocumentFixtures.pdf()).getBody()
                .get("id").asString();
        String otherAdmin = SignIn.accessToken(http, other.email("ADMIN"));
        String finance = SignIn.accessToken(http, tenant.email("FINANCE_MANAGER"));

        assertThat(SignIn.get(http, "/api/v1/documents/" + id, otherAdmin).getStatusCode().value()).isEqualTo(404);
        assertThat(download(http, "/api/v1/documents/" + id + "/content", otherAdmin).getStatusCode().value())
                .isEqualTo(404);
        assertThat(upload(http, "/api/v1/documents/" + id + "/versions", otherAdmin, "x.pdf", DocumentFixtures.pdf())
                .getStatusCode().value()).isEqualTo(404);
        assertThat(delete(id, otherAdmin)).isEqualTo(404);
        assertThat(SignIn.get(http, "/api/v1/documents", otherAdmin).getBody().get("content").valueStream()
                .map(d -> d.get("id").asString())).doesNotContain(id);

        // Finance managers read documents but do not upload.
        assertThat(download(http, "/api/v1/documents/" + id + "/content", finance).getStatusCode().value())
                .isEqualTo(200);
        assertThat(upload(http, "/api/v1/documents", finance, "x.pdf", DocumentFixtures.pdf()).getStatusCode().value())
                .isEqualTo(403);
        assertThat(delete(id, finance)).isEqualTo(403);
        // A colleague who uploads too may not delete someone else's document; an administrator may.
        assertThat(delete(id, SignIn.accessToken(http, tenant.email("USER")))).isEqualTo(403);
        String colleagues = upload(http, "/api/v1/documents", SignIn.accessToken(http, tenant.email("USER")),
                "colleague.pdf", DocumentFixtures.pdf()).getBody().get("id").asString();
        assertThat(delete(colleagues, SignIn.accessToken(http, tenant.email("ADMIN")))).isEqualTo(204);

        assertThat(delete(id, manager)).isEqualTo(204);
        assertThat(SignIn.get(http, "/api/v1/documents/" + id, manager).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void a_document_of_a_module_without_an_access_policy_is_read_by_nobody_through_the_api() {
        DocumentView stored = storage.store(new DocumentOwner("nopolicy", UUID.randomUUID(), tenant.organizationId()),
                "owned.pdf", new ByteArrayInputStream(DocumentFixtures.pdf()), tenant.userId("ADMIN"));
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));

        assertThat(SignIn.get(http, "/api/v1/documents/" + stored.id(), admin).getStatusCode().value()).isEqualTo(404);
        assertThat(download(http, "/api/v1/documents/" + stored.id() + "/content", admin).getStatusCode().value())
                .isEqualTo(404);
        assertThat(storage.find(stored.id())).isPresent();
    }

    @Test
    void shows_only_a_pdf_inline() {
        String pdf = upload(http, "/api/v1/documents", manager, "preview.pdf", DocumentFixtures.pdf()).getBody()
                .get("id").asString();
        String png = upload(http, "/api/v1/documents", manager, "preview.png", DocumentFixtures.png()).getBody()
                .get("id").asString();

        ResponseEntity<byte[]> inline = download(http, "/api/v1/documents/" + pdf + "/content?disposition=inline",
                manager);
        assertThat(inline.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
        assertThat(download(http, "/api/v1/documents/" + png + "/content?disposition=inline", manager)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void cleanup_removes_content_whose_transaction_rolled_back_and_content_of_deleted_documents() {
        AtomicReference<UUID> rolledBack = new AtomicReference<>();
        // Other tests of this JVM share the database and may have left orphans of their own storage: only the
        // orphans this test makes are its to check.
        List<String> earlierOrphans = orphanKeys();
        StagedDocument staged = storage.stage("lost.pdf", new ByteArrayInputStream(DocumentFixtures.pdf()));
        transactions.executeWithoutResult(status -> {
            rolledBack.set(storage.store(DocumentOwner.library(tenant.organizationId()), staged, null).id());
            status.setRollbackOnly();
        });
        assertThat(storage.find(rolledBack.get())).isEmpty();
        List<String> orphanKeys = orphanKeys().stream().filter(key -> !earlierOrphans.contains(key)).toList();
        assertThat(orphanKeys).isNotEmpty().allSatisfy(key -> assertThat(FILES.resolve(key)).exists());

        DocumentView deleted = storage.store(DocumentOwner.library(tenant.organizationId()), "gone.pdf",
                new ByteArrayInputStream(DocumentFixtures.pdf()), null);
        String deletedKey = jdbc.queryForObject("select storage_key from documents where id = ?", String.class,
                deleted.id());
        storage.delete(deleted.id());
        DocumentView kept = storage.store(DocumentOwner.library(tenant.organizationId()), "kept.pdf",
                new ByteArrayInputStream(DocumentFixtures.pdf()), null);
        String keptKey = jdbc.queryForObject("select storage_key from documents where id = ?", String.class, kept.id());

        OrphanCleanup.Result result = cleanup.runNow();

        assertThat(result.removed()).isGreaterThanOrEqualTo(orphanKeys.size() + 1);
        assertThat(result.failed()).isZero();
        assertThat(orphanKeys).allSatisfy(key -> assertThat(FILES.resolve(key)).doesNotExist());
        assertThat(FILES.resolve(deletedKey)).doesNotExist();
        assertThat(FILES.resolve(keptKey)).exists();
        assertThat(jdbc.queryForObject("select count(*) from document_objects where storage_key = ?", Long.class,
                deletedKey)).isZero();
    }

    private List<String> orphanKeys() {
        return jdbc.queryForList("select storage_key from document_objects o where not exists "
                + "(select 1 from documents d where d.storage_key = o.storage_key)", String.class);
    }

    @Test
    void the_pages_list_upload_and_show_versions_and_explain_refused_uploads() {
        PageClient browser = new PageClient(port, manager);
        String name = "page-" + UUID.randomUUID() + ".pdf";
        byte[] pdf = DocumentFixtures.pdf();

        HttpResponse<String> uploaded = browser.upload("/documents", "/documents", name, pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String detail = uploaded.headers().firstValue("Location").orElseThrow();
        assertThat(detail).contains("/documents/").endsWith("?done=uploaded");
        String detailPath = URI.create(detail).getPath();
        HttpResponse<String> page = browser.get(detailPath + "?done=uploaded");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(name, DocumentFixtures.sha256(pdf), "The document was uploaded.",
                "Upload a new version", "Test MANAGER");

        byte[] pdf2 = DocumentFixtures.pdf(2);
        HttpResponse<String> version = browser.upload(detailPath, detailPath + "/versions", name, pdf2);
        assertThat(version.statusCode()).isEqualTo(302);
        HttpResponse<String> second = browser.get(URI.create(version.headers().firstValue("Location").orElseThrow())
                .getPath());
        assertThat(second.body()).contains("Version 2", DocumentFixtures.sha256(pdf2),
                DocumentFixtures.sha256(pdf));
        HttpResponse<String> otherType = browser.upload(detailPath, detailPath + "/versions", "photo.png",
                DocumentFixtures.png());
        assertThat(otherType.statusCode()).isEqualTo(415);
        assertThat(otherType.body()).contains("A new version must be of the document&#39;s type");

        HttpResponse<String> list = browser.get("/documents?name=" + name.substring(0, 20));
        assertThat(list.body()).contains(name).contains("application/pdf");
        // A document stored by another module's job has no uploader.
        DocumentView unattended = storage.store(DocumentOwner.library(tenant.organizationId()), "system.pdf",
                new ByteArrayInputStream(pdf), null);
        assertThat(browser.get("/documents").statusCode()).isEqualTo(200);
        assertThat(browser.get("/documents/" + unattended.id()).statusCode()).isEqualTo(200);

        HttpResponse<String> wrongType = browser.upload("/documents", "/documents", "setup.pdf", DocumentFixtures.exe());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("The upload was refused", "Only PDF, DOCX, PNG and JPEG files");

        HttpResponse<String> tooLarge = browser.upload("/documents", "/documents", "big.pdf", new byte[(int) LIMIT * 2]);
        assertThat(tooLarge.statusCode()).isEqualTo(303);
        assertThat(tooLarge.headers().firstValue("Location").orElseThrow()).endsWith("/documents?error=too-large");
        assertThat(browser.get("/documents?error=too-large").body()).contains("larger than the upload limit");

        HttpResponse<String> tooLargeVersion = browser.upload(detailPath, detailPath + "/versions", "big.pdf",
                new byte[(int) LIMIT * 2]);
        assertThat(tooLargeVersion.headers().firstValue("Location").orElseThrow())
                .endsWith(detailPath + "?error=too-large");
    }

    @Test
    void the_upload_page_takes_several_files_and_stores_only_the_accepted_ones() {
        PageClient browser = new PageClient(port, manager);
        String good = "several-" + UUID.randomUUID() + ".pdf";
        String refused = "several-" + UUID.randomUUID() + ".pdf";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(good, DocumentFixtures.pdf(3));
        files.put(refused, DocumentFixtures.exe());

        HttpResponse<String> mixed = browser.upload("/documents", "/documents", files);

        assertThat(mixed.statusCode()).isEqualTo(415);
        assertThat(mixed.body()).contains("1 of 2 files were refused; the others are stored", good, refused,
                "data-outcome=\"stored\"", "data-outcome=\"refused\"", "Only PDF, DOCX, PNG and JPEG files");
        assertThat(jdbc.queryForObject("select count(*) from documents where organization_id = ? and original_name = ?",
                Long.class, tenant.organizationId(), good)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from documents where organization_id = ? and original_name like ?",
                Long.class, tenant.organizationId(), refused.replace(".pdf", "") + "%")).isZero();

        Map<String, byte[]> twoGood = new LinkedHashMap<>();
        twoGood.put("pair-a-" + UUID.randomUUID() + ".pdf", DocumentFixtures.pdf(4));
        twoGood.put("pair-b-" + UUID.randomUUID() + ".png", DocumentFixtures.png());
        HttpResponse<String> both = browser.upload("/documents", "/documents", twoGood);
        assertThat(both.statusCode()).isEqualTo(302);
        assertThat(both.headers().firstValue("Location").orElseThrow()).endsWith("/documents?done=documents-uploaded");
        HttpResponse<String> list = browser.get("/documents?done=documents-uploaded");
        assertThat(list.body()).contains("The documents were uploaded.", "PNG image", "PDF");

        HttpResponse<String> nothing = browser.upload("/documents", "/documents", Map.of("", new byte[0]));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("Choose a file to upload.");
        assertThat(browser.get("/documents?done=not-a-declared-key").body()).doesNotContain("not-a-declared-key\"")
                .doesNotContain("data-flash");
    }

    @Test
    void the_documents_list_pages_by_the_shared_page_size_rule() {
        PageClient browser = new PageClient(port, manager);
        for (int i = 0; i < 3; i++) {
            upload(http, "/api/v1/documents", manager, "paged-" + i + ".pdf", DocumentFixtures.pdf(10 + i));
        }
        HttpResponse<String> first = browser.get("/documents?name=paged-&size=2");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("Showing <strong>1</strong>–<strong>2</strong>", "of <strong>3</strong>",
                "href=\"/documents?name=paged-&amp;page=1&amp;size=2\"");
        HttpResponse<String> second = browser.get("/documents?name=paged-&page=1&size=2");
        assertThat(second.body()).contains("Showing <strong>3</strong>–<strong>3</strong>");
        assertThat(browser.get("/documents?name=paged-").body()).contains("Showing <strong>1</strong>–<strong>3</strong>");
        assertThat(browser.get("/documents?sort=name;drop").statusCode()).isEqualTo(400);
    }

    @Test
    void stores_the_name_with_the_extension_of_the_detected_type() {
        JsonNode png = upload(http, "/api/v1/documents", manager, "pic.html", DocumentFixtures.png()).getBody();
        JsonNode jpeg = upload(http, "/api/v1/documents", manager, "scan.JPEG", DocumentFixtures.jpeg()).getBody();
        JsonNode pdf = upload(http, "/api/v1/documents", manager, "terms", DocumentFixtures.pdf()).getBody();

        assertThat(png.get("name").asString()).isEqualTo("pic.png");
        assertThat(jpeg.get("name").asString()).isEqualTo("scan.JPEG");
        assertThat(pdf.get("name").asString()).isEqualTo("terms.pdf");
        ResponseEntity<byte[]> content = download(http, "/api/v1/documents/" + png.get("id").asString() + "/content",
                manager);
        assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo("pic.png");
        assertThat(content.getHeaders().getContentType().toString()).isEqualTo("image/png");
    }

    @Test
    void refuses_a_docx_that_would_inflate_past_the_limit() {
        long objects = storedObjects();
        byte[] bomb = DocumentFixtures.docxWithPart("word/media/zeros.bin", new byte[(int) INFLATED_LIMIT + 1]);
        assertThat(bomb.length).as("small when compressed").isLessThan((int) LIMIT);

        ResponseEntity<JsonNode> refused = upload(http, "/api/v1/documents", manager, "bomb.docx", bomb);

        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getBody().get("detail").asString()).contains("expand");
        assertThat(storedObjects()).as("nothing stored").isEqualTo(objects);
        byte[] fits = DocumentFixtures.docxWithPart("word/media/zeros.bin", new byte[(int) INFLATED_LIMIT / 2]);
        assertThat(upload(http, "/api/v1/documents", manager, "fits.docx", fits).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void a_new_version_is_for_the_uploader_or_a_manager_of_documents_and_of_the_same_type() {
        String user = SignIn.accessToken(http, tenant.email("USER"));
        String admin = SignIn.accessToken(http, tenant.email("ADMIN"));
        JsonNode original = upload(http, "/api/v1/documents", user, "users-plan.pdf", DocumentFixtures.pdf()).getBody();
        String path = "/api/v1/documents/" + original.get("id").asString() + "/versions";
        long objects = storedObjects();

        ResponseEntity<JsonNode> colleague = upload(http, path, manager, "mine-now.pdf", DocumentFixtures.pdf(2));
        ResponseEntity<JsonNode> otherType = upload(http, path, user, "users-plan.png", DocumentFixtures.png());

        assertThat(colleague.getStatusCode().value()).as("someone else's document").isEqualTo(403);
        assertThat(otherType.getStatusCode().value()).isEqualTo(415);
        assertThat(otherType.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(storedObjects()).as("nothing stored").isEqualTo(objects);
        ResponseEntity<JsonNode> byUploader = upload(http, path, user, "v2.pdf", DocumentFixtures.pdf(2));
        ResponseEntity<JsonNode> byAdmin = upload(http, path, admin, "v3.pdf", DocumentFixtures.pdf(3));
        assertThat(byUploader.getStatusCode().value()).isEqualTo(201);
        assertThat(byAdmin.getStatusCode().value()).as("document:manage").isEqualTo(201);
        assertThat(byAdmin.getBody().get("version").asInt()).isEqualTo(3);
        assertThat(byAdmin.getBody().get("name").asString()).isEqualTo("users-plan.pdf");
        assertThat(byAdmin.getBody().get("contentType").asString()).isEqualTo("application/pdf");
    }

    @Test
    void content_is_staged_only_outside_a_transaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                storage.stage("held.pdf", new ByteArrayInputStream(DocumentFixtures.pdf()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("outside transactions");
    }

    private int delete(String id, String token) {
        return http.exchange("/api/v1/documents/" + id, HttpMethod.DELETE, new HttpEntity<>(SignIn.bearer(token)),
                JsonNode.class).getStatusCode().value();
    }

    private long storedObjects() {
        try (Stream<Path> files = Files.list(FILES)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
