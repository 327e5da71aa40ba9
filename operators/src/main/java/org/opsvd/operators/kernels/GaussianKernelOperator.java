package org.opsvd.operators.kernels;

import java.util.Optional;
import org.opsvd.operators.spectra.HermiteFunctions;

/**
 * The Gaussian (RBF) kernel k(x,y) = exp(−|x−y|²/(2ℓ²)) on L²(ρ), ρ = N(0, σ² I_d) on both sides:
 * self-adjoint and positive semi-definite, so its SVD is its eigendecomposition.
 *
 * <p>Exact eigensystem (Mehler; Rasmussen &amp; Williams §4.3.1), in 1D with a = 1/(4σ²), b = 1/(2ℓ²),
 * c = √(a² + 2ab), A = a + b + c, B = b/A:
 * λ_k = √(2a/A)·B^k and φ_k(x) = N_k·exp(−(c−a)x²)·H_k(√(2c)·x) with N_k² = √(c/a)/(2^k k!) so that
 * ∫φ_k² dρ = 1; evaluated as φ_k(x) = (π/(2a))^{1/4}·e^{a x²}·ψ_k(x) with ψ_k the stable
 * {@link HermiteFunctions} of scale 2c. In d dimensions the eigenpairs are products over axes for a
 * multi-index m: λ_m = (2a/A)^{d/2}·B^{|m|}, φ_m(x) = Π_i φ_{m_i}(x_i). The flat index k orders them by
 * total degree |m| (λ descending), ties being the C(n+d−1, d−1) multi-indices of degree n, listed with
 * m_0 descending, then m_1, … ({@link #multiIndex}); {@link SingularSystem#groups} exposes the ties.
 * Lengths ℓ and σ are in the units of x. Immutable.
 */
public final class GaussianKernelOperator implements KernelOperator {

    private final int dimension;
    private final double lengthScale;
    private final double sigma;
    private final Measure.Gaussian measure;
    private final double a;
    private final double scale1d;
    private final double ratio;
    private final double normalisation;
    private final HermiteFunctions hermite;
    private final SingularSystem exact;

    /**
     * @param dimension   d ≥ 1
     * @param lengthScale ℓ &gt; 0
     * @param sigma       σ &gt; 0 of ρ = N(0, σ² I_d)
     */
    public GaussianKernelOperator(int dimension, double lengthScale, double sigma) {
        if (!(lengthScale > 0) || !Double.isFinite(lengthScale)) {
            throw new IllegalArgumentException("kernel length scale must be positive and finite, got " + lengthScale);
        }
        this.measure = new Measure.Gaussian(dimension, sigma);
        this.dimension = dimension;
        this.lengthScale = lengthScale;
        this.sigma = sigma;
        this.a = 1 / (4 * sigma * sigma);
        double b = 1 / (2 * lengthScale * lengthScale);
        double c = Math.sqrt(a * a + 2 * a * b);
        double bigA = a + b + c;
        this.scale1d = Math.sqrt(2 * a / bigA);
        this.ratio = b / bigA;
        this.normalisation = Math.pow(Math.PI / (2 * a), 0.25);
        this.hermite = new HermiteFunctions(2 * c);
        this.exact = new Exact();
    }

    /** The length scale ℓ. */
    public double lengthScale() {
        return lengthScale;
    }

    /** The standard deviation σ of ρ. */
    public double sigma() {
        return sigma;
    }

    /** The dimension d. */
    public int dimension() {
        return dimension;
    }

    /** B = b/A, the ratio of consecutive 1D eigenvalues. */
    public double ratio() {
        return ratio;
    }

    /** The 1D eigenvalue λ_k = √(2a/A)·B^k. */
    public double eigenvalue1d(int k) {
        return scale1d * Math.pow(ratio, SingularSystem.requireIndex(k));
    }

    /** The 1D eigenfunction φ_k(x), normalised in L²(N(0,σ²)). */
    public double eigenfunction1d(int k, double x) {
        double psi = hermite.value(SingularSystem.requireIndex(k), x);
        return psi == 0 ? 0 : normalisation * Math.exp(a * x * x) * psi;
    }

    /** The multi-index m (length d) of the flat index k, in the order described above. */
    public int[] multiIndex(int k) {
        long rest = SingularSystem.requireIndex(k);
        int n = 0;
        while (rest >= compositions(n, dimension)) {
            rest -= compositions(n, dimension);
            n++;
        }
        int[] m = new int[dimension];
        for (int i = 0; i < dimension - 1; i++) {
            for (int first = n; first >= 0; first--) {
                long c = compositions(n - first, dimension - i - 1);
                if (rest < c) {
                    m[i] = first;
                    n -= first;
                    break;
                }
                rest -= c;
            }
        }
        m[dimension - 1] = n;
        return m;
    }

    /** The number of multi-indices of length parts with sum n: C(n+parts−1, parts−1). */
    private static long compositions(int n, int parts) {
        long c = 1;
        for (int j = 1; j < parts; j++) {
            c = c * (n + j) / j;
        }
        return c;
    }

    @Override
    public Measure left() {
        return measure;
    }

    @Override
    public Measure right() {
        return measure;
    }

    @Override
    public double kernel(double[] x, double[] y) {
        double r2 = 0;
        for (int i = 0; i < dimension; i++) {
            double t = x[i] - y[i];
            r2 += t * t;
        }
        return Math.exp(-r2 / (2 * lengthScale * lengthScale));
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String describe() {
        return "k(x,y) = exp(-|x-y|^2/(2*" + lengthScale + "^2)) on " + measure.describe();
    }

    @Override
    public boolean selfAdjoint() {
        return true;
    }

    @Override
    public Optional<SingularSystem> exact() {
        return Optional.of(exact);
    }

    private final class Exact implements SingularSystem {

        @Override
        public double singularValue(int k) {
            int degree = 0;
            for (int m : multiIndex(k)) {
                degree += m;
            }
            return Math.pow(scale1d, dimension) * Math.pow(ratio, degree);
        }

        @Override
        public double left(int k, double[] x) {
            int[] m = multiIndex(k);
            double v = 1;
            for (int i = 0; i < dimension; i++) {
                v *= eigenfunction1d(m[i], x[i]);
            }
            return v;
        }

        @Override
        public double right(int k, double[] y) {
            return left(k, y);
        }
    }
}
