package app.covenant.platform.ratelimit;

import java.net.InetAddress;
import java.util.Arrays;

/** One IP address or CIDR range of {@code TRUSTED_PROXIES}. */
final class IpRange {

    private final byte[] network;
    private final int prefixLength;

    private IpRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address; anything else is refused. */
    static IpRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        InetAddress address = IpAddresses.parse(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + text));
        int bits = address.getAddress().length * 8;
        int prefixLength = bits;
        if (slash >= 0) {
            try {
                prefixLength = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a CIDR prefix length: " + text, e);
            }
        }
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("CIDR prefix length out of range: " + text);
        }
        return new IpRange(masked(address.getAddress(), prefixLength), prefixLength);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length && Arrays.equals(masked(candidate, prefixLength), network);
    }

    /** The address with every bit after the prefix cleared. */
    static byte[] masked(byte[] address, int prefixLength) {
        byte[] result = address.clone();
        for (int i = 0; i < result.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            result[i] &= (byte) (0xff << (8 - keep));
        }
        return result;
    }
}
