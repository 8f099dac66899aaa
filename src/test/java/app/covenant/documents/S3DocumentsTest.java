package app.covenant.documents;

import static app.covenant.documents.DocumentUploads.download;
import static app.covenant.documents.DocumentUploads.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.covenant.documents.internal.OrphanCleanup;
import app.covenant.support.IntegrationTest;
import app.covenant.support.SignIn;
import app.covenant.support.TestTenants;
import app.covenant.support.TestTenants.Tenant;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;

/**
 * The S3 provider against a real S3 server in this JVM (S3Proxy with its in-memory backend on a free
 * port), addressed path-style through {@code AWS_S3_ENDPOINT} as an S3-compatible server would be: upload
 * over HTTP, the object in the bucket with the same bytes, streamed reads, presigned downloads, and the
 * orphan cleanup deleting from the bucket.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3DocumentsTest {

    private static final String ACCESS_KEY = "covenant-test-access";
    private static final String SECRET_KEY = "covenant-test-secret-0123456789";
    private static final String BUCKET = "covenant-documents";
    private static final S3Proxy SERVER;
    private static final URI ENDPOINT;

    static {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        SERVER = S3Proxy.builder().blobStore(BlobStores.create("transient", properties))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0")).ignoreUnknownHeaders(true).build();
        try {
            SERVER.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        // In the same thread: another one would wait for this class to finish initialising.
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(SERVER.getState()));
        ENDPOINT = URI.create("http://127.0.0.1:" + SERVER.getPort());
        try (S3Client s3 = client()) {
            s3.createBucket(bucket -> bucket.bucket(BUCKET));
        }
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("covenant.documents.provider", () -> "s3");
        registry.add("covenant.documents.s3.bucket", () -> BUCKET);
        registry.add("covenant.documents.s3.region", () -> "us-east-1");
        registry.add("covenant.documents.s3.access-key", () -> ACCESS_KEY);
        registry.add("covenant.documents.s3.secret-key", () -> SECRET_KEY);
        registry.add("covenant.documents.s3.endpoint", ENDPOINT::toString);
        registry.add("covenant.documents.s3.path-style", () -> "true");
        registry.add("covenant.documents.presigned-downloads", () -> "true");
        registry.add("covenant.documents.cleanup-grace", () -> "0s");
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DocumentStorage storage;

    @Autowired
    OrphanCleanup cleanup;

    @Autowired
    TransactionTemplate transactions;

    private Tenant tenant;
    private String user;

    @BeforeAll
    void tenant() {
        tenant = TestTenants.create(jdbc);
        user = SignIn.accessToken(http, tenant.email("USER"));
    }

    @AfterAll
    void stopServer() throws Exception {
        SERVER.stop();
    }

    @Test
    void stores_the_upload_in_the_bucket_and_reads_it_back() throws Exception {
        byte[] pdf = DocumentFixtures.pdf();

        ResponseEntity<JsonNode> created = upload(http, "/api/v1/documents", user, "policy.pdf", pdf);

        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String id = created.getBody().get("id").asString();
        assertThat(created.getBody().get("sha256").asString()).isEqualTo(DocumentFixtures.sha256(pdf));
        String key = jdbc.queryForObject("select storage_key from documents where id = ?::uuid", String.class, id);
        try (S3Client s3 = client()) {
            assertThat(s3.getObject(get -> get.bucket(BUCKET).key(key), ResponseTransformer.toBytes()).asByteArray())
                    .isEqualTo(pdf);
        }
        try (DocumentContent content = storage.open(java.util.UUID.fromString(id)); InputStream in = content.stream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
            assertThat(content.contentType()).isEqualTo("application/pdf");
        }
    }

    @Test
    void hands_downloads_to_s3_with_a_presigned_url() throws Exception {
        byte[] png = DocumentFixtures.png();
        String id = upload(http, "/api/v1/documents", user, "photo.png", png).getBody().get("id").asString();

        ResponseEntity<byte[]> redirect = download(http.withRedirects(HttpRedirects.DONT_FOLLOW),
                "/api/v1/documents/" + id + "/content", user);

        assertThat(redirect.getStatusCode().value()).isEqualTo(302);
        URI presigned = redirect.getHeaders().getLocation();
        assertThat(presigned.toString()).startsWith(ENDPOINT + "/" + BUCKET + "/").contains("X-Amz-Signature");
        HttpResponse<byte[]> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(presigned).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(direct.body()).isEqualTo(png);
        assertThat(direct.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).startsWith("attachment").contains("photo.png"));
    }

    @Test
    void cleanup_deletes_objects_without_a_committed_document_from_the_bucket() {
        AtomicReference<String> orphan = new AtomicReference<>();
        // Other tests of this JVM share the database and may have left orphans of their own storage.
        List<String> earlierOrphans = orphanKeys();
        StagedDocument staged = storage.stage("lost.jpg", new ByteArrayInputStream(DocumentFixtures.jpeg()));
        transactions.executeWithoutResult(status -> {
            storage.store(DocumentOwner.library(tenant.organizationId()), staged, null);
            status.setRollbackOnly();
        });
        List<String> orphans = orphanKeys().stream().filter(key -> !earlierOrphans.contains(key)).toList();
        assertThat(orphans).hasSize(1);
        orphan.set(orphans.getFirst());
        assertThat(keys()).contains(orphan.get());

        OrphanCleanup.Result result = cleanup.runNow();

        assertThat(result.removed()).isGreaterThanOrEqualTo(1);
        assertThat(keys()).doesNotContain(orphan.get());
    }

    private List<String> orphanKeys() {
        return jdbc.queryForList("select storage_key from document_objects o where not exists "
                + "(select 1 from documents d where d.storage_key = o.storage_key)", String.class);
    }

    private static List<String> keys() {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(list -> list.bucket(BUCKET)).contents().stream().map(S3Object::key)
                    .toList();
        }
    }

    private static S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(ENDPOINT).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }
}
