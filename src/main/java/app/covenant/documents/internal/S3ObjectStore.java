package app.covenant.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/**
 * Content in an S3 bucket (AWS or any S3-compatible server through {@code AWS_S3_ENDPOINT}), with the
 * synchronous client. Downloads can be handed to S3 itself with a short-lived presigned GET.
 */
final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private final S3Client client;
    private final S3Presigner presigner;
    private final String bucket;
    private final String location;

    S3ObjectStore(DocumentsProperties.S3 settings) {
        this.bucket = settings.bucket();
        Region region = Region.of(settings.region());
        AwsCredentialsProvider credentials = DocumentsProperties.present(settings.accessKey())
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration configuration = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var clientBuilder = S3Client.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(configuration);
        var presignerBuilder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(configuration);
        URI endpoint = DocumentsProperties.present(settings.endpoint()) ? URI.create(settings.endpoint().strip()) : null;
        if (endpoint != null) {
            // S3-compatible servers often lack the newer default checksums: send them only where S3 requires them.
            clientBuilder.endpointOverride(endpoint)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            presignerBuilder.endpointOverride(endpoint);
        }
        this.client = clientBuilder.build();
        this.presigner = presignerBuilder.build();
        this.location = "s3 bucket " + bucket + " in " + region
                + (endpoint == null ? "" : " at " + endpoint)
                + (settings.pathStyle() ? " (path-style)" : "");
    }

    @Override
    public String describe() {
        return location;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        try {
            client.putObject(PutObjectRequest.builder().bucket(bucket).key(ObjectStore.checkedKey(key))
                    .contentType(contentType).contentLength(length).build(), RequestBody.fromInputStream(content, length));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + " in " + location, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(GetObjectRequest.builder().bucket(bucket).key(ObjectStore.checkedKey(key)).build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + " from " + location, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(builder -> builder.bucket(bucket).key(ObjectStore.checkedKey(key)));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key + " from " + location, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            client.headObject(HeadObjectRequest.builder().bucket(bucket).key(ObjectStore.checkedKey(key)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Could not look up " + key + " in " + location, e);
        } catch (SdkException e) {
            throw new IOException("Could not look up " + key + " in " + location, e);
        }
    }

    @Override
    public Optional<URI> presignedDownload(String key, String contentDisposition, String contentType,
                                           Duration expiry) {
        GetObjectRequest get = GetObjectRequest.builder().bucket(bucket).key(ObjectStore.checkedKey(key))
                .responseContentDisposition(contentDisposition).responseContentType(contentType).build();
        GetObjectPresignRequest request = GetObjectPresignRequest.builder().signatureDuration(expiry)
                .getObjectRequest(get).build();
        return Optional.of(URI.create(presigner.presignGetObject(request).url().toString()));
    }

    @Override
    public void close() {
        presigner.close();
        client.close();
    }
}
