package org.opsvd.operators.kernels;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A synthetic paired dataset with class structure, the canonical-dependence-kernel (CDK) setting of the
 * cross-domain retrieval experiment in miniature.
 *
 * <p>C classes with centres μ_c ∈ R^dx and ν_c ∈ R^dy drawn i.i.d. from N(0, I) by a {@link Well19937c}
 * seeded with {@code seed}; optionally a fixed random map A ∈ R^{dy×dy}, A_ij ~ N(0, 1/dy), drawn next
 * (otherwise A = I). Given a class c:
 * x = μ_c + σ·ε, y = A·ν_c + σ·η, with ε, η ~ N(0, I) independent. Training pairs draw c uniformly, then
 * x | c and y | c independently, so p(x, y) = Σ_c π_c p(x|c) p(y|c) with π_c = 1/C, and the CDK is
 * k(x, y) = p(x, y)/(p(x)p(y)) = C·Σ_c P(c|x)·P(c|y) (rank ≤ C; its top singular pair is the constants).
 * Test sets of xs and ys are drawn separately, each with i.i.d. uniform classes.
 *
 * <p>Immutable. Every draw takes its own seed, so results do not depend on call order.
 */
public final class ClassPairs {

    private final int classes;
    private final int dx;
    private final int dy;
    private final double noise;
    private final long seed;
    private final boolean mixed;
    private final double[] xCentres; // C×dx
    private final double[] yCentres; // C×dy, after A

