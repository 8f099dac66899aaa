package app.covenant.documents.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Chooses the storage provider from {@code STORAGE_PROVIDER} (its settings were validated with the
 * properties) and the virus scanner from {@code CLAMAV_HOST}, and says at startup which are used.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    ObjectStore documentObjectStore(DocumentsProperties properties) throws IOException {
        return switch (properties.provider()) {
            case LOCAL -> new LocalObjectStore(Path.of(properties.local().directory()));
            case S3 -> new S3ObjectStore(properties.s3());
            case AZURE -> new AzureObjectStore(properties.azure());
        };
    }

    @Bean
    @ConditionalOnExpression("'${covenant.documents.clamav.host:}' != ''")
    VirusScanner clamdScanner(DocumentsProperties properties) {
        DocumentsProperties.Clamav clamav = properties.clamav();
        return new ClamdScanner(clamav.host(), clamav.port(), clamav.timeout());
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportProvider(ApplicationReadyEvent event) {
        DocumentsProperties properties = event.getApplicationContext().getBean(DocumentsProperties.class);
        ObjectStore store = event.getApplicationContext().getBean(ObjectStore.class);
        log.info("Document storage: {}{}; uploads up to {} bytes; virus scan {}", store.describe(),
                properties.presignedDownloads() ? " (downloads by presigned URL)" : "",
                properties.maxSize().toBytes(), properties.clamav().enabled()
                        ? "by clamd at " + properties.clamav().host() + ":" + properties.clamav().port() : "off");
    }
}
