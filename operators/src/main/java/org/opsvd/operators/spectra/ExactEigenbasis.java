package org.opsvd.operators.spectra;

/**
 * A finite list of exact, L²(R^d)-normalised, real eigenfunctions ψ_0 … ψ_{count−1} of some H = −c·Δ + V,
 * indexed in the order of the matching {@link ExactSpectrum#eigenvalues(int)} (ascending energy, complete
 * shells, canonical order of quantum numbers within a shell).
 */
public interface ExactEigenbasis {

    /**
     * The exact eigenfunctions of a spectrum when closed forms are implemented (harmonic oscillators,
     * 2D hydrogen), covering at least {@code minStates} states in complete shells; empty otherwise.
     */
    static java.util.Optional<ExactEigenbasis> of(ExactSpectrum spectrum, int minStates) {
        if (spectrum instanceof ShiftedSpectrum shifted) {
            return of(shifted.base(), minStates); // same functions; energy(i) stays the base's
        }
        if (spectrum instanceof HarmonicOscillatorSpectrum ho) {
            return java.util.Optional.of(new HarmonicOscillatorEigenbasis(ho.omega(), ho.kinetic(), minStates));
        }
        if (spectrum instanceof Hydrogen2DSpectrum h) {
            return java.util.Optional.of(new Hydrogen2DEigenbasis(h.charge(), h.kinetic(), minStates));
        }
        return java.util.Optional.empty();
    }

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
