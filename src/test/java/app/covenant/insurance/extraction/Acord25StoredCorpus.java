package app.covenant.insurance.extraction;

import app.covenant.insurance.extraction.Acord25Corpus.Certificate;
import app.covenant.insurance.extraction.Acord25Corpus.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored corpus of {@code src/test/resources/acord25-corpus}: certificates of each kind as PDFs, with what each
 * really says in a JSON file beside it. {@link #main} writes it again (see the README in that folder); the tests read
 * it as stored, so a change to the generators does not move the measured accuracy silently.
 */
final class Acord25StoredCorpus {

    enum Kind {
        FILLABLE(3000, 12, "pdf", Acord25Corpus::fillable),
        FLATTENED(3100, 12, "pdf", Acord25Corpus::flattened),
        SCANNED(3400, 12, "pdf", Acord25Scans::scanned),
        /** Phone photos (JPEG) of printed pages; 3600–3603 (not stored) were the ones tuned against. */
        PHOTO(3500, 4, "jpg", Acord25Photos::photo);

        /**
         * Seeds never used before (development used 1–40, held-out measures 1000–1039 and 2000–2039). Scans from
         * 3200–3211 and 3300–3311 were used while tuning the OCR reading (not stored), so the stored scans are
         * 3400–3411.
         */
        final long firstSeed;
        final int count;
        final String extension;
        final Function<Certificate, byte[]> render;

        Kind(long firstSeed, int count, String extension, Function<Certificate, byte[]> render) {
            this.firstSeed = firstSeed;
            this.count = count;
            this.extension = extension;
            this.render = render;
        }

        String prefix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final int PER_KIND = 12;
    static final String FOLDER = "acord25-corpus";

    /** One stored certificate: the file (a PDF, or a JPEG for a photo) and the truth. */
    record Entry(Kind kind, String name, byte[] pdf, Certificate certificate) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Acord25StoredCorpus() {
    }

    /**
     * Writes the corpus into the folder given (default: the source tree's), replacing what is there. With a second
     * argument, only scans (or with a third, {@code photo}, only photos), from that seed: a development set for
     * tuning the OCR reading, kept out of the stored corpus (measure it with {@code -Dacord25.corpus=<folder>}).
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "src/test/resources/" + FOLDER);
        Files.createDirectories(folder);
        for (Kind kind : Kind.values()) {
            long first = kind.firstSeed;
            if (args.length > 1) {
                if (kind != (args.length > 2 ? Kind.valueOf(args[2].toUpperCase(java.util.Locale.ROOT))
                        : Kind.SCANNED)) {
                    continue;
                }
                first = Long.parseLong(args[1]);
            }
            for (long seed = first; seed < first + kind.count; seed++) {
                Certificate certificate = Acord25Corpus.generate(seed);
                String name = kind.prefix() + "-" + seed;
                byte[] pdf = kind.render.apply(certificate);
                Files.write(folder.resolve(name + "." + kind.extension), pdf);
                Files.writeString(folder.resolve(name + ".json"), JSON.writeValueAsString(truth(certificate)) + "\n");
                System.out.printf("%s.%s %,d bytes%n", name, kind.extension, pdf.length);
            }
        }
    }

    static List<Entry> load(Kind kind) {
        Path folder = folder();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pdfs = files.filter(file -> file.getFileName().toString().startsWith(kind.prefix() + "-")
                    && file.getFileName().toString().endsWith("." + kind.extension)).sorted().toList();
            List<Entry> entries = new ArrayList<>();
            for (Path pdf : pdfs) {
                String name = pdf.getFileName().toString().replace("." + kind.extension, "");
                Map<String, Object> truth = JSON.readValue(Files.readString(folder.resolve(name + ".json")),
                        new TypeReference<>() { });
                entries.add(new Entry(kind, name, Files.readAllBytes(pdf), certificate(truth)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path folder() {
        String other = System.getProperty("acord25.corpus");
        if (other != null) {
            return Path.of(other);
        }
        try {
            return Path.of(Acord25StoredCorpus.class.getResource("/" + FOLDER).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> truth(Certificate certificate) {
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("seed", certificate.seed());
        truth.put("values", certificate.values());
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Truth policy : certificate.policies()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", policy.line());
            line.put("letter", policy.letter());
            line.put("policyNumber", policy.policyNumber());
            line.put("effective", policy.effective().toString());
            line.put("expiration", policy.expiration().toString());
            line.put("additionalInsured", policy.additionalInsured());
            line.put("waiver", policy.waiver());
            line.put("limits", policy.limits());
            policies.add(line);
        }
        truth.put("policies", policies);
        return truth;
    }

    @SuppressWarnings("unchecked")
    private static Certificate certificate(Map<String, Object> truth) {
        List<Truth> policies = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) truth.get("policies")) {
            Map<String, Long> limits = new LinkedHashMap<>();
            ((Map<String, Number>) line.get("limits")).forEach((key, amount) -> limits.put(key, amount.longValue()));
            policies.add(new Truth((String) line.get("line"), (String) line.get("letter"),
                    (String) line.get("policyNumber"), LocalDate.parse((String) line.get("effective")),
                    LocalDate.parse((String) line.get("expiration")), (Boolean) line.get("additionalInsured"),
                    (Boolean) line.get("waiver"), limits));
        }
        return new Certificate(((Number) truth.get("seed")).longValue(),
                new LinkedHashMap<>((Map<String, String>) truth.get("values")), policies);
    }
}
