package app.covenant.signatures.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.stereotype.Component;

/**
 * Seals a PDF with a PAdES baseline (B-B) signature: PDFBox writes the signature dictionary
 * ({@code ETSI.CAdES.detached}) and an incremental update; Bouncy Castle makes the detached CMS, SHA-256 with
 * RSA, carrying the signing-certificate-v2 attribute and no signing-time (PAdES takes the time from the
 * dictionary).
 */
@Component
class PdfSeal {

    private final SealKey key;

    PdfSeal(SealKey key) {
        this.key = key;
    }

    byte[] seal(byte[] pdf, UUID envelopeId, Instant now) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName("Covenant");
            signature.setReason("Completed electronic signature envelope " + envelopeId);
            Calendar time = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            time.setTimeInMillis(now.toEpochMilli());
            signature.setSignDate(time);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
                document.addSignature(signature, this::cms, options);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.saveIncremental(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot seal the final PDF of envelope " + envelopeId, e);
        }
    }

    private byte[] cms(InputStream content) throws IOException {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            JcaSignerInfoGeneratorBuilder signerInfo = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build());
            signerInfo.setSignedAttributeGenerator(parameters -> {
                AttributeTable table = new DefaultSignedAttributeTableGenerator(new AttributeTable(
                        new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                                new DERSet(signingCertificate())))).getAttributes(parameters);
                return table.remove(CMSAttributes.signingTime);
            });
            generator.addSignerInfoGenerator(signerInfo.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()), key.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(key.certificate())));
            // ISO 32000: the Contents are DER (Bouncy Castle's default encoding is BER, indefinite lengths).
            return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false)
                    .getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
            throw new IOException("Cannot make the CMS signature", e);
        }
    }

    private SigningCertificateV2 signingCertificate() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
            // SHA-256 is ESSCertIDv2's default algorithm, so it is left out of the encoding.
            return new SigningCertificateV2(new ESSCertIDv2(hash));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot hash the seal certificate", e);
        }
    }
}
