package org.opsvd.operators.kernels;

import java.io.IOException;
import java.util.List;
import org.hipparchus.random.Well19937c;

/**
 * The built-in operators of the singular-value problem by command-line name, kernels from formulas, and paired
 * data from files, each made into an {@link SvdProblem} (the SVD counterpart of
 * {@link org.opsvd.operators.OperatorCatalog}):
 * <ul>
 *   <li>{@code volterra}: (Tf)(x) = ∫₀ˣ f, exact singular system;</li>
 *   <li>{@code gauss-kernel}: k(x, y) = exp(−|x − y|²/2ℓ²) on a Gaussian measure, exact (Mehler);</li>
 *   <li>{@code gaussian-cdk}: the dependence kernel of a correlated Gaussian pair, exact (Hermite), constant
 *       mode first;</li>
 *   <li>{@code class-pairs}: synthetic labelled paired data in R^d (retrieval), known only by samples.</li>
 * </ul>
 */
public final class KernelCatalog {

    /** The built-in names accepted by {@link #build}. */
    public static final List<String> NAMES = List.of("volterra", "gauss-kernel", "gaussian-cdk", "class-pairs");

    /** Seed offset of the evaluation samples, so they differ from the training draws. */
    private static final long EVALUATION_SEED = 7;

    private KernelCatalog() {
    }

    /**
     * The problem a request names, for learning L singular pairs; data known only by samples gets
     * {@code evalPoints} evaluation samples, drawn with {@code seed} (class-pairs also generates its classes with it).
     *
     * @throws IllegalArgumentException for an unknown name, a bad measure, or data with too few pairs
     * @throws IOException              when a pairs file cannot be read
     */
    public static SvdProblem build(KernelRequest r, int outputs, int evalPoints, long seed) throws IOException {
        if (r.kernel() != null) {
            KernelOperator k = new ExpressionKernel(r.kernel(), Measure.parse(r.measure(), r.dimension()));
            requireFiniteOnSamples(k);
            return new SvdProblem("kernel", new SvdData.Kernel(k, r.stratified()), k.left(), k.right(), k.exact(),
                    false);
        }
        if (r.pairs() != null) {
            return paired(r, outputs, evalPoints, seed);
        }
        switch (r.name()) {
            case "volterra": {
                KernelOperator k = VolterraOperator.INSTANCE;
                return new SvdProblem("volterra", new SvdData.Kernel(k, r.stratified()), k.left(), k.right(),
                        k.exact(), false);
            }
            case "gauss-kernel": {
                KernelOperator k = new GaussianKernelOperator(r.dimension(), r.lengthScale(), r.sigma());
                return new SvdProblem("gauss-kernel", new SvdData.Kernel(k, r.stratified()), k.left(), k.right(),
                        k.exact(), false);
            }
            case "gaussian-cdk": {
                GaussianDependence k = new GaussianDependence(r.rho());
                SvdData.PairSource pairs = r.stratified() ? k::samplePairsStratified : k::samplePairs;
                return new SvdProblem("gaussian-cdk", new SvdData.Paired(pairs, 1, 1, k.describe()),
                        k.left(), k.right(), k.exact(), true).withKernel(k);
            }
            case "class-pairs": {
                int d = r.dimension() > 1 ? r.dimension() : 8; // classes separate in 8 dimensions at noise 0.5
                ClassPairs c = new ClassPairs(r.classes(), d, d, 0.5, true, seed);
                SvdData.PairSource source = (rng, x, y, n) -> {
                    ClassPairs.Pairs p = c.pairs(n, rng.nextLong());
                    System.arraycopy(p.x(), 0, x, 0, p.x().length);
                    System.arraycopy(p.y(), 0, y, 0, p.y().length);
                };
                ClassPairs.Pairs eval = c.pairs(evalPoints, seed + EVALUATION_SEED);
                return SvdProblem.fromSamples("class-pairs", new SvdData.Paired(source, d, d, r.classes()
                        + " classes of paired points in R^" + d), new SvdProblem.Samples(eval.x(), eval.y()))
                        .withLabels(c);
            }
            default:
                throw new IllegalArgumentException("unknown operator '" + r.name() + "' (expected "
                        + String.join(", ", NAMES) + ")");
        }
    }

    /** Pairs drawn to check a user kernel before any work. */
    private static final int PROBES = 256;

    /**
     * Refuses a user kernel that is not finite at a pair drawn from its measures (e.g. {@code log(x)} under a
     * Gaussian): a check on {@value #PROBES} samples with a fixed seed before training, where the evaluation
     * would find it only after the run directory was written. Not a proof: the evaluation checks every value.
     */
    private static void requireFiniteOnSamples(KernelOperator k) {
        int dx = k.left().dimension();
        int dy = k.right().dimension();
        double[] xs = new double[PROBES * dx];
        double[] ys = new double[PROBES * dy];
        Well19937c rng = new Well19937c(PROBES);
        k.left().sample(rng, xs, PROBES);
        k.right().sample(rng, ys, PROBES);
        for (int i = 0; i < PROBES; i++) {
            double[] x = java.util.Arrays.copyOfRange(xs, i * dx, (i + 1) * dx);
            double[] y = java.util.Arrays.copyOfRange(ys, i * dy, (i + 1) * dy);
            double v = k.kernel(x, y);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("--kernel " + k.describe() + " is not finite at x = "
                        + java.util.Arrays.toString(x) + ", y = " + java.util.Arrays.toString(y) + ": " + v
                        + " (a pair drawn from the measure; the kernel must be finite wherever the measure puts mass)");
            }
        }
    }

    private static SvdProblem paired(KernelRequest r, int outputs, int evalPoints, long seed) throws IOException {
        List<java.nio.file.Path> files = r.pairs();
        PairedData data;
        if (files.size() > 2) {
            throw new IllegalArgumentException("--pairs takes one file (x and y columns, with --split K) or two (x, "
                    + "then y); got " + files.size() + ": " + files);
        }
        if (files.size() == 2) {
            if (r.split() != null) {
                throw new IllegalArgumentException("--split applies to one --pairs file; two files are x and y");
            }
            data = PairedData.read(files.get(0), files.get(1));
        } else {
            if (r.split() == null) {
                throw new IllegalArgumentException("--pairs with one file needs --split K (the first K columns are x)");
            }
            data = PairedData.read(files.get(0), r.split());
        }
        if (outputs >= data.size()) {
            throw new IllegalArgumentException("--L " + outputs + " needs more than " + data.size() + " pairs");
        }
        int n = Math.min(data.size(), evalPoints);
        double[] x = new double[n * data.xDimension()];
        double[] y = new double[n * data.yDimension()];
        data.sample(new Well19937c(seed + EVALUATION_SEED), x, y, n);
        return SvdProblem.fromSamples("pairs", new SvdData.Paired(data::sample, data.xDimension(),
                data.yDimension(), data.toString()), new SvdProblem.Samples(x, y));
    }
}
