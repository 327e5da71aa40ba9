package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact real bound states of 2D hydrogen H = −c·Δ − Z/|x|, ψ_{n,m}(r, θ) = R_{n,|m|}(r)·Θ_m(θ).
 *
 * <ul>
 *   <li>Θ_0 = 1/√(2π), Θ_m = cos(mθ)/√π for m &gt; 0, sin(|m|θ)/√π for m &lt; 0 (∫Θ² dθ = 1).</li>
 *   <li>With a = |m|, k = n − 1 − a, κ = Z/(2c(n − ½)) (bohr⁻¹) and ρ = 2κr:
 *       R(r) = N·ρ^a e^{−ρ/2} L_k^{(2a)}(ρ), N = 2κ·√( k! / ((k + 2a)!·(2n − 1)) ), so ∫R² r dr = 1
 *       (from ∫x^{α+1}e^{−x}[L_k^{(α)}]² dx = (k+α)!/k!·(2k+α+1)).</li>
 *   <li>For c = ½ this is the textbook solution of −½Δ − Z/r; for other c, H = 2c·[−½Δ − (Z/2c)/r] has the
 *       same eigenfunctions as Z_eff = Z/(2c) at c = ½, with energies scaled by 2c.</li>
 * </ul>
 * Ordered as {@link Hydrogen2DSpectrum#eigenvalues(int)}: n ascending, and within a shell
 * m = 0, +1, −1, +2, −2, … . Normalisation verified by quadrature up to n = 30.
 */
public final class Hydrogen2DEigenbasis implements ExactEigenbasis {

    private final Hydrogen2DSpectrum spectrum;
    private final int[] principal;
    private final int[] magnetic;
    private final double[] energies;
    private final double[] kappa;
    private final double[] norm;

    /**
     * The lowest complete shells with at least {@code minStates} states.
     *
     * @param charge    Z &gt; 0
     * @param kinetic   c &gt; 0
     * @param minStates ≥ 1
     */
    public Hydrogen2DEigenbasis(double charge, double kinetic, int minStates) {
        this.spectrum = new Hydrogen2DSpectrum(charge, kinetic);
        List<int[]> states = new ArrayList<>();
        for (Level level : spectrum.levels(minStates)) {
            for (List<Integer> q : level.quantumNumbers()) {
                states.add(new int[] {q.get(0), q.get(1)});
            }
        }
        int count = states.size();
        principal = new int[count];
        magnetic = new int[count];
        energies = new double[count];
        kappa = new double[count];
        norm = new double[count];
        for (int i = 0; i < count; i++) {
            int n = states.get(i)[0];
            int a = Math.abs(states.get(i)[1]);
            int k = n - 1 - a;
            principal[i] = n;
            magnetic[i] = states.get(i)[1];
            energies[i] = spectrum.energy(n);
            kappa[i] = charge / (2 * kinetic * (n - 0.5));
            double ratio = 1;   // k!/(k+2a)!
            for (int j = k + 1; j <= k + 2 * a; j++) {
                ratio /= j;
            }
            norm[i] = 2 * kappa[i] * Math.sqrt(ratio / (2 * n - 1));
        }
    }

    /** The spectrum these functions belong to. */
    public Hydrogen2DSpectrum spectrum() {
        return spectrum;
    }

    /** The principal quantum number n ≥ 1 of ψ_i. */
    public int principal(int i) {
        return principal[i];
    }

    /** The magnetic quantum number m of ψ_i, |m| ≤ n − 1. */
    public int magnetic(int i) {
        return magnetic[i];
    }

    /** The radial factor R_i(r), r ≥ 0, normalised so that ∫_0^∞ R² r dr = 1. */
    public double radial(int i, double r) {
        int a = Math.abs(magnetic[i]);
        return norm[i] * AssociatedLaguerre.withEnvelope(principal[i] - 1 - a, 2 * a, a, 2 * kappa[i] * r);
    }

    /** The angular factor Θ_m(θ), ∫_0^{2π} Θ² dθ = 1. */
    public double angular(int i, double theta) {
        int m = magnetic[i];
        if (m == 0) {
            return 1 / Math.sqrt(2 * Math.PI);
        }
        return (m > 0 ? Math.cos(m * theta) : Math.sin(-m * theta)) / Math.sqrt(Math.PI);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public int count() {
        return energies.length;
    }

    @Override
    public double energy(int i) {
        return energies[i];
    }

    @Override
    public double value(int i, double[] x) {
        return radial(i, Math.hypot(x[0], x[1])) * angular(i, Math.atan2(x[1], x[0]));
    }

    @Override
    public String label(int i) {
        return "(n,m)=(" + principal[i] + "," + magnetic[i] + ")";
    }
}
