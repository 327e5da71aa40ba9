package org.opsvd.solver.classical;

import java.util.Locale;

/**
 * The heap a grid route needs, estimated before anything is allocated, and the refusal when it does not fit.
 *
 * <p>Bytes: Lanczos routes (Chebyshev, DVR, the vectors of shift-invert) 8·n·(ncv + 4·nev' + 8) for the ARPACK
 * basis, the eigenvectors and work vectors; shift-invert adds the Cholesky factor, 24 bytes per nonzero
 * (value, row index, the permuted copy), with nnz(L) ≈ n·(5.3 or 15)·log₂N in 2D (order 2 / 4) and n·(8.5 or
 * 21)·N in 3D (the facts file's fills); dense 24·n² bytes.
 */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    /** Estimated bytes of a route on n points per axis in d dimensions. */
    static double bytes(Route route, int d, int n, int order, int nev) {
        double size = Math.pow(n, d);
        int wanted = nev + Math.max(3, nev / 4);
        int ncv = Math.max(2 * wanted + 1, wanted + 20);
        double lanczos = 8 * size * (ncv + 4.0 * wanted + 8);
        switch (route) {
            case DENSE:
                return 24 * size * size;
            case KRONECKER:
                return 8 * size * nev + 24.0 * n * n * d;
            case SHIFT_INVERT: {
                double fill = d <= 1 ? 3 * order : d == 2 ? (order == 2 ? 5.3 : 15) * Math.log(n) / Math.log(2)
                        : (order == 2 ? 8.5 : 21) * n;
                return lanczos + 24 * size * fill;
            }
            default:
                return lanczos;
        }
    }

    /** The heap still available to this JVM, in bytes. */
    static double available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Whether the route's estimate fits in the available heap (with 20 % to spare). */
    static boolean fits(Route route, int d, int n, int order, int nev) {
        return bytes(route, d, n, order, nev) <= 0.8 * available();
    }

    /**
     * @throws IllegalArgumentException naming --grid when the estimate does not fit
     */
    static void require(Route route, int d, int n, int order, int nev) {
        double need = bytes(route, d, n, order, nev);
        double have = available();
        if (need > 0.8 * have) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--grid %d: the %s route on %d^%d points needs about %.1f GB (estimate), more than the %.1f GB of"
                            + " heap available; use a smaller --grid, another --method, or a larger -Xmx",
                    n, route.cliName(), n, d, need / 1e9, have / 1e9));
        }
    }
}
