package org.opsvd.solver.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.Problem;
import org.opsvd.solver.eval.MetricReport;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.train.SolveReference;

/**
 * What the figures need from a run directory, read from its files alone.
 *
 * <ul>
 *   <li>always: {@code history.csv} and {@code evaluations.csv} (the kind of run is read from the history's
 *       columns: {@code E0 …} for {@code opsvd solve}, {@code s0 …} for {@code opsvd svd});</li>
 *   <li>{@code summary.json} when the run has finished (reference values, names); without it only the
 *       curves are drawn (a run still going, or killed);</li>
 *   <li>solve runs with a summary: {@code points.npy}, {@code weights.npy}, {@code eigenfunctions.npy} and,
 *       when the reference has functions, {@code reference_eigenfunctions.npy}; for Monte Carlo points in 2D and
 *       3D, {@code gallery_points.npy}, {@code gallery_eigenfunctions.npy} and optionally
 *       {@code gallery_reference_eigenfunctions.npy} (the functions on a plane, for the gallery only).</li>
 * </ul>
 * A missing required file is an {@link FileNotFoundException} naming it.
 *
 * @param kind        solve or svd
 * @param history     {@code history.csv}
 * @param evaluations {@code evaluations.csv}
 * @param summary     {@code summary.json}, or null before the run has finished
 * @param functions   the sampled functions (solve runs with a summary), or null
 * @param gallery     the functions on the gallery's plane when the evaluation points are Monte Carlo draws, or null
 *                    (the gallery is then drawn from {@code functions})
 * @param notes       what could not be read and why (optional files)
 */
