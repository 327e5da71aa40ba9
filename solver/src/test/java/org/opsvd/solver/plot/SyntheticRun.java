package org.opsvd.solver.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * A run directory written by hand with known functions: the oscillator H = −½Δ + ½|x|² in d dimensions
 * (products of Hermite functions, shells of equal total degree, E = n + d/2) on a uniform grid of
 * {@code m} points per axis in [−6, 6] (Dirichlet convention: the walls excluded). The "learned" functions
 * are the exact ones rotated by 30° within each two-dimensional shell block, sign-flipped and scaled, so
 * aligning them must give the reference back; the CSV files hold 200 steps of a made-up convergence.
 * Public for the command-line tests ({@code PlotCommandTest}).
 */
public final class SyntheticRun {

    static final double HALF_WIDTH = 6;

    final int dimension;
    final int perAxis;
    final int modes;
    final double[] points;
    final double[] weights;
    final DMatrixRMaj reference;
    final DMatrixRMaj learned;
    final double[] energies;
    final int[] groupStarts;

    private SyntheticRun(int d, int m, int modes) {
        this.dimension = d;
        this.perAxis = m;
        this.modes = modes;
        List<int[]> indices = multiIndices(d, modes);
        int n = (int) Math.pow(m, d);
        double h = 2 * HALF_WIDTH / (m + 1);
        points = new double[n * d];
        weights = new double[n];
        reference = new DMatrixRMaj(n, modes);
        energies = new double[modes];
        List<Integer> starts = new ArrayList<>();
        for (int l = 0; l < modes; l++) {
            int degree = 0;
            for (int k : indices.get(l)) degree += k;
            energies[l] = degree + d / 2.0;
            if (l == 0 || energies[l] != energies[l - 1]) starts.add(l);
        }
        groupStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < n; i++) {
            int rest = i;
            for (int k = d - 1; k >= 0; k--) {
                points[i * d + k] = -HALF_WIDTH + (rest % m + 1) * h;
                rest /= m;
            }
            weights[i] = Math.pow(h, d);
            for (int l = 0; l < modes; l++) {
                double v = 1;
                for (int k = 0; k < d; k++) v *= hermiteFunction(indices.get(l)[k], points[i * d + k]);
                reference.set(i, l, v);
            }
        }
        learned = scrambled(reference, groupStarts);
    }

    /** A d-dimensional run with the lowest {@code modes} oscillator states on m points per axis. */
    public static SyntheticRun of(int d, int m, int modes) {
        return new SyntheticRun(d, m, modes);
    }

    /** Within each group, rotate the first two columns by 30°, flip odd columns, scale column l by 0.5 + l. */
    static DMatrixRMaj scrambled(DMatrixRMaj ref, int[] starts) {
        DMatrixRMaj out = ref.copy();
        double c = Math.cos(Math.PI / 6);
        double s = Math.sin(Math.PI / 6);
        for (int g = 0; g < starts.length; g++) {
            int end = g + 1 < starts.length ? starts[g + 1] : ref.numCols;
            if (end - starts[g] >= 2) {
                int a = starts[g];
                for (int i = 0; i < ref.numRows; i++) {
                    double u = ref.get(i, a);
                    double v = ref.get(i, a + 1);
                    out.set(i, a, c * u + s * v);
                    out.set(i, a + 1, -s * u + c * v);
                }
            }
        }
        for (int l = 0; l < ref.numCols; l++) {
            double f = (l % 2 == 1 ? -1 : 1) * (0.5 + l);
            for (int i = 0; i < ref.numRows; i++) out.set(i, l, f * out.get(i, l));
        }
        return out;
    }

    /** Multi-indices ordered by total degree, then lexicographically descending. */
    private static List<int[]> multiIndices(int d, int count) {
        List<int[]> out = new ArrayList<>();
        for (int degree = 0; out.size() < count; degree++) {
            List<int[]> shell = new ArrayList<>();
            collect(new int[d], 0, degree, shell);
            for (int[] idx : shell) if (out.size() < count) out.add(idx);
        }
        return out;
    }

    private static void collect(int[] idx, int k, int left, List<int[]> out) {
        if (k == idx.length - 1) {
            idx[k] = left;
            out.add(idx.clone());
            return;
        }
        for (int a = left; a >= 0; a--) {
            idx[k] = a;
            collect(idx, k + 1, left - a, out);
        }
    }

    /** ψ_n(x) = (2ⁿ n! √π)^(−½) H_n(x) e^(−x²/2). */
    static double hermiteFunction(int n, double x) {
        double h0 = 1;
        double h1 = 2 * x;
        double hn = n == 0 ? h0 : h1;
        for (int k = 2; k <= n; k++) {
            hn = 2 * x * h1 - 2 * (k - 1) * h0;
            h0 = h1;
            h1 = hn;
        }
        double norm = Math.pow(2, n) * Math.sqrt(Math.PI);
        for (int k = 2; k <= n; k++) norm *= k;
        return hn * Math.exp(-x * x / 2) / Math.sqrt(norm);
    }

    /** Writes the run directory (with {@code reference_eigenfunctions.npy} unless {@code withReference} is false). */
    public Path write(Path dir, boolean withReference) throws IOException {
        Files.createDirectories(dir);
        int n = weights.length;
        org.jetbrains.bio.npy.NpyFile.write(dir.resolve("points.npy"), points, new int[] {n, dimension});
        org.jetbrains.bio.npy.NpyFile.write(dir.resolve("weights.npy"), weights, new int[] {n});
        org.jetbrains.bio.npy.NpyFile.write(dir.resolve("eigenfunctions.npy"), learned.data, new int[] {n, modes});
        if (withReference) {
            org.jetbrains.bio.npy.NpyFile.write(dir.resolve("reference_eigenfunctions.npy"), reference.data,
                    new int[] {n, modes});
        }
        StringBuilder h = new StringBuilder("step,seconds,learning_rate,loss");
        StringBuilder e = new StringBuilder("step,seconds,mean_rel_error,subspace_dist_all,subspace_dist_avg,angle_distance");
        for (int l = 0; l < modes; l++) {
            h.append(",E").append(l);
            e.append(",E").append(l);
        }
        h.append('\n');
        e.append('\n');
        for (int step = 1; step <= 200; step++) {
            double t = 0.05 * step;
            h.append(String.format(Locale.ROOT, "%d,%s,%s,%s", step, t, 1e-3, -modes + 5.0 / step));
            for (int l = 0; l < modes; l++) h.append(',').append(energies[l] * (1 + 0.3 / step + 0.01 * Math.sin(step + l)));
            h.append('\n');
            if (step % 20 == 0) {
                e.append(String.format(Locale.ROOT, "%d,%s,%s,%s,,", step, t, 0.3 / step, 0.5 / step));
                for (int l = 0; l < modes; l++) e.append(',').append(energies[l] * (1 + 0.3 / step));
                e.append('\n');
            }
        }
        Files.writeString(dir.resolve("history.csv"), h);
        Files.writeString(dir.resolve("evaluations.csv"), e);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operator", "harmonic");
        summary.put("hamiltonian", "H = -0.5 Δ + 0.5 |x|^2");
        double[] learnedE = energies.clone();
        for (int l = 0; l < modes; l++) learnedE[l] *= 1.0015;
        summary.put("eigenvalues", learnedE);
        summary.put("reference", energies);
        summary.put("reference_kind", "exact");
        summary.put("metrics", Map.of("details", Map.of("groupStarts", groupStarts)));
        new ObjectMapper().writeValue(dir.resolve("summary.json").toFile(), summary);
        return dir;
    }
}
