package org.opsvd.solver.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opsvd.operators.Problem;
import org.opsvd.operators.spectra.ExactEigenbasis;
import org.opsvd.solver.eval.SampledFunctions;
import org.opsvd.solver.neural.Mlp;
import org.opsvd.solver.neural.NetworkEvaluator;
import org.opsvd.solver.train.SamplingDensity;
import org.opsvd.solver.train.SolveConfig;

/**
 * The learned and reference eigenfunctions on a square tensor grid of the plane x₃ = 0 (the whole plane in 2D),
 * for the eigenfunction gallery of a run whose evaluation points are Monte Carlo draws or a Gauss–Legendre rule,
 * which no heatmap can be drawn from. No metric reads these values. Files, float64 NPY: {@code gallery_points.npy} [M, d] (x₃ = 0 in
 * 3D), {@code gallery_eigenfunctions.npy} [M, L] (ψ_l = √p·f_l, as {@code eigenfunctions.npy}) and, when the
 * reference functions are known in closed form, {@code gallery_reference_eigenfunctions.npy} [M, L′].
 *
 * <p>The grid has {@value #POINTS_PER_AXIS} points per axis on [−r, r]², r = min(box, 3 · max_l rms_l), rms_l the
 * largest per-axis root mean square |x_j| of ψ_l² on the evaluation points: the region where the states live,
 * whatever the box.
 */
public final class GalleryPlane {

    /** Grid points per axis. */
    public static final int POINTS_PER_AXIS = 161;

    /** File names. */
    public static final String POINTS = "gallery_points.npy";
    public static final String LEARNED = "gallery_eigenfunctions.npy";
    public static final String REFERENCE = "gallery_reference_eigenfunctions.npy";

    private GalleryPlane() {
    }

    /**
     * Writes the gallery files into {@code directory}.
     *
     * @param psi        the learned functions on the Monte Carlo evaluation points {@code points} [N, d]
     * @param network    the network, evaluated at {@code parameters}; its first L outputs are the wanted functions
     * @param density    the density of ψ = √p·f
     * @param config     the run's configuration (its centre: the solve's points are moved back to x)
     * @param comparable reference modes to write (0: none)
     */
    static void write(Path directory, Problem problem, SolveConfig config, SampledFunctions psi, double[] points,
                      Mlp network, List<double[]> parameters, SamplingDensity density, int comparable)
            throws IOException {
        int d = problem.dimension();
        int l = psi.functions();
        double[] x = points(d, halfWidth(problem, psi, points, d));
        int m = x.length / d;
        int trained = network.outputs();
        double[] f;
        try (NetworkEvaluator<?> evaluator = NetworkEvaluator.float64(network, false)) {
            f = evaluator.values(parameters, x).values();
        }
        density.wavefunctions(x, f, trained);
        double[] learned = new double[m * l];
        for (int i = 0; i < m; i++) System.arraycopy(f, i * trained, learned, i * l, l);
        AtomicFiles.writeNpy(directory.resolve(LEARNED), learned, new int[] {m, l});
        Optional<ExactEigenbasis> basis = comparable == 0 || problem.exact() == null ? Optional.empty()
                : problem.exact().eigenbasis(comparable);
        if (basis.isPresent()) {
            double[] reference = new double[m * comparable];
            double[] point = new double[d];
            for (int i = 0; i < m; i++) {
                System.arraycopy(x, i * d, point, 0, d);
                for (int k = 0; k < comparable; k++) reference[i * comparable + k] = basis.get().value(k, point);
            }
            AtomicFiles.writeNpy(directory.resolve(REFERENCE), reference, new int[] {m, comparable});
        }
        AtomicFiles.writeNpy(directory.resolve(POINTS), config.toOriginal(x), new int[] {m, d}); // the run's x
    }

    /** r = min(box, 3 · max over modes and axes of the root mean square |x_j| under ψ_l²). */
    static double halfWidth(Problem problem, SampledFunctions psi, double[] points, int d) {
        double widest = 0;
        for (int k = 0; k < psi.functions(); k++) {
            double[] moment = new double[d];
            double mass = 0;
            for (int i = 0; i < psi.points(); i++) {
                double w = psi.weight(i) * psi.value(i, k) * psi.value(i, k);
                mass += w;
                for (int j = 0; j < d; j++) moment[j] += w * points[i * d + j] * points[i * d + j];
            }
            for (int j = 0; j < d && mass > 0; j++) widest = Math.max(widest, Math.sqrt(moment[j] / mass));
        }
        return widest > 0 ? Math.min(problem.halfWidth(), 3 * widest) : problem.halfWidth();
    }

    /** The grid on [−r, r]² (x₃ = 0 in 3D), row-major [M, d]. */
    static double[] points(int d, double r) {
        int n = POINTS_PER_AXIS;
        double[] x = new double[n * n * d];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int i = a * n + b;
                x[i * d] = -r + 2 * r * a / (n - 1);
                x[i * d + 1] = -r + 2 * r * b / (n - 1);
            }
        }
        return x;
    }
}
