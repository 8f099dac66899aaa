package app.covenant.signatures;

import java.util.UUID;

/**
 * Who acted and from where, recorded with an event: the client's IP and user agent, and the signed-in user
 * when the signer acted through their account.
 */
public record Evidence(String ipAddress, String userAgent, UUID userId) {

    public Evidence {
        ipAddress = cut(ipAddress, 64);
        userAgent = cut(userAgent, 500);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
