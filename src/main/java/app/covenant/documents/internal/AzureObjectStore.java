package app.covenant.documents.internal;

import com.azure.core.exception.AzureException;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Content as block blobs in one Azure Blob Storage container, over the JDK HTTP client (the Netty
 * transport is not used). Downloads can be handed to Azure with a short-lived read-only SAS URL, which
 * needs an account key in the connection string.
 */
final class AzureObjectStore implements ObjectStore {

    private final BlobContainerClient container;

    AzureObjectStore(DocumentsProperties.Azure settings) {
        this.container = new BlobServiceClientBuilder().connectionString(settings.connectionString())
                .httpClient(new JdkHttpClientBuilder().build()).buildClient()
                .getBlobContainerClient(settings.container());
    }

    @Override
    public String describe() {
        return "azure container " + container.getBlobContainerName() + " of account " + container.getAccountName();
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        try {
            blob(key).uploadWithResponse(new BlobParallelUploadOptions(content, length)
                    .setHeaders(new BlobHttpHeaders().setContentType(contentType)), null, null);
        } catch (AzureException e) {
            throw new IOException("Could not store " + key + " in " + describe(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return blob(key).openInputStream();
        } catch (BlobStorageException e) {
            if (e.getErrorCode() == BlobErrorCode.BLOB_NOT_FOUND) {
                throw new NoSuchFileException(key);
            }
            throw new IOException("Could not read " + key + " from " + describe(), e);
        } catch (AzureException e) {
            throw new IOException("Could not read " + key + " from " + describe(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            blob(key).deleteIfExists();
        } catch (AzureException e) {
            throw new IOException("Could not delete " + key + " from " + describe(), e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            return blob(key).exists();
        } catch (AzureException e) {
            throw new IOException("Could not look up " + key + " in " + describe(), e);
        }
    }

    @Override
    public Optional<URI> presignedDownload(String key, String contentDisposition, String contentType,
                                           Duration expiry) {
        BlobClient blob = blob(key);
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(
                OffsetDateTime.now(ZoneOffset.UTC).plus(expiry), new BlobSasPermission().setReadPermission(true))
                .setContentDisposition(contentDisposition).setContentType(contentType);
        return Optional.of(URI.create(blob.getBlobUrl() + "?" + blob.generateSas(values)));
    }

    private BlobClient blob(String key) {
        return container.getBlobClient(ObjectStore.checkedKey(key));
    }
}
