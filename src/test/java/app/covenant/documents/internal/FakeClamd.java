package app.covenant.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A clamd stand-in speaking the INSTREAM protocol on a free loopback port: it reads one {@code zINSTREAM}
 * command with its length-prefixed chunks, keeps the bytes it received and answers {@code answer}.
 */
final class FakeClamd implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CompletableFuture<byte[]> received = new CompletableFuture<>();

    FakeClamd(String answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread.submit(() -> serve(answer));
    }

    int port() {
        return server.getLocalPort();
    }

    /** The bytes clamd was sent (the command excluded). */
    CompletableFuture<byte[]> received() {
        return received;
    }

    private void serve(String answer) {
        try (Socket socket = server.accept()) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] command = new byte["zINSTREAM\0".length()];
            in.readFully(command);
            if (!new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")) {
                throw new IOException("unexpected command " + new String(command, StandardCharsets.US_ASCII));
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (int length; (length = in.readInt()) > 0; ) {
                byte[] chunk = new byte[length];
                in.readFully(chunk);
                content.write(chunk);
            }
            OutputStream out = socket.getOutputStream();
            out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            received.complete(content.toByteArray());
        } catch (IOException | RuntimeException e) {
            received.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.shutdownNow();
    }
}
