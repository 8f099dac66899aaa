package app.covenant.platform.ratelimit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** IP address literals, read and written without ever asking DNS (header values are attacker input). */
final class IpAddresses {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    // InetAddress parses a string that starts with a hex digit or ':' and contains ':' as an IPv6
    // literal and never looks it up; anything else could reach the resolver, so it is refused here.
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone); // a link-local zone id means nothing beyond this host
        }
        boolean v4 = IPV4.matcher(literal).matches();
        if (!v4 && !(literal.indexOf(':') >= 0 && IPV6.matcher(literal).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Dotted quad, or the short IPv6 form of RFC 5952 ({@code 2001:db8::1}), so equal addresses read alike. */
    static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is written out, not shortened
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > bestLength) {
                bestStart = i;
                bestLength = end - i;
            }
            i = end == i ? i + 1 : end;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
