package app.covenant.signatures.web;

import app.covenant.platform.ui.HomeCard;
import app.covenant.platform.ui.HomeCardSource;
import app.covenant.shared.security.Caller;
import app.covenant.signatures.internal.SignedInSigning;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** "Waiting for my signature": envelopes where it is the turn of the signer with the signed-in user's address. */
@Component
class EnvelopeHomeCards implements HomeCardSource {

    static final int NAMED = 3;

    private final SignedInSigning signing;

    EnvelopeHomeCards(SignedInSigning signing) {
        this.signing = signing;
    }

    @Override
    public List<HomeCard> cardsFor(Caller caller) {
        List<SignedInSigning.Waiting> waiting = signing.waitingFor(caller);
        if (waiting.isEmpty()) {
            return List.of();
        }
        String summary = "Sign " + waiting.stream().limit(NAMED)
                .map(envelope -> "\"" + envelope.title() + "\" from " + envelope.senderName())
                .collect(Collectors.joining("; ")) + (waiting.size() > NAMED ? "; and more." : ".");
        String href = waiting.size() == 1 ? "/envelopes/" + waiting.getFirst().envelopeId() + "/sign"
                : "/envelopes/waiting";
        return List.of(new HomeCard("Waiting for my signature", waiting.size(), summary, href, "certificate",
                HomeCard.Urgency.ACTION_NEEDED));
    }
}
