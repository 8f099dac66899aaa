package app.covenant.insurance.extraction;

import app.covenant.documents.ocr.Tesseract.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a scanned page sits relative to the form: the labels the ACORD 25 prints (PRODUCER, COVERAGES, INSURER A…)
 * are looked for among the OCR words, and an affine transform from image pixels to form points (top-left origin)
 * is fitted to them by least squares, which takes in the scan's rotation, scale and offset. Too few labels where
 * the form has them means the page is not this form.
 */
final class ScanRegistration {

    /**
     * A printed label: its first word, where that word starts and the middle of its capitals (points, top-left
     * origin), from the baseline and size it is printed at.
     */
    record Label(String word, double x, double y) {

        static Label at(String word, double x, double baseline, double size) {
            // Helvetica's capitals are 0.718 em tall: their middle is 0.36 em above the baseline.
            return new Label(word, x, Acord25Form.PAGE_HEIGHT - baseline - 0.36 * size);
        }
    }

    /**
     * A map from image pixels to form points: affine ({@code g = h = 0}) for a scan, projective for a photo taken
     * at a slant.
     */
    record Transform(double a, double b, double c, double d, double e, double f, double g, double h) {

        Transform(double a, double b, double c, double d, double e, double f) {
            this(a, b, c, d, e, f, 0, 0);
        }

        double x(double u, double v) {
            return (a * u + b * v + c) / (g * u + h * v + 1);
        }

        double y(double u, double v) {
            return (d * u + e * v + f) / (g * u + h * v + 1);
        }
    }

    static final List<Label> LABELS = labels();

    /** Labels found before the page is taken for the form: the title's and most of the grid's. */
    static final int LABELS_NEEDED = 10;
    /** Points a matched label may sit from where the fitted transform puts it. */
    private static final double FITTED_SLACK = 5;
    /** Points a label may sit from where an unturned, unshifted page would have it, for the first guess. */
    private static final double FIRST_GUESS_SLACK = 40;
    /** The fit's typical error, in points, above which the page is not taken for the form. */
    private static final double MAX_RMS = 3;
    /** The affine fit's error, in points, above which a projective fit is tried (a photo rather than a scan). */
    private static final double AFFINE_GOOD = 1.5;
    /** Labels a projective fit needs: its 8 parameters, with room to spare for dropping the worst. */
    private static final int PROJECTIVE_NEEDED = 12;

    private ScanRegistration() {
    }

    /** The fitted transform, or empty when the page does not show enough of the form's labels where they belong. */
    static Optional<Transform> register(List<Word> words, int dpi) {
        double scale = 72.0 / dpi;
        Transform guess = new Transform(scale, 0, 0, 0, scale, 0);
        // First the labels printed once on the page, matched loosely; then all of them, closely, under the fit.
        List<Match> matches = match(words, guess, FIRST_GUESS_SLACK, true);
        if (matches.size() < 4) {
            return Optional.empty();
        }
        Transform fitted = fit(matches).orElse(null);
        for (int round = 0; round < 4 && fitted != null; round++) {
            // A photo's slant puts far labels outside the close slack of a first, affine fit: looser then.
            double slack = round == 0 && fitted.g() == 0 && rms(fitted, matches) > AFFINE_GOOD ? 3 * FITTED_SLACK
                    : FITTED_SLACK;
            matches = match(words, fitted, slack, false);
            if (matches.size() < LABELS_NEEDED) {
                return Optional.empty();
            }
            fitted = best(matches).orElse(null);
        }
        if (fitted == null || rms(fitted, matches) > MAX_RMS) {
            return Optional.empty();
        }
        return Optional.of(fitted);
    }

    private record Match(Label label, double u, double v) {
    }

