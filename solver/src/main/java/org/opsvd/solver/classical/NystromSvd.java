package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.kernels.KernelOperator;

/**
 * The SVD-form Nyström baseline for a general kernel operator T : L²(ρ₁) → L²(ρ₀),
 * (Tg)(x) = ∫ k(x,y) g(y) dρ₁(y), self-adjoint or not: draw x_1 … x_n ~ ρ₀ and y_1 … y_m ~ ρ₁ (seeded, x first),
 * form K_ij = k(x_i, y_j)/√(nm) [n, m], take its thin SVD K = U·diag(s)·Vᵀ (EJML, s descending) and estimate
 * <pre>
 *   σ_k ≈ s_k,   u_k(x_i) = √n·U_ik,   v_k(y_j) = √m·V_jk,
 *   u_k(x) = (1/(σ_k m))·Σ_j k(x, y_j)·v_k(y_j),   v_k(y) = (1/(σ_k n))·Σ_i k(x_i, y)·u_k(x_i).
 * </pre>
 * The extensions interpolate the sampled values and are normalised in the empirical L²: (1/n)Σ_i u_k(x_i)² = 1,
 * (1/m)Σ_j v_k(y_j)² = 1. Cost: nm kernel evaluations, nm·8 bytes for K and O(nm·min(n,m)) time. For a
 * self-adjoint PSD kernel {@link NystromSolver} (one sample, symmetric eigendecomposition) is the cheaper choice.
 */
public final class NystromSvd {

    private NystromSvd() {
    }

    /**
     * The Nyström estimate of the top {@code modes} singular triples.
     *
     * @param singularValues    σ_0 ≥ … ≥ σ_{L−1}, the top singular values of K
     * @param leftPoints        the sample x_1 … x_n ~ ρ₀, row-major [n, d₀]
     * @param rightPoints       the sample y_1 … y_m ~ ρ₁, row-major [m, d₁]
     * @param leftCoefficients  a_kj = V_jk/(σ_k √m), row-major [L, m], so u_k(x) = Σ_j a_kj·k(x, y_j)
     * @param rightCoefficients b_ki = U_ik/(σ_k √n), row-major [L, n], so v_k(y) = Σ_i b_ki·k(x_i, y)
     * @param memoryBytes       the kernel matrix, nm·8 bytes
     * @param seconds           wall time of the solve
     */
    public record Result(KernelOperator operator, double[] singularValues, double[] leftPoints, double[] rightPoints,
            double[] leftCoefficients, double[] rightCoefficients, long memoryBytes, double seconds) {

        /** The number n of points x_i ~ ρ₀. */
        public int leftSampleSize() {
            return leftPoints.length / operator.left().dimension();
        }

        /** The number m of points y_j ~ ρ₁. */
        public int rightSampleSize() {
            return rightPoints.length / operator.right().dimension();
        }

        /** The number L of modes. */
        public int modes() {
            return singularValues.length;
        }

        /** u_k(x), the left (ρ₀, f side) function by the Nyström extension. */
        public double left(int k, double[] x) {
            return evaluateLeft(x, 1)[requireMode(k)];
        }

        /** v_k(y), the right (ρ₁, g side) function by the Nyström extension. */
        public double right(int k, double[] y) {
            return evaluateRight(y, 1)[requireMode(k)];
        }

        /**
         * (u_0(x), …, u_{L−1}(x)) at {@code count} points xs (row-major [count, d₀]), row-major [count, L]; each
         * kernel value k(x, y_j) is computed once for all modes.
         */
        public double[] evaluateLeft(double[] xs, int count) {
            return extend(xs, count, rightPoints, operator.right().dimension(), leftCoefficients, true);
        }

        /**
         * (v_0(y), …, v_{L−1}(y)) at {@code count} points ys (row-major [count, d₁]), row-major [count, L]; each
         * kernel value k(x_i, y) is computed once for all modes.
         */
        public double[] evaluateRight(double[] ys, int count) {
            return extend(ys, count, leftPoints, operator.left().dimension(), rightCoefficients, false);
        }

        private double[] extend(double[] at, int count, double[] sample, int sampleDimension, double[] coefficients,
                boolean atIsX) {
            int dAt = atIsX ? operator.left().dimension() : operator.right().dimension();
            if (count < 0 || at.length < count * dAt) {
                throw new IllegalArgumentException("need " + count + " points of dimension " + dAt + ", got an array of "
                        + at.length + " values");
            }
            int size = sample.length / sampleDimension;
            int l = modes();
            double[] out = new double[count * l];
            double[] p = new double[dAt];
            double[] s = new double[sampleDimension];
            for (int c = 0; c < count; c++) {
                System.arraycopy(at, c * dAt, p, 0, dAt);
                for (int j = 0; j < size; j++) {
                    System.arraycopy(sample, j * sampleDimension, s, 0, sampleDimension);
                    double kv = atIsX ? operator.kernel(p, s) : operator.kernel(s, p);
                    for (int k = 0; k < l; k++) {
                        out[c * l + k] += coefficients[k * size + j] * kv;
                    }
                }
            }
            return out;
        }

        private int requireMode(int k) {
            if (k < 0 || k >= modes()) {
                throw new IllegalArgumentException("mode " + k + " outside 0.." + (modes() - 1));
            }
            return k;
        }
    }

