package app.covenant.signatures;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the signatures module ({@code covenant.signatures.*}).
 *
 * @param linkLifetime  how long a signing link works ({@code SIGNATURES_LINK_LIFETIME}, default 14 days)
 * @param sealKeystore  PKCS#12 file with the key and certificate that seal completed PDFs
 *                      ({@code SIGNATURES_SEAL_KEYSTORE}); empty: a self-signed one generated under
 *                      {@code DATA_DIR/secrets} on first start (embedded default)
 * @param sealPassword  the keystore's password ({@code SIGNATURES_SEAL_PASSWORD})
 * @param dataDirectory {@code DATA_DIR}, where the generated seal is kept
 */
@Validated
@ConfigurationProperties("covenant.signatures")
public record SignaturesProperties(@NotNull @DefaultValue("14d") Duration linkLifetime,
                                   @DefaultValue("") String sealKeystore,
                                   @DefaultValue("") String sealPassword,
                                   @DefaultValue("./data") String dataDirectory) {
}