    private static List<Match> match(List<Word> words, Transform transform, double slack, boolean uniqueOnly) {
        List<Match> matches = new ArrayList<>();
        for (Label label : LABELS) {
            if (uniqueOnly && LABELS.stream().filter(other -> other.word.equals(label.word)).count() > 1) {
                continue;
            }
            Match best = null;
            double bestDistance = slack;
            for (Word word : words) {
                if (!sameWord(word.text(), label.word)) {
                    continue;
                }
                double u = word.left();
                double v = word.centreY();
                double distance = Math.hypot(transform.x(u, v) - label.x, transform.y(u, v) - label.y);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = new Match(label, u, v);
                }
            }
            if (best != null) {
                matches.add(best);
            }
        }
        return matches;
    }

    /** Letters only, upper case; a word run together with the next one ({@code INSURERA:}) still starts right. */
    private static boolean sameWord(String read, String label) {
        String letters = read.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return letters.equals(label) || label.length() >= 6 && letters.startsWith(label);
    }

    /**
     * The affine fit, or where it misses by more than a scan's error and there are labels enough, the projective
     * one: fitted, its worst tenth dropped where they miss by more than twice the typical error, fitted again.
     */
    private static Optional<Transform> best(List<Match> matches) {
        Optional<Transform> affine = fit(matches);
        if (affine.isEmpty() || matches.size() < PROJECTIVE_NEEDED || rms(affine.get(), matches) <= AFFINE_GOOD) {
            return affine;
        }
        Optional<Transform> projective = projective(matches);
        if (projective.isEmpty()) {
            return affine;
        }
        List<Match> kept = new ArrayList<>(matches);
        double typical = rms(projective.get(), kept);
        kept.sort(java.util.Comparator.comparingDouble((Match m) -> -miss(projective.get(), m)));
        int drop = 0;
        while (drop < matches.size() / 10 && miss(projective.get(), kept.get(drop)) > 2 * typical) {
            drop++;
        }
        Optional<Transform> refitted = projective(kept.subList(drop, kept.size()));
        Optional<Transform> chosen = refitted.isPresent() ? refitted : projective;
        return rms(chosen.get(), matches) < rms(affine.get(), matches) ? chosen : affine;
    }

    private static Optional<Transform> projective(List<Match> matches) {
        return Homography.fit(matches.stream().map(m -> new Homography.Pair(m.u, m.v, m.label.x, m.label.y))
                .toList()).map(k -> new Transform(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]));
    }

    private static double miss(Transform transform, Match match) {
        return Math.hypot(transform.x(match.u, match.v) - match.label.x, transform.y(match.u, match.v) - match.label.y);
    }

    /** Least squares of x = a·u + b·v + c and y = d·u + e·v + f over the matches (normal equations). */
    private static Optional<Transform> fit(List<Match> matches) {
        double[][] normal = new double[3][3];
        double[] rightX = new double[3];
        double[] rightY = new double[3];
        for (Match match : matches) {
            double[] row = {match.u, match.v, 1};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    normal[i][j] += row[i] * row[j];
                }
                rightX[i] += row[i] * match.label.x;
                rightY[i] += row[i] * match.label.y;
            }
        }
        double[] x = solve(normal, rightX);
        double[] y = solve(normal, rightY);
        if (x == null || y == null) {
            return Optional.empty();
        }
        return Optional.of(new Transform(x[0], x[1], x[2], y[0], y[1], y[2]));
    }

    /** Cramer's rule for three unknowns; {@code null} when the labels found are all in one line. */
    private static double[] solve(double[][] m, double[] r) {
        double det = det(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        if (Math.abs(det) < 1e-9) {
            return null;
        }
        double[] solution = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] c = {m[0].clone(), m[1].clone(), m[2].clone()};
            for (int i = 0; i < 3; i++) {
                c[i][k] = r[i];
            }
            solution[k] = det(c[0][0], c[0][1], c[0][2], c[1][0], c[1][1], c[1][2], c[2][0], c[2][1], c[2][2]) / det;
        }
        return solution;
    }

    private static double det(double a, double b, double c, double d, double e, double f, double g, double h,
                              double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    private static double rms(Transform transform, List<Match> matches) {
        double sum = 0;
        for (Match match : matches) {
            double dx = transform.x(match.u, match.v) - match.label.x;
            double dy = transform.y(match.u, match.v) - match.label.y;
            sum += dx * dx + dy * dy;
        }
        return Math.sqrt(sum / matches.size());
    }

    /** The first words of the labels the 2016/03 form prints, at their places (PDF points, baseline, size). */
    private static List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        labels.add(Label.at("CERTIFICATE", 170, 770, 16));
        labels.add(Label.at("DATE", 520, 762, 6));
        labels.add(Label.at("PRODUCER", 22, 664, 7));
        labels.add(Label.at("CONTACT", 280, 664, 6));
        labels.add(Label.at("INSURED", 22, 592, 7));
        labels.add(Label.at("INSURERS", 380, 628, 6));
        for (int i = 0; i < 6; i++) {
            labels.add(Label.at("INSURER", 306, 615 - 12 * i, 6));
        }
        labels.add(Label.at("COVERAGES", 22, 532, 8));
        labels.add(Label.at("CERTIFICATE", 200, 532, 6));
        labels.add(Label.at("REVISION", 440, 532, 6));
        labels.add(Label.at("COMMERCIAL", 54, 483, 5.5));
        labels.add(Label.at("AUTOMOBILE", 54, 399, 5.5));
        labels.add(Label.at("UMBRELLA", 54, 339, 5.5));
        labels.add(Label.at("WORKERS", 40, 303, 5.5));
        String[][] limits = {{"480", "EACH"}, {"468", "DAMAGE"}, {"456", "MED"}, {"444", "PERSONAL"},
                {"432", "GENERAL"}, {"420", "PRODUCTS"}, {"396", "COMBINED"}, {"384", "BODILY"}, {"372", "BODILY"},
                {"360", "PROPERTY"}, {"336", "EACH"}, {"324", "AGGREGATE"}, {"288", "EL"}, {"276", "EL"},
                {"264", "EL"}};
        for (String[] limit : limits) {
            labels.add(Label.at(limit[1], 430, Double.parseDouble(limit[0]) + 3, 5.5));
        }
        labels.add(Label.at("DESCRIPTION", 22, 220, 6));
        labels.add(Label.at("CERTIFICATE", 22, 106, 7));
        labels.add(Label.at("CANCELLATION", 310, 106, 6));
        labels.add(Label.at("ACORD", 22, 20, 7));
        return List.copyOf(labels);
    }
}