public record RunData(Kind kind, CsvTable history, CsvTable evaluations, JsonNode summary, Functions functions,
                      Functions gallery, List<String> notes) {

    /** The command that wrote the run. */
    public enum Kind {
        /** {@code opsvd solve}: energies E_l. */
        SOLVE("E", "eigenvalue", "E"),
        /** {@code opsvd svd}: singular values s_l. */
        SVD("s", "singular value", "σ");

        private final String prefix;
        private final String quantity;
        private final String symbol;

        Kind(String prefix, String quantity, String symbol) {
            this.prefix = prefix;
            this.quantity = quantity;
            this.symbol = symbol;
        }

        /** Column prefix in the CSV files ({@code E} or {@code s}). */
        public String prefix() {
            return prefix;
        }

        /** "eigenvalue" or "singular value". */
        public String quantity() {
            return quantity;
        }

        /** E or σ, for labels. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * Learned and reference functions on the evaluation quadrature. Immutable: arrays are copied in and out.
     * Read from a run directory ({@link RunData#load}) or built from a solve in memory ({@link #of}); both
     * give the same values.
     *
     * @param points           x_i, row-major [N, d]
     * @param dimension        d
     * @param weights          w_i [N]
     * @param learned          ψ̂ [N, L] (unnormalised)
     * @param reference        ψ [N, L′] or null when the run has no reference functions
     * @param groupStarts      first mode of each degenerate group of the compared modes (from 0)
     * @param energies         learned Rayleigh energies (L)
     * @param referenceEnergies reference energies (L)
     * @param referenceKind    {@code exact} or {@code finite-difference}
     */
    public record Functions(double[] points, int dimension, double[] weights, DMatrixRMaj learned, DMatrixRMaj reference,
                            int[] groupStarts, double[] energies, double[] referenceEnergies, String referenceKind) {

        public Functions {
            int n = weights.length;
            if (dimension < 1 || points.length != n * dimension || learned.numRows != n
                    || (reference != null && reference.numRows != n)) {
                throw new IllegalArgumentException("inconsistent shapes: " + points.length + " coordinates in "
                        + dimension + "D, " + n + " weights, learned " + learned.numRows + "×" + learned.numCols
                        + (reference == null ? "" : ", reference " + reference.numRows + "×" + reference.numCols)
                        + " (expected [N, d], [N], [N, L], [N, L′])");
            }
            points = points.clone();
            weights = weights.clone();
            learned = learned.copy();
            reference = reference == null ? null : reference.copy();
            groupStarts = groupStarts.clone();
            energies = energies.clone();
            referenceEnergies = referenceEnergies.clone();
        }

        /**
         * The functions of a finished solve, without a run directory: ψ̂ = {@code evaluation.psi()} on the
         * reference quadrature, the reference functions, Rayleigh and reference energies as the problem's
         * operator reports them; the same values {@code opsvd solve} writes and {@link RunData#load} reads.
         */
        public static Functions of(Problem problem, SolveReference solveReference, NeuralSolver.Evaluation evaluation) {
            SolveReference reference = evaluation.evaluatedOn(); // where the evaluation ran (Monte Carlo: its own draw)
            double[] points = reference.points();
            double[] weights = reference.weights();
            DMatrixRMaj learned = evaluation.psi().valuesCopy();
            DMatrixRMaj ref = reference.functions() == null ? null : reference.functions().valuesCopy();
            int modes = learned.numCols;
            MetricReport metrics = evaluation.metrics();
            return new Functions(points, points.length / weights.length, weights, learned, ref,
                    comparedGroups(metrics == null ? null : metrics.groupStarts(), ref == null ? modes : ref.numCols),
                    evaluation.rayleigh(), NeuralSolver.reported(problem, Arrays.copyOf(reference.energies(), modes)),
                    reference.kind());
        }

        /** N. */
        public int size() {
            return weights.length;
        }

        /** L, the number of learned functions. */
        public int modes() {
            return learned.numCols;
        }

        @Override
        public double[] points() {
            return points.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public DMatrixRMaj learned() {
            return learned.copy();
        }

        @Override
        public DMatrixRMaj reference() {
            return reference == null ? null : reference.copy();
        }

        @Override
        public int[] groupStarts() {
            return groupStarts.clone();
        }

        @Override
        public double[] energies() {
            return energies.clone();
        }

        @Override
        public double[] referenceEnergies() {
            return referenceEnergies.clone();
        }
    }

    public RunData {
        notes = List.copyOf(notes);
    }

    /** Reads the run directory {@code dir}. */
    public static RunData load(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new FileNotFoundException("run directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory (give the run directory of opsvd solve or opsvd svd)");
        }
        CsvTable history = CsvTable.read(require(dir, "history.csv"));
        Kind kind = !history.indexed("E").isEmpty() ? Kind.SOLVE : !history.indexed("s").isEmpty() ? Kind.SVD : null;
        if (kind == null) {
            throw new IOException(dir.resolve("history.csv") + " has neither E0 … nor s0 … columns (header: "
                    + String.join(",", history.header()) + ")");
        }
        CsvTable evaluations = CsvTable.read(require(dir, "evaluations.csv"));
        List<String> notes = new ArrayList<>();
        Path summaryFile = dir.resolve("summary.json");
        JsonNode summary = null;
        if (Files.exists(summaryFile)) {
            summary = new ObjectMapper().readTree(summaryFile.toFile());
        } else {
            notes.add("no summary.json in " + dir + " (run not finished?): only the curves are drawn");
        }
        Functions functions = null;
        Functions gallery = null;
        if (summary != null && summary.path("failed").asBoolean(false)) {
            notes.add("the run failed (" + summary.path("stop_reason").asText() + "): only the curves are drawn");
        } else if (kind == Kind.SOLVE && summary != null) {
            functions = functions(dir, summary, notes, "");
            if (Files.exists(dir.resolve("gallery_points.npy"))) {
                gallery = functions(dir, summary, new ArrayList<>(), "gallery_");
            }
        }
        return new RunData(kind, history, evaluations, summary, functions, gallery, notes);
    }

    /**
     * The functions in {@code prefix}points.npy, {@code prefix}eigenfunctions.npy and (optional)
     * {@code prefix}reference_eigenfunctions.npy, with {@code prefix}weights.npy, or uniform weights when
     * {@code prefix} is {@code gallery_} (a plane for display).
     */
    private static Functions functions(Path dir, JsonNode summary, List<String> notes, String prefix)
            throws IOException {
        Npy points = Npy.read(require(dir, prefix + "points.npy"));
        Npy psi = Npy.read(require(dir, prefix + "eigenfunctions.npy"));
        Npy weights = prefix.isEmpty() ? Npy.read(require(dir, "weights.npy"))
                : new Npy(uniform(points.shape()[0]), new int[] {points.shape()[0]});
        if (points.shape().length != 2 || weights.shape().length != 1 || psi.shape().length != 2
                || points.shape()[0] != weights.shape()[0] || psi.shape()[0] != weights.shape()[0]) {
            throw new IOException("inconsistent shapes in " + dir + ": points.npy " + points.describe() + ", weights.npy "
                    + weights.describe() + ", eigenfunctions.npy " + psi.describe() + " (expected [N, d], [N], [N, L])");
        }
        int n = weights.shape()[0];
        DMatrixRMaj learned = DMatrixRMaj.wrap(n, psi.shape()[1], psi.values());
        DMatrixRMaj reference = null;
        Path referenceFile = dir.resolve(prefix + "reference_eigenfunctions.npy");
        if (Files.exists(referenceFile)) {
            Npy r = Npy.read(referenceFile);
            if (r.shape().length != 2 || r.shape()[0] != n || r.shape()[1] > learned.numCols) {
                throw new IOException(referenceFile + " has shape " + r.describe() + "; expected [" + n + ", L′ ≤ "
                        + learned.numCols + "]");
            }
            reference = DMatrixRMaj.wrap(n, r.shape()[1], r.values());
        } else {
            notes.add("no reference_eigenfunctions.npy: the gallery shows the learned functions only");
        }
        int compared = reference == null ? learned.numCols : reference.numCols;
        int[] starts = groupStarts(summary, compared);
        return new Functions(points.values(), points.shape()[1], weights.values(), learned, reference, starts,
                doubles(summary.get("eigenvalues")), doubles(summary.get("reference")),
                summary.path("reference_kind").asText("reference"));
    }

    /** Weights 1/n. */
    private static double[] uniform(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return w;
    }

    /** metrics.details.groupStarts of summary.json below {@code modes}; without it, one group per mode. */
    private static int[] groupStarts(JsonNode summary, int modes) {
        JsonNode g = summary.path("metrics").path("details").path("groupStarts");
        if (!g.isArray()) return comparedGroups(null, modes);
        int[] starts = new int[g.size()];
        for (int i = 0; i < starts.length; i++) starts[i] = g.get(i).asInt();
        return comparedGroups(starts, modes);
    }

    /** The group starts below {@code modes} when they start at 0; otherwise (or null) one group per mode. */
    private static int[] comparedGroups(int[] starts, int modes) {
        if (starts != null && starts.length > 0 && starts[0] == 0) {
            return Arrays.stream(starts).filter(s -> s < modes).toArray();
        }
        int[] single = new int[modes];
        for (int i = 0; i < modes; i++) single[i] = i;
        return single;
    }

    /** The numbers of a JSON array (null or missing: an empty array; null entries: NaN). */
    static double[] doubles(JsonNode array) {
        if (array == null || !array.isArray()) return new double[0];
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
        return out;
    }

    /** A short description of the run for figure titles, e.g. "harmonic: H = −½Δ + ½|x|²". */
    public String title() {
        if (summary == null) return kind == Kind.SOLVE ? "opsvd solve" : "opsvd svd";
        String name = summary.path("operator").asText("run");
        String what = summary.path(kind == Kind.SOLVE ? "hamiltonian" : "description").asText("");
        return what.isEmpty() ? name : name + ": " + what;
    }

    /** {@link #title()}, or only the operator's name when the title is longer than {@code maxChars}. */
    public String title(int maxChars) {
        String t = title();
        return t.length() <= maxChars || summary == null ? t : summary.path("operator").asText("run");
    }

    private static Path require(Path dir, String name) throws FileNotFoundException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("missing " + name + " in run directory " + dir);
        }
        return file;
    }

    /** A float64 NPY array. */
    private record Npy(double[] values, int[] shape) {

        static Npy read(Path file) throws IOException {
            org.jetbrains.bio.npy.NpyArray a;
            try {
                a = org.jetbrains.bio.npy.NpyFile.read(file, Integer.MAX_VALUE);
            } catch (RuntimeException e) {
                throw new IOException("cannot read " + file + " as NPY: " + e.getMessage(), e);
            }
            try {
                return new Npy(a.asDoubleArray(), a.getShape());
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a float64 array (" + e.getMessage() + ")", e);
            }
        }

        String describe() {
            return Arrays.toString(shape);
        }
    }
}
