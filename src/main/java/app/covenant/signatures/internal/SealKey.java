package app.covenant.signatures.internal;

import app.covenant.signatures.SignaturesProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key and certificate that seal completed PDFs: from the PKCS#12 of {@code SIGNATURES_SEAL_KEYSTORE} when
 * set, otherwise a self-signed one generated once under {@code DATA_DIR/secrets} and reused on every start.
 */
@Component
class SealKey {

    static final String GENERATED = "secrets/signatures-seal.p12";
    private static final Logger log = LoggerFactory.getLogger(SealKey.class);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    SealKey(SignaturesProperties properties, Clock clock) {
        try {
            KeyStore store = properties.sealKeystore().isBlank()
                    ? generatedStore(Path.of(properties.dataDirectory()), clock.instant())
                    : load(Path.of(properties.sealKeystore()), properties.sealPassword().toCharArray());
            char[] password = properties.sealKeystore().isBlank() ? generatedPassword(Path.of(properties.dataDirectory()))
                    : properties.sealPassword().toCharArray();
            String alias = Collections.list(store.aliases()).stream().filter(name -> isKey(store, name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("The seal keystore holds no private key"));
            this.privateKey = (PrivateKey) store.getKey(alias, password);
            this.certificate = (X509Certificate) store.getCertificate(alias);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the seal keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the seal keystore: check SIGNATURES_SEAL_PASSWORD", e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    X509Certificate certificate() {
        return certificate;
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }

    private static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolve(GENERATED + ".password");
    }

    private static char[] generatedPassword(Path dataDirectory) throws IOException {
        return Files.readString(passwordFile(dataDirectory), StandardCharsets.UTF_8).strip().toCharArray();
    }

    private static KeyStore generatedStore(Path dataDirectory, Instant now) throws IOException, GeneralSecurityException {
        Path file = dataDirectory.resolve(GENERATED);
        if (Files.notExists(file)) {
            create(dataDirectory, file, now);
        }
        return load(file, generatedPassword(dataDirectory));
    }

    private static void create(Path dataDirectory, Path file, Instant now) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        char[] password = Hashes.newToken().toCharArray();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(pair, now);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("seal", pair.getPrivate(), password, new Certificate[] {certificate});
        Path temporary = ownerOnlyTempFile(file.getParent());
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Path passwordTemporary = ownerOnlyTempFile(file.getParent());
        Files.writeString(passwordTemporary, new String(password), StandardCharsets.UTF_8);
        try {
            // The password first: a keystore is never there without it. Another node racing us loses its pair.
            Files.move(passwordTemporary, passwordFile(dataDirectory));
            Files.move(temporary, file);
            log.warn("Generated a self-signed seal certificate in {}: PDF readers show completed documents as signed "
                    + "by an unknown signer. Set SIGNATURES_SEAL_KEYSTORE to seal with your own certificate.", file);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(passwordTemporary);
            Files.deleteIfExists(temporary);
        }
    }

    private static Path ownerOnlyTempFile(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, "signatures-seal", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(directory, "signatures-seal", ".tmp");
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant now) throws GeneralSecurityException {
        X500Name subject = new X500Name("CN=Covenant document seal (self-signed), O=Covenant");
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("Cannot create the self-signed seal certificate", e);
        }
    }
}
