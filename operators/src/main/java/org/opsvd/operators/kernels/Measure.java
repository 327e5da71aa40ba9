package org.opsvd.operators.kernels;

import org.hipparchus.random.RandomGenerator;

/**
 * A probability measure on R^d that x or y is drawn from (ρ₀ or ρ₁ of a {@link KernelOperator}).
 * Immutable; sampling draws from the caller's generator only.
 */
public sealed interface Measure permits Measure.UniformBox, Measure.Gaussian {

    /** The dimension d. */
    int dimension();

    /**
     * Parses {@code uniform:LO:HI} (uniform on [LO, HI]^d) or {@code gaussian:SIGMA} (N(0, SIGMA² I_d)).
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static Measure parse(String text, int d) {
        String[] p = text.split(":");
        try {
            if (p[0].equals("uniform") && p.length == 3) {
                return new UniformBox(d, Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            }
            if (p[0].equals("gaussian") && p.length == 2) {
                return new Gaussian(d, Double.parseDouble(p[1]));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--measure '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("--measure '" + text + "': expected uniform:LO:HI or gaussian:SIGMA");
    }

    /**
     * Draws {@code count} independent points into {@code out}, row-major [count, d].
     *
     * @throws IllegalArgumentException if count &lt; 0 or out is shorter than count·d
     */
    void sample(RandomGenerator rng, double[] out, int count);

    /**
     * The quantile of one coordinate (all measures here are products of identical 1D laws): the x
     * with P(X_i ≤ x) = u, for 0 &lt; u &lt; 1.
     */
    double quantile(double u);

    /**
     * Draws {@code count} points by Latin hypercube sampling: per coordinate, one uniform draw in each
     * of the {@code count} equal-probability strata, in a random order, mapped through
     * {@link #quantile}. Every point is still distributed as ρ (so estimators stay unbiased), but sums
     * over the sample have much smaller variance than for independent draws — in 1D the error of a
     * smooth integral falls like count^{−3/2} instead of count^{−1/2}.
     */
    default void sampleStratified(RandomGenerator rng, double[] out, int count) {
        int d = dimension();
        requireRoom(out, count, d);
        int[] order = new int[count];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < count; i++) order[i] = i;
            for (int i = count - 1; i > 0; i--) { // Fisher–Yates
                int k = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int i = 0; i < count; i++) {
                out[i * d + j] = quantile((order[i] + rng.nextDouble()) / count);
            }
        }
    }

    /** The density dρ/dx at x (Lebesgue), 0 outside the support. */
    double density(double[] x);

    /** A short description, e.g. {@code "U[0,1]^2"} or {@code "N(0, 1.5^2 I_3)"}. */
    String describe();

    /**
     * The uniform measure on the box [lo, hi]^d, density (hi − lo)^{−d}.
     *
     * @param dimension d ≥ 1
     * @param lo        lower edge, finite
     * @param hi        upper edge, finite, &gt; lo
     */
    record UniformBox(int dimension, double lo, double hi) implements Measure {

        public UniformBox {
            requireDimension(dimension);
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
                throw new IllegalArgumentException("uniform box needs finite lo < hi, got [" + lo + ", " + hi + "]");
            }
        }

        /** U[0,1]^d. */
        public static UniformBox unit(int dimension) {
            return new UniformBox(dimension, 0, 1);
        }

        @Override
        public void sample(RandomGenerator rng, double[] out, int count) {
            requireRoom(out, count, dimension);
            double w = hi - lo;
            for (int i = 0; i < count * dimension; i++) {
                out[i] = lo + w * rng.nextDouble();
            }
        }

        @Override
        public double quantile(double u) {
            return lo + (hi - lo) * u;
        }

        @Override
        public double density(double[] x) {
            requirePoint(x, dimension);
            for (double v : x) {
                if (!(v >= lo && v <= hi)) {
                    return 0;
                }
            }
            return Math.pow(hi - lo, -dimension);
        }

        @Override
        public String describe() {
            return "U[" + lo + "," + hi + "]" + (dimension > 1 ? "^" + dimension : "");
        }
    }

    /**
     * The centred isotropic Gaussian N(0, σ² I_d), density (2πσ²)^{−d/2} exp(−|x|²/(2σ²)).
     *
     * @param dimension d ≥ 1
     * @param sigma     standard deviation σ &gt; 0 per axis
     */
    record Gaussian(int dimension, double sigma) implements Measure {

        public Gaussian {
            requireDimension(dimension);
            if (!(sigma > 0) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("Gaussian sigma must be positive and finite, got " + sigma);
            }
        }

        /** N(0, I_d). */
        public static Gaussian standard(int dimension) {
            return new Gaussian(dimension, 1);
        }

        @Override
        public void sample(RandomGenerator rng, double[] out, int count) {
            requireRoom(out, count, dimension);
            for (int i = 0; i < count * dimension; i++) {
                out[i] = sigma * rng.nextGaussian();
            }
        }

        @Override
        public double quantile(double u) {
            return sigma * Math.sqrt(2) * org.hipparchus.special.Erf.erfInv(2 * u - 1);
        }

        @Override
        public double density(double[] x) {
            requirePoint(x, dimension);
            double r2 = 0;
            for (double v : x) {
                r2 += v * v;
            }
            return Math.exp(-r2 / (2 * sigma * sigma) - 0.5 * dimension * Math.log(2 * Math.PI * sigma * sigma));
        }

        @Override
        public String describe() {
            return "N(0, " + sigma + "^2" + (dimension > 1 ? " I_" + dimension : "") + ")";
        }
    }

    private static void requireDimension(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("measure dimension must be at least 1, got " + dimension);
        }
    }

    private static void requireRoom(double[] out, int count, int dimension) {
        if (count < 0) {
            throw new IllegalArgumentException("sample count must be non-negative, got " + count);
        }
        if (out.length < (long) count * dimension) {
            throw new IllegalArgumentException("output array holds " + out.length + " values, need count·d = "
                    + count + "·" + dimension);
        }
    }

    private static void requirePoint(double[] x, int dimension) {
        if (x.length != dimension) {
            throw new IllegalArgumentException("point has " + x.length + " coordinates, measure dimension is "
                    + dimension);
        }
    }
}
