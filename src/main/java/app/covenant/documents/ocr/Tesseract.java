package app.covenant.documents.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Tesseract command line, run as a process of its own (arguments as a list, never through a shell): a greyscale
 * image in on stdin, the words with their boxes and confidences out on stdout as TSV. One thread
 * ({@code OMP_THREAD_LIMIT=1}) so the result does not depend on scheduling, and a time limit after which the process
 * is killed. Stateless and thread-safe; each caller constructs it with its own configuration.
 */
public final class Tesseract {

    /** A word as Tesseract saw it: its box in image pixels and its confidence (0–100). */
    public record Word(String text, int left, int top, int width, int height, double confidence) {

        public double centreX() {
            return left + width / 2.0;
        }

        public double centreY() {
            return top + height / 2.0;
        }
    }

    /** Tesseract did not run, did not finish within the time limit, or failed (its message names which). */
    public static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String command;
    private final Duration timeLimit;

    /**
     * @param command   the executable, a name on the PATH or an absolute path
     * @param timeLimit how long one image may take before the process is killed
     */
    public Tesseract(String command, Duration timeLimit) {
        this.command = command;
        this.timeLimit = timeLimit;
    }

    /** Whether the command runs at all ({@code --version} answers). */
    public boolean runs() {
        try {
            Result result = run(List.of(command, "--version"), new byte[0], Duration.ofSeconds(15));
            return result.exitCode() == 0;
        } catch (Failure e) {
            return false;
        }
    }

    /**
     * @param dpi the image's resolution, which Tesseract uses to judge the size of the text
     */
    public List<Word> words(BufferedImage grey, int dpi) throws Failure {
        List<String> arguments = List.of(command, "stdin", "stdout", "--psm", "6", "--dpi", String.valueOf(dpi),
                "-l", "eng", "tsv");
        Result result = run(arguments, pgm(grey), timeLimit);
        if (result.exitCode() != 0) {
            throw new Failure("tesseract exited with " + result.exitCode(), null);
        }
        return parse(result.output());
    }

    /**
     * The image's text as Tesseract lays it out on its own (automatic page segmentation): lines in reading order,
     * paragraphs apart by a blank line. For whole pages of prose, where the boxes of the words are not needed.
     *
     * @param dpi the image's resolution, which Tesseract uses to judge the size of the text
     */
    public String text(BufferedImage grey, int dpi) throws Failure {
        List<String> arguments = List.of(command, "stdin", "stdout", "--dpi", String.valueOf(dpi), "-l", "eng");
        Result result = run(arguments, pgm(grey), timeLimit);
        if (result.exitCode() != 0) {
            throw new Failure("tesseract exited with " + result.exitCode(), null);
        }
        return result.output();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> arguments, byte[] input, Duration limit) throws Failure {
        ProcessBuilder builder = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        environment.put("OMP_THREAD_LIMIT", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new Failure("could not start " + arguments.getFirst(), e);
        }
        try {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(process.getOutputStream(), input),
                    Thread::startVirtualThread);
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    Thread::startVirtualThread);
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Failure("tesseract took longer than " + limit, null);
            }
            writing.get(5, TimeUnit.SECONDS);
            byte[] output = reading.get(5, TimeUnit.SECONDS);
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new Failure("could not talk to tesseract", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static void write(OutputStream out, byte[] input) {
        try (out) {
            out.write(input);
        } catch (IOException e) {
            // The process ended early (or was killed); its exit code says why.
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Binary PGM: a few bytes of header before the pixels, far cheaper to write than PNG. */
    private static byte[] pgm(BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("8-bit grey expected");
        }
        byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        byte[] header = ("P5\n" + grey.getWidth() + " " + grey.getHeight() + "\n255\n")
                .getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + pixels.length);
        out.writeBytes(header);
        out.writeBytes(pixels);
        return out.toByteArray();
    }

    /** TSV rows of level 5 are words: level page block par line word left top width height conf text. */
    public static List<Word> parse(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells.length < 12 || !"5".equals(cells[0])) {
                continue;
            }
            String text = cells[11].strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                words.add(new Word(text, Integer.parseInt(cells[6]), Integer.parseInt(cells[7]),
                        Integer.parseInt(cells[8]), Integer.parseInt(cells[9]), Double.parseDouble(cells[10])));
            } catch (NumberFormatException e) {
                // A malformed row is skipped rather than failing the page.
            }
        }
        return words;
    }
}
