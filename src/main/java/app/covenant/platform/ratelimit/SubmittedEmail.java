package app.covenant.platform.ratelimit;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code email} a sign-in or reset request submits — the JSON field or the form field — read
 * before the controller without taking the body from it: the first bytes of a JSON body are read
 * and then replayed ahead of the rest. These bodies are small; a larger one is passed on untouched.
 */
final class SubmittedEmail {

    static final int PEEK_LIMIT = 16 * 1024;

    /** The request to pass on (its body intact) and the e-mail address it carries, if any. */
    record Peek(HttpServletRequest request, Optional<String> email) {
    }

    private SubmittedEmail() {
    }

    static Peek peek(HttpServletRequest request, JsonMapper json, int peekLimit) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            // Form parameters are parsed once by the container and stay readable (the CSRF filter read them already).
            return new Peek(request, present(request.getParameter("email")));
        }
        if (!contentType.contains("json")) {
            return new Peek(request, Optional.empty());
        }
        ServletInputStream body = request.getInputStream();
        // Never beyond the body-size limit: reading past it would fail here instead of in the controller.
        byte[] head = body.readNBytes(peekLimit);
        return new Peek(new ReplayedRequest(request, head, body), emailIn(head, json));
    }

    private static Optional<String> emailIn(byte[] head, JsonMapper json) {
        try {
            JsonNode email = json.readTree(head).get("email");
            return email != null && email.isString() ? present(email.asString()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty(); // not JSON, or cut off: the controller answers that
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static final class ReplayedRequest extends HttpServletRequestWrapper {

        private final ServletInputStream body;

        ReplayedRequest(HttpServletRequest request, byte[] head, ServletInputStream rest) {
            super(request);
            this.body = new ReplayedInputStream(head, rest);
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(body, charset));
        }
    }

    /** The bytes already read, then whatever the client still sends. */
    private static final class ReplayedInputStream extends ServletInputStream {

        private final ByteArrayInputStream head;
        private final ServletInputStream rest;

        ReplayedInputStream(byte[] head, ServletInputStream rest) {
            this.head = new ByteArrayInputStream(head);
            this.rest = rest;
        }

        @Override
        public int read() throws IOException {
            int b = head.read();
            return b >= 0 ? b : rest.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            return head.available() > 0 ? head.read(buffer, offset, length) : rest.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return head.available() == 0 && rest.isFinished();
        }

        @Override
        public boolean isReady() {
            return head.available() > 0 || rest.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            rest.setReadListener(listener);
        }
    }
}
