package app.covenant.signatures.internal;

import app.covenant.shared.problem.ProblemException;
import java.util.List;
import java.util.OptionalInt;

/** Whose turn it is: the lowest order number among signers who have not signed. */
final class SigningRules {

    private SigningRules() {
    }

    static OptionalInt currentOrder(List<SignerRecord> signers) {
        return signers.stream().filter(signer -> signer.status() != SignerStatus.SIGNED)
                .mapToInt(SignerRecord::order).min();
    }

    /** 409 unless {@code signer} may act now on {@code envelope}. */
    static void requireTurn(EnvelopeRecord envelope, SignerRecord signer, List<SignerRecord> signers) {
        switch (envelope.status()) {
            case DECLINED -> throw ProblemException.conflict("This envelope was declined: nothing more can be signed.");
            case SEALING, COMPLETED -> throw ProblemException.conflict("Everyone has signed this envelope already.");
            case SENT -> { }
        }
        if (signer.status() == SignerStatus.SIGNED) {
            throw ProblemException.conflict("This signer has signed already.");
        }
        if (signer.status() == SignerStatus.DECLINED) {
            throw ProblemException.conflict("This signer declined already.");
        }
        if (currentOrder(signers).orElse(Integer.MAX_VALUE) != signer.order()) {
            throw ProblemException.conflict("It is not this signer's turn yet: earlier signers must sign first.");
        }
    }
}