    /**
     * @param classes C ≥ 1
     * @param dx      dimension of x, ≥ 1
     * @param dy      dimension of y, ≥ 1
     * @param noise   σ &gt; 0
     * @param mixed   whether y-centres pass through a random linear map A (else A = I)
     * @param seed    seed of the centres (and A)
     */
    public ClassPairs(int classes, int dx, int dy, double noise, boolean mixed, long seed) {
        if (classes < 1 || dx < 1 || dy < 1) {
            throw new IllegalArgumentException("class pairs need C (--classes), dx, dy ≥ 1, got C = " + classes + ", dx = "
                    + dx + ", dy = " + dy);
        }
        if (!(noise > 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("class pair noise σ must be positive and finite, got " + noise);
        }
        this.classes = classes;
        this.dx = dx;
        this.dy = dy;
        this.noise = noise;
        this.mixed = mixed;
        this.seed = seed;
        RandomGenerator rng = new Well19937c(seed);
        xCentres = gaussian(rng, classes * dx, 1);
        double[] nu = gaussian(rng, classes * dy, 1);
        if (mixed) {
            double[] a = gaussian(rng, dy * dy, 1 / Math.sqrt(dy));
            yCentres = new double[classes * dy];
            for (int c = 0; c < classes; c++) {
                for (int i = 0; i < dy; i++) {
                    double s = 0;
                    for (int j = 0; j < dy; j++) {
                        s += a[i * dy + j] * nu[c * dy + j];
                    }
                    yCentres[c * dy + i] = s;
                }
            }
        } else {
            yCentres = nu;
        }
    }

    /** Identity map A = I. */
    public ClassPairs(int classes, int dx, int dy, double noise, long seed) {
        this(classes, dx, dy, noise, false, seed);
    }

    /** Paired draws: row i of x (n×dx) and y (n×dy) share class labels[i]. */
    public record Pairs(double[] x, double[] y, int[] labels, int dx, int dy) {
        public Pairs {
            x = x.clone();
            y = y.clone();
            labels = labels.clone();
        }

        /** n. */
        public int size() {
            return labels.length;
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    /** Labelled points of one domain: row i of points (n×dim) has class labels[i]. */
    public record Labelled(double[] points, int[] labels, int dim) {
        public Labelled {
            points = points.clone();
            labels = labels.clone();
        }

        /** n. */
        public int size() {
            return labels.length;
        }

        @Override
        public double[] points() {
            return points.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    /** n training pairs (x, y) ~ p(x, y): c uniform, then x | c and y | c independent. */
    public Pairs pairs(int n, long drawSeed) {
        requireCount(n);
        RandomGenerator rng = new Well19937c(drawSeed);
        int[] labels = new int[n];
        double[] x = new double[n * dx];
        double[] y = new double[n * dy];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(classes);
            labels[i] = c;
            sample(rng, xCentres, c, dx, x, i);
            sample(rng, yCentres, c, dy, y, i);
        }
        return new Pairs(x, y, labels, dx, dy);
    }

    /** n labelled xs, classes i.i.d. uniform. */
    public Labelled xs(int n, long drawSeed) {
        return labelled(n, drawSeed, xCentres, dx);
    }

    /** n labelled ys, classes i.i.d. uniform. */
    public Labelled ys(int n, long drawSeed) {
        return labelled(n, drawSeed, yCentres, dy);
    }

    /** P(c | x) for all c (length C), from the isotropic Gaussian likelihoods. */
    public double[] posteriorX(double[] x) {
        return posterior(x, xCentres, dx, "x");
    }

    /** P(c | y) for all c (length C). */
    public double[] posteriorY(double[] y) {
        return posterior(y, yCentres, dy, "y");
    }

    /** The exact CDK k(x, y) = C·Σ_c P(c|x)·P(c|y). */
    public double kernel(double[] x, double[] y) {
        double[] px = posteriorX(x);
        double[] py = posteriorY(y);
        double s = 0;
        for (int c = 0; c < classes; c++) {
            s += px[c] * py[c];
        }
        return classes * s;
    }

    /** μ_c (length dx). */
    public double[] xCentre(int c) {
        checkClass(c);
        double[] out = new double[dx];
        System.arraycopy(xCentres, c * dx, out, 0, dx);
        return out;
    }

    /** A·ν_c (length dy). */
    public double[] yCentre(int c) {
        checkClass(c);
        double[] out = new double[dy];
        System.arraycopy(yCentres, c * dy, out, 0, dy);
        return out;
    }

    /** C. */
    public int classes() {
        return classes;
    }

    /** dx. */
    public int dx() {
        return dx;
    }

    /** dy. */
    public int dy() {
        return dy;
    }

    /** σ. */
    public double noise() {
        return noise;
    }

    /** Whether the y-centres pass through the random map A. */
    public boolean mixed() {
        return mixed;
    }

    /** The seed of the centres. */
    public long seed() {
        return seed;
    }

    private Labelled labelled(int n, long drawSeed, double[] centres, int dim) {
        requireCount(n);
        RandomGenerator rng = new Well19937c(drawSeed);
        int[] labels = new int[n];
        double[] p = new double[n * dim];
        for (int i = 0; i < n; i++) {
            int c = rng.nextInt(classes);
            labels[i] = c;
            sample(rng, centres, c, dim, p, i);
        }
        return new Labelled(p, labels, dim);
    }

    private void sample(RandomGenerator rng, double[] centres, int c, int dim, double[] out, int row) {
        for (int j = 0; j < dim; j++) {
            out[row * dim + j] = centres[c * dim + j] + noise * rng.nextGaussian();
        }
    }

    private double[] posterior(double[] v, double[] centres, int dim, String what) {
        if (v == null || v.length != dim) {
            throw new IllegalArgumentException(what + " must have length " + dim + ", got "
                    + (v == null ? "null" : v.length));
        }
        double[] logp = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                double t = v[j] - centres[c * dim + j];
                s += t * t;
            }
            logp[c] = -s / (2 * noise * noise);
            max = Math.max(max, logp[c]);
        }
        double z = 0;
        for (int c = 0; c < classes; c++) {
            logp[c] = Math.exp(logp[c] - max);
            z += logp[c];
        }
        for (int c = 0; c < classes; c++) {
            logp[c] /= z;
        }
        return logp;
    }

    private void checkClass(int c) {
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("class " + c + " is outside 0…" + (classes - 1));
        }
    }

    private static void requireCount(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("draw size n must be at least 1, got " + n);
        }
    }

    private static double[] gaussian(RandomGenerator rng, int n, double scale) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = scale * rng.nextGaussian();
        }
        return out;
    }
}
