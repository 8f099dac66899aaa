package app.covenant.identity.web.pages;

import java.util.Locale;

/**
 * "Chrome on Windows" instead of a 150-character user agent on the sessions page. A rough guess is
 * enough for recognising one's own devices; the full string stays available as a tooltip.
 */
final class DeviceNames {

    private DeviceNames() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge"
                : ua.contains("opr/") || ua.contains("opera") ? "Opera"
                : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chromium/") ? "Chromium"
                : ua.contains("chrome/") || ua.contains("crios/") ? "Chrome"
                : ua.contains("safari/") ? "Safari"
                : ua.contains("curl/") ? "curl"
                : ua.contains("java") ? "Java client"
                : null;
        String system = ua.contains("windows") ? "Windows"
                : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("android") ? "Android"
                : ua.contains("mac os") || ua.contains("macintosh") ? "macOS"
                : ua.contains("cros") ? "ChromeOS"
                : ua.contains("linux") ? "Linux"
                : null;
        if (browser == null) {
            return system == null ? "Other client" : "Browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }
}
