package org.opsvd.solver.classical;

import dev.ludovic.netlib.arpack.ARPACK;
import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Implicitly restarted Lanczos for a symmetric operator: ARPACK {@code dsaupd}/{@code dseupd} in regular
 * mode (mode 1, bmat = I), driven by reverse communication.
 *
 * <p>Finds nev eigenpairs A·v = θ·v at one end of the spectrum ({@link Which}). ARPACK's stopping test is
 * ‖A·v − θ·v‖ ≤ tol·|θ| for each Ritz pair. Spectral transformations (shift-invert, polynomial filters)
 * are done by the caller by passing the transformed operator. Uses {@link ARPACK#getInstance()}: the
 * native library when {@code libarpack.so.2} is installed, otherwise the pure-Java F2J translation. The
 * start vector is pseudo-random with a fixed seed, so results are reproducible.
 */
public final class ArpackLanczos {

    /** Which end of the spectrum of A to compute. */
    public enum Which {
        /** largest algebraic θ */
        LA,
        /** smallest algebraic θ */
        SA,
        /** largest |θ| */
        LM
    }

    /**
     * Converged Ritz pairs.
     *
     * @param values               θ in ascending order
     * @param vectors              n × nev, unit columns matching {@code values}, or null
     * @param iterations           restart cycles used
     * @param operatorApplications products with A
     */
    public record Result(double[] values, DMatrixRMaj vectors, int iterations, int operatorApplications) {
    }

    private static final long SEED = 20261128L;

    private ArpackLanczos() {
    }

    /** The ARPACK implementation in use: the JNI or the F2J class name. */
    public static String implementation() {
        return ARPACK.getInstance().getClass().getSimpleName();
    }

    /** A default Lanczos basis size: min(n, max(2·nev + 1, nev + 20)). */
    public static int defaultNcv(int n, int nev) {
        return Math.min(n, Math.max(2 * nev + 1, nev + 20));
    }

    /**
     * Computes nev eigenpairs of the symmetric operator {@code op} of size n.
     *
     * @param ncv           Lanczos basis size, nev &lt; ncv ≤ n (see {@link #defaultNcv})
     * @param tol           relative residual tolerance (0 means machine precision)
     * @param maxIterations limit on restart cycles
     * @param vectors       whether to compute eigenvectors
     * @throws IllegalArgumentException for inconsistent sizes
     * @throws ArpackException          if ARPACK fails or hits the iteration limit
     */
    public static Result solve(SymmetricOperator op, int n, int nev, int ncv, Which which, double tol,
                               int maxIterations, boolean vectors) {
        return solve(ARPACK.getInstance(), op, n, nev, ncv, which, tol, maxIterations, vectors);
    }

    /**
     * As {@link #solve(SymmetricOperator, int, int, int, Which, double, int, boolean)} with a given ARPACK
     * implementation, e.g. {@code dev.ludovic.netlib.arpack.JavaARPACK.getInstance()} for the pure-Java one.
     */
    public static Result solve(ARPACK arpack, SymmetricOperator op, int n, int nev, int ncv, Which which, double tol,
                               int maxIterations, boolean vectors) {
        if (n < 2) {
            throw new IllegalArgumentException("operator size n must be at least 2, got " + n);
        }
        if (nev < 1 || nev >= n) {
            throw new IllegalArgumentException("number of eigenpairs nev must satisfy 1 <= nev < n = " + n
                    + ", got " + nev);
        }
        if (ncv <= nev || ncv > n) {
            throw new IllegalArgumentException("Lanczos basis size ncv must satisfy nev = " + nev + " < ncv <= n = "
                    + n + ", got " + ncv);
        }
        if (!(tol >= 0) || maxIterations < 1) {
            throw new IllegalArgumentException("need tol >= 0 and maxIterations >= 1, got " + tol + ", "
                    + maxIterations);
        }
        String w = which.name();
        intW ido = new intW(0);
        intW info = new intW(1); // 1: use the start vector in resid
        doubleW tolW = new doubleW(tol);
        double[] resid = new double[n];
        Random random = new Random(SEED);
        for (int i = 0; i < n; i++) {
            resid[i] = random.nextDouble() - 0.5;
        }
        double[] v = new double[Math.multiplyExact(n, ncv)];
        int[] iparam = new int[11];
        iparam[0] = 1; // exact shifts
        iparam[2] = maxIterations;
        iparam[6] = 1; // mode 1: A·x = θ·x
        int[] ipntr = new int[11];
        double[] workd = new double[3 * n];
        int lworkl = ncv * (ncv + 8);
        double[] workl = new double[lworkl];
        int applications = 0;
        while (true) {
            arpack.dsaupd(ido, "I", n, w, nev, tolW, resid, ncv, v, n, iparam, ipntr, workd, workl, lworkl, info);
            if (ido.val == -1 || ido.val == 1) {
                // ipntr holds 1-based offsets into workd
                op.apply(workd, ipntr[0] - 1, workd, ipntr[1] - 1);
                applications++;
            } else {
                break;
            }
        }
        String context = "n = " + n + ", nev = " + nev + ", ncv = " + ncv + ", which = " + w + ", tol = " + tol
                + ", " + applications + " operator applications, " + arpack.getClass().getSimpleName();
        if (info.val != 0) {
            throw new ArpackException("dsaupd", info.val, iparam[4], context);
        }
        int iterations = iparam[2];
        double[] d = new double[nev];
        double[] z = new double[Math.multiplyExact(n, nev)]; // needed even when rvec = false
        boolean[] select = new boolean[ncv];
        intW nevW = new intW(nev);
        intW info2 = new intW(0);
        arpack.dseupd(vectors, "A", select, d, z, n, 0.0, "I", n, w, nevW, tolW.val, resid, ncv, v, n, iparam,
                ipntr, workd, workl, lworkl, info2);
        if (info2.val != 0) {
            throw new ArpackException("dseupd", info2.val, iparam[4], context);
        }
        Integer[] order = new Integer[nev];
        for (int j = 0; j < nev; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(d[a], d[b]));
        double[] values = new double[nev];
        int[] perm = new int[nev];
        for (int j = 0; j < nev; j++) {
            perm[j] = order[j];
            values[j] = d[perm[j]];
        }
        DMatrixRMaj vec = null;
        if (vectors) {
            vec = new DMatrixRMaj(n, nev);
            Transpose.fromColumns(z, n, perm, vec.data);
        }
        return new Result(values, vec, iterations, applications);
    }
}
