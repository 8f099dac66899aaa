package app.covenant.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** {@code EMAIL_FROM} as an address every provider can use; NotificationsProperties has validated it at startup. */
final class FromAddress {

    private FromAddress() {
    }

    static InternetAddress parse(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("EMAIL_FROM is not a valid address", e);
        }
    }

    /** The domain of the address, for Message-IDs of our own. */
    static String domainOf(InternetAddress address) {
        String bare = address.getAddress();
        return bare.substring(bare.indexOf('@') + 1);
    }
}
