import app.covenant.documents.pdf.PdfReader;
import app.covenant.insurance.extraction.Acord25Extraction;
import app.covenant.insurance.extraction.Acord25Extractor;
import app.covenant.insurance.extraction.Acord25Ocr;
import app.covenant.insurance.extraction.OcrProperties;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * ACORD 25 extraction (issue 11): time per PDF by kind over the stored corpus (src/test/resources/acord25-corpus),
 * p50/p95 of fillable and flattened (goal p50 under 100 ms) and of scanned through OCR, reported apart; then heap
 * for a 20-page PDF (a flattened certificate followed by 19 pages of text): bytes allocated and peak heap of the
 * extraction against PDFBox merely loading the same PDF and stripping its text, measured in the same run.
 *
 * <p>Run by {@code bench/extraction.sh} (see bench/README.md), with the application's test classpath.
 */
public class ExtractionBench {

    static final Path CORPUS = Path.of(env("BENCH_CORPUS", "src/test/resources/acord25-corpus"));
    static final int ROUNDS = Integer.parseInt(env("BENCH_ROUNDS", "20"));
    static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP_ROUNDS", "10"));
    static final int OCR_ROUNDS = Integer.parseInt(env("BENCH_OCR_ROUNDS", "1"));

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Covenant ACORD 25 extraction benchmark, %s, %d CPUs, Java %s, %s; load %.2f%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        PdfReader reader = new PdfReader();
        Acord25Extractor extractor = new Acord25Extractor(reader);
        Acord25Ocr ocr = new Acord25Ocr(reader, new OcrProperties(null, null, null));

        System.out.println("\n(a) Time per PDF, stored corpus (" + CORPUS + ")");
        System.out.printf(Locale.ROOT, "  %-10s %6s %8s %9s %9s %9s%n", "kind", "PDFs", "samples", "p50 ms", "p95 ms",
                "max ms");
        for (String kind : List.of("fillable", "flattened")) {
            List<byte[]> pdfs = load(kind);
            for (int i = 0; i < WARMUP; i++) {
                pdfs.forEach(extractor::extract);
            }
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                for (byte[] pdf : pdfs) {
                    samples.add(time(() -> check(extractor.extract(pdf), "EXTRACTED")));
                }
            }
            print(kind, pdfs.size(), samples, "goal p50 < 100 ms: " + (percentile(samples, 50) < 100 ? "met" : "NOT met"));
        }
        List<byte[]> scans = load("scanned");
        if (ocr.available()) {
            ocr.read(scans.getFirst());
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < OCR_ROUNDS; i++) {
                for (byte[] pdf : scans) {
                    samples.add(time(() -> check(ocr.read(pdf), "EXTRACTED")));
                }
            }
            print("scanned", scans.size(), samples, "OCR, Tesseract 1 thread, reported apart");
        } else {
            System.out.println("  scanned: Tesseract does not run here; OCR not measured");
        }

        System.out.println("\n(b) Memory for a 20-page PDF (flattened certificate + 19 pages of text)");
        byte[] twenty = twentyPages(load("flattened").getFirst());
        System.out.printf(Locale.ROOT, "  PDF %,d bytes%n", twenty.length);
        for (int i = 0; i < 5; i++) {
            extractor.extract(twenty);
            strip(twenty);
        }
        long[] reference = memory(() -> strip(twenty));
        long[] extraction = memory(() -> check(extractor.extract(twenty), "EXTRACTED"));
        System.out.printf(Locale.ROOT, "  %-52s %12s %12s%n", "", "allocated", "peak heap");
        System.out.printf(Locale.ROOT, "  %-52s %9.1f MB %9.1f MB%n", "reference: PDFBox load + strip text of all 20 pages",
                reference[0] / 1e6, reference[1] / 1e6);
        System.out.printf(Locale.ROOT, "  %-52s %9.1f MB %9.1f MB%n", "Acord25Extractor.extract (page 1 read by area)",
                extraction[0] / 1e6, extraction[1] / 1e6);
        System.out.printf(Locale.ROOT, "  ratio extraction : reference  allocated %.2f, peak heap %.2f%n",
                (double) extraction[0] / reference[0], (double) extraction[1] / reference[1]);
    }

    static Object check(Acord25Extraction extraction, String status) {
        if (!extraction.status().name().equals(status)) {
            throw new IllegalStateException("Expected " + status + ": " + extraction.problems());
        }
        return extraction;
    }

    static List<byte[]> load(String kind) throws Exception {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> pdfs = files.filter(file -> file.getFileName().toString().startsWith(kind + "-")
                    && file.getFileName().toString().endsWith(".pdf")).sorted().toList();
            List<byte[]> bytes = new ArrayList<>();
            for (Path pdf : pdfs) {
                bytes.add(Files.readAllBytes(pdf));
            }
            return bytes;
        }
    }

    static double time(Supplier<Object> work) {
        long started = System.nanoTime();
        work.get();
        return (System.nanoTime() - started) / 1e6;
    }

    static void print(String kind, int pdfs, List<Double> samples, String note) {
        System.out.printf(Locale.ROOT, "  %-10s %6d %8d %9.1f %9.1f %9.1f   %s%n", kind, pdfs, samples.size(),
                percentile(samples, 50), percentile(samples, 95), samples.stream().mapToDouble(d -> d).max().orElse(0),
                note);
    }

    static double percentile(List<Double> samples, int p) {
        double[] sorted = samples.stream().mapToDouble(d -> d).sorted().toArray();
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** PDFBox alone: load the PDF and take the text of every page. */
    static Object strip(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Bytes allocated by all threads (the extractor reads on a virtual thread of its own) and the heap's peak above
     * what was in use after a collection, for one run of the work.
     */
    static long[] memory(Supplier<Object> work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        work.get();
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new long[] {allocated, Math.max(0, peak - before)};
    }

    /** The certificate, then 19 letter pages of 60 lines of text each. */
    static byte[] twentyPages(byte[] certificate) throws Exception {
        try (PDDocument document = Loader.loadPDF(certificate)) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int page = 2; page <= 20; page++) {
                PDPage letter = new PDPage(PDRectangle.LETTER);
                document.addPage(letter);
                try (PDPageContentStream content = new PDPageContentStream(document, letter)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(54, 740);
                    for (int line = 0; line < 60; line++) {
                        content.showText("Page " + page + ", line " + line + ": the subcontractor shall maintain "
                                + "insurance as required by the contract documents, " + Arrays.toString(new int[] {line}));
                        content.newLineAtOffset(0, -11.5f);
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
