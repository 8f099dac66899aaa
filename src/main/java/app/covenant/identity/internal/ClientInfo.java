package app.covenant.identity.internal;

/** Where a request came from, kept with sessions and shown on the sessions page. */
public record ClientInfo(String ipAddress, String userAgent) {

    public static ClientInfo of(jakarta.servlet.http.HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    public ClientInfo {
        userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300));
    }
}
