package org.opsvd.operators.spectra;

/**
 * A finite list of exact, L²(R^d)-normalised, real eigenfunctions ψ_0 … ψ_{count−1} of some H = −c·Δ + V,
 * indexed in the order of the matching {@link ExactSpectrum#eigenvalues(int)} (ascending energy, complete
 * shells, canonical order of quantum numbers within a shell). A spectrum that knows its eigenfunctions gives them
 * ({@link ExactSpectrum#eigenbasis}).
 */
public interface ExactEigenbasis {

    /** The dimension d. */
    int dimension();

    /** The number of eigenfunctions. */
    int count();

    /** The eigenvalue E_i (hartree). */
    double energy(int i);

    /** ψ_i(x) for a point x of R^d (bohr); units bohr^(−d/2). */
    double value(int i, double[] x);

    /** The quantum numbers of ψ_i, e.g. {@code "(nx,ny)=(1,0)"} or {@code "(n,m)=(2,-1)"}. */
    String label(int i);

    /** All energies, ascending. */
    default double[] energies() {
        double[] e = new double[count()];
        for (int i = 0; i < e.length; i++) {
            e[i] = energy(i);
        }
        return e;
    }

    /** (ψ_0(x), …, ψ_{count−1}(x)). */
    default double[] values(double[] x) {
        double[] v = new double[count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value(i, x);
        }
        return v;
    }
}
