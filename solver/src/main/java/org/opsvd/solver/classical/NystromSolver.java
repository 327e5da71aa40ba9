package org.opsvd.solver.classical;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.opsvd.operators.kernels.KernelOperator;

/**
 * The Nyström baseline (method.md §6.2) for a self-adjoint PSD kernel operator on L²(ρ): draw x_1 … x_n ~ ρ
 * (seeded), form K_ij = k(x_i, x_j), take its symmetric eigendecomposition K v_k = μ_k v_k (EJML,
 * |v_k| = 1, μ descending), and estimate λ_k ≈ μ_k/n and
 * φ_k(x) = (1/(n λ_k))·Σ_i k(x, x_i)·√n·v_ik = (√n/μ_k)·Σ_i k(x, x_i)·v_ik,
 * which interpolates φ_k(x_i) = √n·v_ik and so is normalised in the empirical L²(ρ): (1/n)Σ_i φ_k(x_i)² = 1.
 * Cost: n² kernel evaluations, n²·8 bytes for K and O(n³) time (EJML symmetric QR with vectors: n = 2000
 * takes ≈ 11 s on one core).
 */
public final class NystromSolver {

    private NystromSolver() {
    }

    /**
     * The Nyström estimate of the top {@code modes} eigenpairs.
     *
     * @param eigenvalues  λ_0 ≥ … ≥ λ_{L−1}, μ_k/n
     * @param points       the sample x_1 … x_n, row-major [n, d]
     * @param dimension    d
     * @param coefficients c_ki = √n·v_ik/μ_k, row-major [L, n], so φ_k(x) = Σ_i c_ki·k(x, x_i)
     * @param memoryBytes  the kernel matrix, n²·8 bytes
     * @param seconds      wall time of the solve
     */
    public record Result(KernelOperator operator, double[] eigenvalues, double[] points, int dimension,
            double[] coefficients, long memoryBytes, double seconds) {

        /** The number n of sample points. */
        public int sampleSize() {
            return points.length / dimension;
        }

        /** The number L of modes. */
        public int modes() {
            return eigenvalues.length;
        }

        /** φ_k(x) by the Nyström extension. */
        public double evaluate(int k, double[] x) {
            if (k < 0 || k >= modes()) {
                throw new IllegalArgumentException("mode " + k + " outside 0.." + (modes() - 1));
            }
            int n = sampleSize();
            double[] xi = new double[dimension];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(points, i * dimension, xi, 0, dimension);
                sum += coefficients[k * n + i] * operator.kernel(x, xi);
            }
            return sum;
        }

        /**
         * (φ_0(x), …, φ_{L−1}(x)) at {@code count} points xs (row-major [count, d]), row-major [count, L]; each
         * kernel value k(x, x_i) is computed once for all modes.
         */
        public double[] evaluate(double[] xs, int count) {
            int n = sampleSize();
            int l = modes();
            double[] out = new double[count * l];
            double[] x = new double[dimension];
            double[] xi = new double[dimension];
            for (int p = 0; p < count; p++) {
                System.arraycopy(xs, p * dimension, x, 0, dimension);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(points, i * dimension, xi, 0, dimension);
                    double kv = operator.kernel(x, xi);
                    for (int k = 0; k < l; k++) {
                        out[p * l + k] += coefficients[k * n + i] * kv;
                    }
                }
            }
            return out;
        }
    }

    /**
     * Runs Nyström with n points drawn from ρ = {@code operator.left()} by a Well19937c generator of the seed.
     *
     * @throws IllegalArgumentException if the operator is not self-adjoint, modes ∉ 1..n, or a kernel value is
     *                                  not finite
     * @throws IllegalStateException    if fewer than {@code modes} eigenvalues of K are positive
     */
    public static Result solve(KernelOperator operator, int points, int modes, long seed) {
        if (!operator.selfAdjoint()) {
            throw new IllegalArgumentException("Nyström needs a self-adjoint kernel operator (rho0 = rho1, k symmetric); "
                    + operator.name() + " is not");
        }
        if (points < 1) {
            throw new IllegalArgumentException("number of Nyström points must be positive, got " + points);
        }
        if (modes < 1 || modes > points) {
            throw new IllegalArgumentException("number of modes L must satisfy 1 <= L <= n = " + points + ", got "
                    + modes);
        }
        long start = System.nanoTime();
        int d = operator.left().dimension();
        int n = points;
        double[] xs = new double[n * d];
        RandomGenerator rng = new Well19937c(seed);
        operator.left().sample(rng, xs, n);
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        double[] xi = new double[d];
        double[] xj = new double[d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(xs, i * d, xi, 0, d);
            for (int j = i; j < n; j++) {
                System.arraycopy(xs, j * d, xj, 0, d);
                double v = KernelOperator.requireFinite(operator, xi, xj, operator.kernel(xi, xj));
                k.data[i * n + j] = v;
                k.data[j * n + i] = v;
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(k)) {
            throw new IllegalStateException("EJML symmetric eigen-decomposition failed (n = " + n + ")");
        }
        Integer[] order = new Integer[n];
        double[] all = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            all[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (a, b) -> Double.compare(all[b], all[a]));
        double[] lambda = new double[modes];
        double[] coefficients = new double[modes * n];
        double rootN = Math.sqrt(n);
        for (int m = 0; m < modes; m++) {
            double mu = all[order[m]];
            if (!(mu > 0)) {
                throw new IllegalStateException("kernel matrix eigenvalue " + m + " is " + mu
                        + " (not positive): ask for fewer modes than " + modes + " or use more points");
            }
            lambda[m] = mu / n;
            DMatrixRMaj v = eig.getEigenVector(order[m]);
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += v.data[i] * v.data[i];
            }
            double scale = rootN / (mu * Math.sqrt(norm));
            for (int i = 0; i < n; i++) {
                coefficients[m * n + i] = scale * v.data[i];
            }
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new Result(operator, lambda, xs, d, coefficients, (long) n * n * Double.BYTES, seconds);
    }
}
