package app.covenant.documents.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the documents module ({@code covenant.documents.*}), fed in {@code application.yml} by
 * {@code STORAGE_PROVIDER}, {@code STORAGE_LOCAL_DIR}, {@code AWS_S3_*}, {@code AZURE_STORAGE_*},
 * {@code UPLOAD_MAX_SIZE}, {@code CLAMAV_*} and {@code DOCUMENTS_CLEANUP_CRON}. A provider chosen without its
 * settings stops startup with a message naming the missing variables.
 *
 * @param provider            where content goes ({@code STORAGE_PROVIDER})
 * @param maxSize             largest document ({@code UPLOAD_MAX_SIZE}, also the multipart limit)
 * @param maxInflatedSize     a DOCX (a ZIP) whose parts inflate to more than this is refused as a zip bomb
 *                            ({@code UPLOAD_MAX_INFLATED_SIZE})
 * @param presignedDownloads  redirect downloads to a short-lived provider URL (s3, azure) instead of streaming
 *                            them through the application ({@code STORAGE_PRESIGNED_DOWNLOADS})
 * @param presignedExpiry     how long such a URL works
 * @param cleanupCron         when the orphan cleanup runs: Spring cron with seconds, in {@code JOBS_TIME_ZONE} ({@code DOCUMENTS_CLEANUP_CRON})
 * @param cleanupGrace        stored content without a document row is removed only once this old, so an upload
 *                            whose transaction is still open is never touched
 */
@Validated
@ConfigurationProperties("covenant.documents")
public record DocumentsProperties(
        @NotNull @DefaultValue("local") StorageProvider provider,
        @NotNull @DefaultValue("25MB") DataSize maxSize,
        @NotNull @DefaultValue("200MB") DataSize maxInflatedSize,
        @DefaultValue("false") boolean presignedDownloads,
        @NotNull @DefaultValue("5m") Duration presignedExpiry,
        @NotBlank @DefaultValue("0 45 3 * * *") String cleanupCron,
        @NotNull @DefaultValue("1h") Duration cleanupGrace,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue S3 s3,
        @Valid @NotNull @DefaultValue Azure azure,
        @Valid @NotNull @DefaultValue Clamav clamav) {

    /** The storage providers of {@code STORAGE_PROVIDER}. */
    public enum StorageProvider { LOCAL, S3, AZURE }

    @AssertTrue(message = "STORAGE_PROVIDER=s3 needs AWS_S3_BUCKET and AWS_S3_REGION"
            + " (and AWS_S3_SECRET_KEY with AWS_S3_ACCESS_KEY)")
    public boolean isS3Configured() {
        return provider != StorageProvider.S3 || (present(s3.bucket()) && present(s3.region())
                && present(s3.accessKey()) == present(s3.secretKey()));
    }

    @AssertTrue(message = "STORAGE_PROVIDER=azure needs AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER")
    public boolean isAzureConfigured() {
        return provider != StorageProvider.AZURE
                || (present(azure.connectionString()) && present(azure.container()));
    }

    @AssertTrue(message = "UPLOAD_MAX_SIZE must be at least 1 byte")
    public boolean isMaxSizePositive() {
        return maxSize.toBytes() > 0;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** @param directory where files are kept ({@code STORAGE_LOCAL_DIR}, default {@code DATA_DIR/files}) */
    public record Local(@NotBlank @DefaultValue("./data/files") String directory) {
    }

    /**
     * @param endpoint  an S3-compatible server instead of AWS ({@code AWS_S3_ENDPOINT})
     * @param pathStyle {@code http://host/bucket/key} addressing, which most S3-compatible servers need
     *                  ({@code AWS_S3_PATH_STYLE})
     * @param accessKey without it, the SDK's default credentials (environment, instance role) are used
     */
    public record S3(String bucket, String region, String accessKey, String secretKey, String endpoint,
                     @DefaultValue("false") boolean pathStyle) {

        @Override
        public String toString() {
            // Records print every component; the secret key must never reach a log line.
            return "S3[bucket=" + bucket + ", region=" + region + ", accessKey=" + accessKey
                    + ", secretKey=******, endpoint=" + endpoint + ", pathStyle=" + pathStyle + "]";
        }
    }

    public record Azure(String connectionString, String container) {

        @Override
        public String toString() {
            return "Azure[connectionString=******, container=" + container + "]";
        }
    }

    /**
     * @param host    clamd's host ({@code CLAMAV_HOST}); no virus scan when blank
     * @param port    clamd's TCP port ({@code CLAMAV_PORT})
     * @param timeout connect and read timeout of one scan ({@code CLAMAV_TIMEOUT})
     */
    public record Clamav(String host, @DefaultValue("3310") @Min(1) @Max(65535) int port,
                         @NotNull @DefaultValue("30s") Duration timeout) {

        public boolean enabled() {
            return present(host);
        }
    }
}
