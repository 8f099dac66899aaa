package app.covenant.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks ClamAV's {@code clamd} over TCP with its {@code INSTREAM} command: the content goes in chunks,
 * each preceded by its length as four bytes (network order), ended by a zero length; clamd answers
 * {@code stream: OK} or {@code stream: <signature> FOUND}. Anything else counts as unavailable.
 */
final class ClamdScanner implements VirusScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int MAX_REPLY = 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    @Override
    public Verdict scan(InputStream content) throws ScannerUnavailableException {
        String reply;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int n; (n = content.read(buffer)) >= 0; ) {
                if (n > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            reply = readReply(socket.getInputStream());
        } catch (IOException e) {
            throw new ScannerUnavailableException("clamd at " + host + ":" + port + " could not scan: " + e.getMessage(),
                    e);
        }
        return verdict(reply);
    }

    /** clamd ends a {@code z}-command's answer with a NUL byte. */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b; (b = in.read()) > 0 && reply.size() < MAX_REPLY; ) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }

    private Verdict verdict(String reply) throws ScannerUnavailableException {
        if (reply.endsWith(" OK")) {
            return Verdict.clean();
        }
        if (reply.endsWith(" FOUND")) {
            String found = reply.substring(0, reply.length() - " FOUND".length());
            return Verdict.infected(found.substring(found.indexOf(':') + 1).strip());
        }
        throw new ScannerUnavailableException("clamd at " + host + ":" + port + " answered: " + reply, null);
    }
}
