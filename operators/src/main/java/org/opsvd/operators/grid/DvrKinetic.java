package org.opsvd.operators.grid;

/**
 * The discrete-variable representation (DVR) of −d²/dx² on the points of a 1D {@link Grid}: a dense symmetric
 * n × n matrix T, exact on the span of the n lowest modes of the box and spectrally accurate for smooth functions.
 *
 * <ul>
 *   <li>{@link Boundary#DIRICHLET} (sine DVR): modes sin(k_m(x + L)), k_m = mπ/(2L), m = 1..n; with the
 *       orthogonal sine transform U_im = √(2/(n+1))·sin(π·i·m/(n+1)) (i, m = 1..n),
 *       T = U·diag(k_m²)·Uᵀ. Its eigenvalues are exactly k_m², so λ_max(T) = (nπ/(2L))².</li>
 *   <li>{@link Boundary#PERIODIC} (Fourier DVR): plane waves e^{ik_m x}, k_m = πm/L, |m| ≤ n/2, the Nyquist
 *       mode taken once as a cosine: T_ij = (1/n)·Σ_m k_m²·cos(2π·m·(i − j)/n).</li>
 * </ul>
 * The grid points are those of {@link Grid} (h = 2L/(n+1) with walls, 2L/n on the torus), so DVR and finite
 * differences share grids and eigenvector conventions. Built in O(n²) (periodic) or O(n³) (sine) flops.
 */
public final class DvrKinetic {

    private final int n;
    private final double[] matrix;
    private final double largest;

    private DvrKinetic(int n, double[] matrix, double largest) {
        this.n = n;
        this.matrix = matrix;
        this.largest = largest;
    }

    /** T on the axis of a grid (its dimension is ignored: the same T acts along every axis). */
    public static DvrKinetic of(Grid grid) {
        int n = grid.pointsPerAxis();
        double l = grid.halfWidth();
        double[] t = new double[n * n];
        if (grid.boundary() == Boundary.DIRICHLET) {
            double[] sines = new double[2 * (n + 1)]; // sin(π·q/(n+1)) for q = 0..2n+1
            for (int q = 0; q < sines.length; q++) {
                sines[q] = Math.sin(Math.PI * q / (n + 1));
            }
            double[] k2 = new double[n + 1];
            for (int m = 1; m <= n; m++) {
                double k = m * Math.PI / (2 * l);
                k2[m] = k * k * 2.0 / (n + 1);
            }
            for (int i = 1; i <= n; i++) {
                for (int j = i; j <= n; j++) {
                    double s = 0;
                    for (int m = 1; m <= n; m++) {
                        s += k2[m] * sines[(i * m) % (2 * (n + 1))] * sines[(j * m) % (2 * (n + 1))];
                    }
                    t[(i - 1) * n + (j - 1)] = s;
                    t[(j - 1) * n + (i - 1)] = s;
                }
            }
            double kMax = n * Math.PI / (2 * l);
            return new DvrKinetic(n, t, kMax * kMax);
        }
        double[] row = new double[n]; // T_{i,j} depends on (i − j) mod n
        for (int q = 0; q < n; q++) {
            double s = 0;
            for (int m = -(n - 1) / 2; m <= n / 2; m++) {
                double k = Math.PI * m / l;
                s += k * k * Math.cos(2 * Math.PI * (double) m * q / n);
            }
            row[q] = s / n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i * n + j] = row[Math.floorMod(i - j, n)];
            }
        }
        double kMax = Math.PI * (n / 2) / l;
        return new DvrKinetic(n, t, kMax * kMax);
    }

    /** Points per axis n. */
    public int size() {
        return n;
    }

    /** T_ij. */
    public double get(int i, int j) {
        return matrix[i * n + j];
    }

    /** The largest eigenvalue of T (the largest k² represented). */
    public double largestEigenvalue() {
        return largest;
    }

    /** A copy of T, row-major n × n. */
    public double[] toArray() {
        return matrix.clone();
    }
}
