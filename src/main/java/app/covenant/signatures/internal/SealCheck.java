package app.covenant.signatures.internal;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.springframework.stereotype.Component;

/**
 * Whether a PDF carries our seal intact: its last signature covers the whole file but the signature itself,
 * the CMS verifies over exactly those bytes, and it was made with our seal certificate.
 */
@Component
class SealCheck {

    /** {@code ours}: signed with our certificate; {@code valid}: and the signature verifies over the whole file. */
    record Result(boolean ours, boolean valid) {
        static final Result NONE = new Result(false, false);
    }

    private final SealKey key;

    SealCheck(SealKey key) {
        this.key = key;
    }

    private static boolean verifies(SignerInformation signer, X509CertificateHolder certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException e) {
            return false; // a digest that does not match: the signed bytes changed
        }
    }

    Result check(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            var signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return Result.NONE;
            }
            PDSignature signature = signatures.getLast();
            int[] range = signature.getByteRange();
            boolean wholeFile = range.length == 4 && range[0] == 0 && (long) range[2] + range[3] == pdf.length;
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.isEmpty()) {
                return Result.NONE;
            }
            X509CertificateHolder certificate = matches.iterator().next();
            boolean ours = Arrays.equals(certificate.getEncoded(), key.certificate().getEncoded());
            return new Result(ours, ours && wholeFile && verifies(signer, certificate));
        } catch (IOException | CMSException | CertificateEncodingException | RuntimeException e) {
            // Not a PDF, a damaged one, or a malformed signature: not a seal of ours that holds.
            return Result.NONE;
        }
    }
}
