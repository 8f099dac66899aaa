package app.covenant.documents;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clamd stand-in on a free loopback port that speaks INSTREAM to any number of clients at once and holds
 * every verdict back until {@link #release()}: a scan as slow as the test wants, without sleeping.
 */
final class SlowClamd implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger scanning = new AtomicInteger();
    private volatile CountDownLatch verdicts = new CountDownLatch(1);

    SlowClamd() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        connections.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Scans whose content has arrived and whose verdict is being held back. */
    int scanning() {
        return scanning.get();
    }

    /** Answers every held scan (and every later one at once) with {@code stream: OK}. */
    void release() {
        verdicts.countDown();
    }

    /** Holds the verdicts of the scans that come next. */
    void hold() {
        verdicts = new CountDownLatch(1);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> scan(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void scan(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            in.readFully(new byte["zINSTREAM\0".length()]);
            for (int length; (length = in.readInt()) > 0; ) {
                in.readFully(new byte[length]);
            }
            CountDownLatch held = verdicts;
            scanning.incrementAndGet();
            try {
                held.await(60, TimeUnit.SECONDS);
            } finally {
                scanning.decrementAndGet();
            }
            OutputStream out = socket.getOutputStream();
            out.write("stream: OK\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException | InterruptedException ignored) {
            // The client went away; nothing to answer.
        }
    }

    @Override
    public void close() throws IOException {
        release();
        server.close();
        connections.shutdownNow();
    }
}
