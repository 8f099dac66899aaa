package app.covenant.platform.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Which bucket a request draws from. Every key starts with {@code ratelimit:}, in Redis and in memory. */
final class RateLimitKeys {

    static final String PREFIX = "ratelimit:";

    private RateLimitKeys() {
    }

    /** The general limit: the signed-in user's own, whatever address they come from; else the address's. */
    static String general(Optional<UUID> userId, String clientAddress) {
        return userId.map(id -> PREFIX + "user:" + id).orElseGet(() -> PREFIX + "ip:" + address(clientAddress));
    }

    static String authByAddress(String clientAddress) {
        return PREFIX + "auth-ip:" + address(clientAddress);
    }

    /** Hashed, so Redis holds no e-mail addresses; case and surrounding blanks do not make a new bucket. */
    static String authByEmail(String email) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return PREFIX + "auth-email:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * An IPv6 client is limited by its /64: that is what one subscriber gets, and a limit per single
     * address would give them 2^64 buckets.
     */
    static String address(String clientAddress) {
        Optional<InetAddress> parsed = IpAddresses.parse(clientAddress);
        if (parsed.isEmpty() || parsed.get().getAddress().length == 4) {
            return parsed.map(IpAddresses::format).orElse(clientAddress);
        }
        try {
            return IpAddresses.format(InetAddress.getByAddress(IpRange.masked(parsed.get().getAddress(), 64))) + "/64";
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }
}
