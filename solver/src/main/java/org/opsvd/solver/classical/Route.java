package org.opsvd.solver.classical;

import java.util.Locale;

/** How {@link ReferenceSolver} computes a reference spectrum. */
public enum Route {
    /** Chosen by the problem's structure and a cost model ({@link AutoRoute}); the reason is reported. */
    AUTO,
    /** Exact FD spectrum of a separable V from 1D problems. */
    KRONECKER,
    /** 1D finite-volume problems per angular momentum for a central V (2D/3D). */
    RADIAL,
    /** ARPACK on (H − σ)⁻¹ with a nested-dissection sparse Cholesky. */
    SHIFT_INVERT,
    /** Matrix-free ARPACK on a Chebyshev polynomial filter of H. */
    CHEBYSHEV,
    /** Dense symmetric eigen-decomposition (tiny grids only). */
    DENSE,
    /** Spectral: sine / Fourier discrete-variable representation ({@link DvrSolver}), smooth potentials only. */
    DVR;

    /** The command-line spelling, e.g. {@code shift-invert}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a command-line spelling; the error lists the valid ones. */
    public static Route parse(String s) {
        for (Route r : values()) {
            if (r.cliName().equalsIgnoreCase(s.trim())) {
                return r;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Route r : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(r.cliName());
        }
        throw new IllegalArgumentException("unknown method '" + s + "'; choose one of " + valid);
    }
}
