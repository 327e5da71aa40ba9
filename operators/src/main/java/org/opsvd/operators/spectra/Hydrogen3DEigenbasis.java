package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact real bound states of 3D hydrogen H = −c·Δ − Z/|x|, ψ_{n,l,m}(x) = R_{n,l}(r)·Y_{l,m}(x/r).
 *
 * <ul>
 *   <li>Y_{l,m}: the real spherical harmonics of {@link RealSphericalHarmonics} (cos for m &gt; 0, sin for
 *       m &lt; 0, no Condon–Shortley phase), ∫Y² dΩ = 1.</li>
 *   <li>With k = n − l − 1, κ = Z/(2c·n) (bohr⁻¹; 1/κ = n·a with Bohr radius a = 2c/Z) and ρ = 2κr:
 *       R(r) = N·ρ^l e^{−ρ/2} L_k^{(2l+1)}(ρ), N = (2κ)^{3/2}·√( k! / (2n·(n+l)!) ), so ∫R² r² dr = 1
 *       (from ∫x^{α+1}e^{−x}[L_k^{(α)}]² dx = (k+α)!/k!·(2k+α+1) with α = 2l+1).</li>
 *   <li>H = 2c·[−½Δ − (Z/2c)/r]: the textbook states of −½Δ − Z_eff/r with Z_eff = Z/(2c), energies scaled by
 *       2c, E_n = −Z²/(4c·n²) as {@link Hydrogen3DSpectrum#energy(int)}. Kato's cusp: ∂_rψ(0) = −(Z/2c)·ψ(0).</li>
 * </ul>
 * Ordered as {@link Hydrogen3DSpectrum#levels(int)}: n ascending, then l = 0 … n−1, then m = 0, +1, −1, … ±l.
 * Values are finite everywhere: 0 for l &gt; 0 at the nucleus, and the radial factor is formed in log space
 * ({@link AssociatedLaguerre#withEnvelope}) so it underflows to 0 far out instead of becoming NaN.
 */
public final class Hydrogen3DEigenbasis implements ExactEigenbasis {

    private final Hydrogen3DSpectrum spectrum;
    private final int[] principal;
    private final int[] azimuthal;
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
    public Hydrogen3DEigenbasis(double charge, double kinetic, int minStates) {
        this.spectrum = new Hydrogen3DSpectrum(charge, kinetic);
        List<List<Integer>> states = new ArrayList<>();
        for (Level level : spectrum.levels(minStates)) {
            states.addAll(level.quantumNumbers());
        }
        int count = states.size();
        principal = new int[count];
        azimuthal = new int[count];
        magnetic = new int[count];
        energies = new double[count];
        kappa = new double[count];
        norm = new double[count];
        for (int i = 0; i < count; i++) {
            int n = states.get(i).get(0);
            int l = states.get(i).get(1);
            principal[i] = n;
            azimuthal[i] = l;
            magnetic[i] = states.get(i).get(2);
            energies[i] = spectrum.energy(n);
            kappa[i] = charge / (2 * kinetic * n);
            double ratio = 1;   // k!/(n+l)! with k = n − l − 1
            for (int j = n - l; j <= n + l; j++) {
                ratio /= j;
            }
            norm[i] = Math.pow(2 * kappa[i], 1.5) * Math.sqrt(ratio / (2 * n));
        }
    }

    /** The spectrum these functions belong to. */
    public Hydrogen3DSpectrum spectrum() {
        return spectrum;
    }

    /** The principal quantum number n ≥ 1 of ψ_i. */
    public int principal(int i) {
        return principal[i];
    }

    /** The angular momentum l of ψ_i, 0 ≤ l ≤ n − 1. */
    public int azimuthal(int i) {
        return azimuthal[i];
    }

    /** The magnetic quantum number m of ψ_i, |m| ≤ l. */
    public int magnetic(int i) {
        return magnetic[i];
    }

    /** The radial factor R_i(r), r ≥ 0 (bohr), normalised so that ∫_0^∞ R² r² dr = 1; units bohr^(−3/2). */
    public double radial(int i, double r) {
        int l = azimuthal[i];
        return norm[i] * AssociatedLaguerre.withEnvelope(principal[i] - l - 1, 2 * l + 1, l, 2 * kappa[i] * r);
    }

    @Override
    public int dimension() {
        return 3;
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
        // plain √(x²+y²+z²): an overflow to ∞ or underflow to 0 only moves r where ψ is 0 or its r → 0 limit anyway
        double r = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
        double radial = radial(i, r);
        if (radial == 0) {
            return 0;   // far out, and the nucleus for l > 0, where the direction is undefined
        }
        if (r == 0) {
            return radial / Math.sqrt(4 * Math.PI);   // l = 0: Y_00 in every direction
        }
        return radial * RealSphericalHarmonics.value(azimuthal[i], magnetic[i], x[0], x[1], x[2]);
    }

    @Override
    public String label(int i) {
        return "(n,l,m)=(" + principal[i] + "," + azimuthal[i] + "," + magnetic[i] + ")";
    }
}
