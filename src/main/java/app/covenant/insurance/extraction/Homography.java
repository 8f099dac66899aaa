package app.covenant.insurance.extraction;

import java.util.List;
import java.util.Optional;

/**
 * A projective map (8 parameters) fitted by least squares to point pairs, the linear (DLT) form: for each pair
 * {@code x·(g·u + h·v + 1) = a·u + b·v + c}, likewise for y. A phone photo of a page is such a map of the form,
 * which an affine fit cannot follow at the page's far edge.
 */
final class Homography {

    /** One pair: a point in the image ({@code u, v}) and where it belongs ({@code x, y}). */
    record Pair(double u, double v, double x, double y) {
    }

    private Homography() {
    }

    /** {a, b, c, d, e, f, g, h}, or empty for fewer than four pairs or pairs in a line. */
    static Optional<double[]> fit(List<Pair> pairs) {
        if (pairs.size() < 4) {
            return Optional.empty();
        }
        // Coordinates are scaled about their mean so that the normal equations stay well conditioned.
        double mu = 0, mv = 0, mx = 0, my = 0;
        for (Pair p : pairs) {
            mu += p.u; mv += p.v; mx += p.x; my += p.y;
        }
        int n = pairs.size();
        mu /= n; mv /= n; mx /= n; my /= n;
        double su = 0, sx = 0;
        for (Pair p : pairs) {
            su += Math.hypot(p.u - mu, p.v - mv);
            sx += Math.hypot(p.x - mx, p.y - my);
        }
        su = su > 0 ? n / su : 1;
        sx = sx > 0 ? n / sx : 1;
        double[][] normal = new double[8][8];
        double[] right = new double[8];
        for (Pair p : pairs) {
            double u = (p.u - mu) * su, v = (p.v - mv) * su, x = (p.x - mx) * sx, y = (p.y - my) * sx;
            add(normal, right, new double[] {u, v, 1, 0, 0, 0, -u * x, -v * x}, x);
            add(normal, right, new double[] {0, 0, 0, u, v, 1, -u * y, -v * y}, y);
        }
        double[] k = solve(normal, right);
        if (k == null) {
            return Optional.empty();
        }
        // Undo the scaling: H = Tx⁻¹ · K · Tu, with Tu = [su 0 -su·mu; 0 su -su·mv; 0 0 1], Tx likewise.
        double[][] kMatrix = {{k[0], k[1], k[2]}, {k[3], k[4], k[5]}, {k[6], k[7], 1}};
        double[][] tu = {{su, 0, -su * mu}, {0, su, -su * mv}, {0, 0, 1}};
        double[][] txInverse = {{1 / sx, 0, mx}, {0, 1 / sx, my}, {0, 0, 1}};
        double[][] h = times(txInverse, times(kMatrix, tu));
        if (Math.abs(h[2][2]) < 1e-12) {
            return Optional.empty();
        }
        double w = h[2][2];
        return Optional.of(new double[] {h[0][0] / w, h[0][1] / w, h[0][2] / w, h[1][0] / w, h[1][1] / w,
                h[1][2] / w, h[2][0] / w, h[2][1] / w});
    }

    /** The inverse of {a..h} as a 3×3 matrix normalised to a last entry of 1, in the same order. */
    static double[] inverse(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7];
        double[] adj = {e - f * h, c * h - b, b * f - c * e, f * g - d, a - c * g, c * d - a * f, d * h - e * g,
                b * g - a * h, a * e - b * d};
        double w = adj[8];
        return new double[] {adj[0] / w, adj[1] / w, adj[2] / w, adj[3] / w, adj[4] / w, adj[5] / w, adj[6] / w,
                adj[7] / w};
    }

    private static void add(double[][] normal, double[] right, double[] row, double value) {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                normal[i][j] += row[i] * row[j];
            }
            right[i] += row[i] * value;
        }
    }

    private static double[][] times(double[][] p, double[][] q) {
        double[][] r = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += p[i][k] * q[k][j];
                }
            }
        }
        return r;
    }

    /** Gaussian elimination with partial pivoting; {@code null} when singular. */
    static double[] solve(double[][] matrix, double[] right) {
        int n = right.length;
        double[][] m = new double[n][];
        double[] r = right.clone();
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-12) {
                return null;
            }
            double[] swap = m[col]; m[col] = m[pivot]; m[pivot] = swap;
            double t = r[col]; r[col] = r[pivot]; r[pivot] = t;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k < n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
                r[row] -= factor * r[col];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = r[i];
            for (int k = i + 1; k < n; k++) {
                sum -= m[i][k] * x[k];
            }
            x[i] = sum / m[i][i];
        }
        return x;
    }
}
