package org.opsvd.solver.eval;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.spectra.ExactEigenbasis;
import org.opsvd.solver.NumericalFailure;
import org.opsvd.solver.classical.GridEigenpairs;

/**
 * L real functions ψ_0 … ψ_{L−1} sampled at N quadrature points x_i with weights w_i &gt; 0, so that
 * ⟨f, g⟩ ≈ Σ_i w_i f(x_i) g(x_i).
 *
 * <ul>
 *   <li>values Ψ: N×L, Ψ_il = ψ_l(x_i) (row-major, one row per point);</li>
 *   <li>weights w: N, all finite and &gt; 0 (W = diag(w));</li>
 *   <li>Gram C = ΨᵀWΨ (L×L), C_lm = Σ_i w_i ψ_l(x_i) ψ_m(x_i).</li>
 * </ul>
 * Immutable: {@link #of(DMatrixRMaj, double[])} copies its arguments; {@link #wrap(DMatrixRMaj, double[])}
 * does not (for large samples whose caller promises not to modify them). Accessors never expose the
 * internal arrays.
 */
public final class SampledFunctions {

    private final DMatrixRMaj values;
    private final double[] weights;

    private SampledFunctions(DMatrixRMaj values, double[] weights) {
        if (values == null || weights == null) {
            throw new IllegalArgumentException("values and weights must not be null");
        }
        if (values.numRows != weights.length) {
            throw new IllegalArgumentException("values have " + values.numRows + " rows (points) but there are "
                    + weights.length + " weights");
        }
        if (values.numRows < 1 || values.numCols < 1) {
            throw new IllegalArgumentException("need at least one point and one function, got "
                    + values.numRows + "×" + values.numCols);
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("quadrature weights must be positive and finite; weight " + i
                        + " is " + weights[i]);
            }
        }
        int size = values.getNumElements();
        for (int k = 0; k < size; k++) {
            if (!Double.isFinite(values.data[k])) {
                throw new IllegalArgumentException("value at point " + k / values.numCols + ", function "
                        + k % values.numCols + " is not finite: " + values.data[k]);
            }
        }
        this.values = values;
        this.weights = weights;
    }

    /** Samples Ψ (N×L) with weights w (N); both are copied. */
    public static SampledFunctions of(DMatrixRMaj values, double[] weights) {
        return new SampledFunctions(values == null ? null : values.copy(), weights == null ? null : weights.clone());
    }

    /** Like {@link #of(DMatrixRMaj, double[])} but without copying: the caller must not modify either array. */
    public static SampledFunctions wrap(DMatrixRMaj values, double[] weights) {
        return new SampledFunctions(values, weights);
    }

    /** The first {@code count} functions of an exact eigenbasis at the grid points, weights h^d. */
    public static SampledFunctions of(ExactEigenbasis basis, Grid grid, int count) {
        if (basis.dimension() != grid.dimension()) {
            throw new IllegalArgumentException("eigenbasis is " + basis.dimension() + "-dimensional but the grid is "
                    + grid.dimension() + "-dimensional");
        }
        if (count < 1 || count > basis.count()) {
            throw new IllegalArgumentException("can take 1.." + basis.count() + " functions, asked for " + count);
        }
        int n = grid.size();
        DMatrixRMaj v = new DMatrixRMaj(n, count);
        double[] x = new double[grid.dimension()];
        for (int i = 0; i < n; i++) {
            grid.point(i, x);
            System.arraycopy(basis.values(x), 0, v.data, i * count, count);
        }
        return new SampledFunctions(v, uniform(n, grid.cellVolume()));
    }

    /** All functions of an exact eigenbasis at the grid points, weights h^d. */
    public static SampledFunctions of(ExactEigenbasis basis, Grid grid) {
        return of(basis, grid, basis.count());
    }

    /**
     * Grid eigenvectors as functions: ψ_j = h^{−d/2}·v_j, weights h^d, so Σ_i w_i ψ_j(x_i)² = ‖v_j‖₂² = 1.
     *
     * @throws IllegalArgumentException if the eigenvectors were not computed
     */
    public static SampledFunctions of(GridEigenpairs pairs) {
        if (pairs.eigenvectors() == null) {
            throw new IllegalArgumentException("grid eigenpairs carry no eigenvectors (route " + pairs.route() + ")");
        }
        double h = pairs.grid().cellVolume();
        DMatrixRMaj v = pairs.eigenvectors().copy();
        CommonOps_DDRM.scale(1 / Math.sqrt(h), v);
        return new SampledFunctions(v, uniform(v.numRows, h));
    }

    private static double[] uniform(int n, double w) {
        double[] out = new double[n];
        Arrays.fill(out, w);
        return out;
    }

    /**
     * The same functions on the union of two quadratures, each weight halved (the mean of the two rules): rows of
     * {@code a} first, then those of {@code b}.
     */
    public static SampledFunctions union(SampledFunctions a, SampledFunctions b) {
        if (a.functions() != b.functions()) {
            throw new IllegalArgumentException("cannot join " + a.functions() + " functions with " + b.functions());
        }
        DMatrixRMaj v = new DMatrixRMaj(a.points() + b.points(), a.functions());
        CommonOps_DDRM.insert(a.values, v, 0, 0);
        CommonOps_DDRM.insert(b.values, v, a.points(), 0);
        double[] w = new double[a.points() + b.points()];
        for (int i = 0; i < a.points(); i++) {
            w[i] = a.weights[i] / 2;
        }
        for (int i = 0; i < b.points(); i++) {
            w[a.points() + i] = b.weights[i] / 2;
        }
        return new SampledFunctions(v, w);
    }

    /** The first {@code count} functions on the same quadrature. */
    public SampledFunctions leading(int count) {
        if (count < 1 || count > values.numCols) {
            throw new IllegalArgumentException("cannot take " + count + " of " + values.numCols + " functions");
        }
        DMatrixRMaj out = new DMatrixRMaj(values.numRows, count);
        CommonOps_DDRM.extract(values, 0, values.numRows, 0, count, out, 0, 0);
        return new SampledFunctions(out, weights);
    }

    /** The number N of points. */
    public int points() {
        return values.numRows;
    }

    /** The number L of functions. */
    public int functions() {
        return values.numCols;
    }

    /** ψ_l(x_i). */
    public double value(int i, int l) {
        return values.get(i, l);
    }

    /** w_i. */
    public double weight(int i) {
        return weights[i];
    }

    /** A copy of Ψ (N×L). */
    public DMatrixRMaj valuesCopy() {
        return values.copy();
    }

    /** A copy of w (N). */
    public double[] weights() {
        return weights.clone();
    }

    /** The internal Ψ; package code must not modify it. */
    DMatrixRMaj rawValues() {
        return values;
    }

    /** The internal w; package code must not modify it. */
    double[] rawWeights() {
        return weights;
    }

    /** Whether {@code other} uses the same N points with identical weights. */
    public boolean sameQuadrature(SampledFunctions other) {
        return weights == other.weights || Arrays.equals(weights, other.weights);
    }

    /** C = ΨᵀWΨ (L×L). */
    public DMatrixRMaj gram() {
        return WeightedProducts.gram(weights, values);
    }

    /** The normalised Gram Ĉ_lm = C_lm / √(C_ll·C_mm) (L×L, unit diagonal). */
    public DMatrixRMaj normalisedGram() {
        return normalise(gram());
    }

    /**
     * ΨᵀWΦ (L×M) with Φ = {@code other} (N×M) on the same points and weights, e.g. Q = ⟨ψ, Hψ⟩ when
     * {@code other} samples Hψ.
     */
    public DMatrixRMaj crossGram(SampledFunctions other) {
        requireSameQuadrature(other);
        return WeightedProducts.cross(weights, values, other.values);
    }

    /** The functions Ψ·R (N×M) for a coefficient matrix R (L×M), on the same points and weights. */
    public SampledFunctions times(DMatrixRMaj r) {
        if (r.numRows != functions()) {
            throw new IllegalArgumentException("coefficient matrix has " + r.numRows + " rows but there are "
                    + functions() + " functions");
        }
        DMatrixRMaj out = new DMatrixRMaj(points(), r.numCols);
        CommonOps_DDRM.mult(values, r, out);
        return new SampledFunctions(out, weights);
    }

    /** Ĉ_lm = C_lm / √(C_ll·C_mm) for a Gram matrix C with positive diagonal; C is not modified. */
    public static DMatrixRMaj normalise(DMatrixRMaj gram) {
        int l = gram.numRows;
        if (gram.numCols != l) {
            throw new IllegalArgumentException("Gram matrix must be square, got " + gram.numRows + "×" + gram.numCols);
        }
        double[] s = new double[l];
        for (int i = 0; i < l; i++) {
            double d = gram.get(i, i);
            if (!(d > 0)) {
                throw new NumericalFailure("function " + i + " has squared norm " + d + " (must be > 0)");
            }
            s[i] = 1 / Math.sqrt(d);
        }
        DMatrixRMaj out = new DMatrixRMaj(l, l);
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < l; j++) {
                out.unsafe_set(i, j, i == j ? 1 : gram.get(i, j) * s[i] * s[j]);
            }
        }
        return out;
    }

    void requireSameQuadrature(SampledFunctions other) {
        if (other.points() != points()) {
            throw new IllegalArgumentException("samples are on " + points() + " and " + other.points()
                    + " points; they must share the quadrature");
        }
        if (!sameQuadrature(other)) {
            throw new IllegalArgumentException("samples have the same number of points but different weights;"
                    + " they must share the quadrature");
        }
    }
}