    /**
     * Runs the SVD-form Nyström with n points from ρ₀ = {@code operator.left()} and then m points from
     * ρ₁ = {@code operator.right()}, both drawn by one Well19937c generator of the seed.
     *
     * @throws IllegalArgumentException if n or m is not positive, modes ∉ 1..min(n, m), or a kernel value is not
     *                                  finite
     * @throws IllegalStateException    if fewer than {@code modes} singular values of K are positive
     */
    public static Result solve(KernelOperator operator, int leftPoints, int rightPoints, int modes, long seed) {
        if (leftPoints < 1 || rightPoints < 1) {
            throw new IllegalArgumentException("numbers of Nyström points must be positive, got n = " + leftPoints
                    + ", m = " + rightPoints);
        }
        int min = Math.min(leftPoints, rightPoints);
        if (modes < 1 || modes > min) {
            throw new IllegalArgumentException("number of modes L must satisfy 1 <= L <= min(n, m) = " + min + ", got "
                    + modes);
        }
        long start = System.nanoTime();
        int n = leftPoints;
        int m = rightPoints;
        int d0 = operator.left().dimension();
        int d1 = operator.right().dimension();
        double[] xs = new double[n * d0];
        double[] ys = new double[m * d1];
        RandomGenerator rng = new Well19937c(seed);
        operator.left().sample(rng, xs, n);
        operator.right().sample(rng, ys, m);
        DMatrixRMaj k = new DMatrixRMaj(n, m);
        double scale = 1 / Math.sqrt((double) n * m);
        double[] xi = new double[d0];
        double[] yj = new double[d1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(xs, i * d0, xi, 0, d0);
            for (int j = 0; j < m; j++) {
                System.arraycopy(ys, j * d1, yj, 0, d1);
                k.data[i * m + j] = scale * KernelOperator.requireFinite(operator, xi, yj, operator.kernel(xi, yj));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, m, true, true, true);
        if (!svd.decompose(k)) {
            throw new IllegalStateException("EJML singular value decomposition failed (n = " + n + ", m = " + m + ")");
        }
        DMatrixRMaj u = svd.getU(null, false); // [n, min]
        DMatrixRMaj w = svd.getW(null); // [min, min]
        DMatrixRMaj v = svd.getV(null, false); // [m, min]
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] sigma = new double[modes];
        double[] left = new double[modes * m];
        double[] right = new double[modes * n];
        for (int c = 0; c < modes; c++) {
            double s = w.get(c, c);
            if (!(s > 0)) {
                throw new IllegalStateException("kernel matrix singular value " + c + " is " + s
                        + " (not positive): ask for fewer modes than " + modes + " or use more points");
            }
            sigma[c] = s;
            for (int j = 0; j < m; j++) {
                left[c * m + j] = v.get(j, c) / (s * Math.sqrt(m));
            }
            for (int i = 0; i < n; i++) {
                right[c * n + i] = u.get(i, c) / (s * Math.sqrt(n));
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Result(operator, sigma, xs, ys, left, right, (long) n * m * Double.BYTES, seconds);
    }
}
