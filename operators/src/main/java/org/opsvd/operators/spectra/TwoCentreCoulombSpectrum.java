package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;

/**
 * The bound states of the homonuclear one-electron two-centre problem (H₂⁺ for Z = 1) in 3D,
 * H = −c·Δ − Z/r_A − Z/r_B, nuclei a distance R apart; Born–Oppenheimer electronic energies without the nuclear
 * repulsion Z²/R. Only the eigenvalues are known here: {@link #eigenbasis} stays empty, so solves compare
 * eigenvalues, not subspaces.
 *
 * <p><b>Scaling.</b> With x = (2c/Z)·y, H = (Z²/2c)·H₁(R′), H₁ = −½Δ − 1/r_A − 1/r_B at R′ = RZ/(2c); all the work
 * is done for H₁ (atomic units) and scaled back.
 *
 * <p><b>Separation.</b> In prolate spheroidal coordinates ξ = (r_A + r_B)/R ∈ [1, ∞), η = (r_A − r_B)/R ∈ [−1, 1]
 * and the azimuth φ about the internuclear axis, Δ = (4/R²(ξ² − η²))[∂_ξ(ξ² − 1)∂_ξ + ∂_η(1 − η²)∂_η]
 * + (4/R²(ξ² − 1)(1 − η²))∂_φ² and −Z_A/r_A − Z_B/r_B = −(2/R)[(Z_A + Z_B)ξ − (Z_A − Z_B)η]/(ξ² − η²).
 * Multiplying (H₁ − E)ψ = 0 by −R²(ξ² − η²)/2 and writing ψ = X(ξ)Y(η)e^{imφ}, p² = −E·R²/2, it splits with a
 * separation constant A into
 * <ul>
 *   <li>η: d/dη[(1 − η²)Y′] + (A − R(Z_A − Z_B)η + p²η² − m²/(1 − η²))Y = 0 ({@link SpheroidalAngularEquation},
 *       Z_A = Z_B here, so the linear term vanishes);</li>
 *   <li>ξ: d/dξ[(ξ² − 1)X′] + (−A + R(Z_A + Z_B)ξ − p²ξ² − m²/(ξ² − 1))X = 0
 *       ({@link SpheroidalRadialEquation}, R(Z_A + Z_B) = 2R).</li>
 * </ul>
 * A state (m, n_ξ, n_η) is the p at which the two equations' separation constants agree:
 * F(q) = A_η(n_η; √q) − A_ξ(n_ξ; √q) = 0, q = p². By Hellmann–Feynman dA_η/dq = −⟨η²⟩ &gt; −1 and
 * dA_ξ/dq = −⟨ξ²⟩ ≤ −1 (each mean over its own normalised function), so F increases with q: one root, bracketed
 * in (0, R²] (E ≥ −2, the united atom; widened if not) and found by Hipparchus's bracketing Brent solver to 1e-14
 * relative in q (below the ~1e-11 noise of the separation constants). Measured: 4e-13 from Madsen–Peek's 13-digit
 * 1sσg and 2pσu at R = 2; the energies move by ≤ 1.5e-11 relative when both bases grow (0.1 ≤ R ≤ 30), all float64.
 *
 * <p><b>Order and degeneracy.</b> Each energy grows with each of m, n_ξ, n_η (larger m raises both operators'
 * m² terms; more nodes lower A_ξ or raise A_η; either moves the root to smaller q). So the states are listed in
 * order by a best-first walk from (0, 0, 0) that offers each listed state's three successors. A state with m ≠ 0
 * is doubly degenerate (±m). Levels whose energies agree to 1e-10 relative (accidental crossings, or g/u pairs at
 * R ≳ 27, split by ~4R·e^{−R−1}) are one level: they cannot be told apart at this precision.
 *
 * <p><b>Labels</b> are the united-atom names, n = n_ξ + n_η + m + 1, l = n_η + m, λ = σ, π, δ, … for m = 0, 1, 2,
 * …, g or u by (−1)^l: 1sσg (ground state), 2pσu (first excited), 2pπu, 2sσg, …; quantum numbers
 * (n_ξ, n_η, m) with m = +|m| then −|m|.
 */
public final class TwoCentreCoulombSpectrum implements ExactSpectrum {

    /** Levels whose energies agree to this relative tolerance are merged into one. */
    static final double MERGE_TOLERANCE = 1e-10;

    private final double charge;
    private final double separation;
    private final double kinetic;
    private final double scaledSeparation;
    private final double energyScale;
    private final List<State> ordered = new ArrayList<>();
    private final PriorityQueue<State> frontier = new PriorityQueue<>(Comparator.comparingDouble(State::energy));
    private final Set<List<Integer>> offered = new HashSet<>();

    /** One separable state in atomic units of H₁ (before scaling). */
    private record State(int nXi, int nEta, int m, double energy) {
    }

    /**
     * @param charge     the nuclear charge Z &gt; 0 of each centre (e)
     * @param separation the internuclear distance R &gt; 0 (bohr)
     * @param kinetic    the kinetic coefficient c &gt; 0 (½ in atomic units)
     */
    public TwoCentreCoulombSpectrum(double charge, double separation, double kinetic) {
        this.charge = Args.requirePositive("nuclear charge", charge);
        this.separation = Args.requirePositive("internuclear separation", separation);
        this.kinetic = Args.requirePositive("kinetic coefficient", kinetic);
        this.scaledSeparation = separation * charge / (2 * kinetic);
        this.energyScale = charge * charge / (2 * kinetic);
    }

    @Override
    public String describe() {
        return "3D two-centre Coulomb -" + kinetic + "·Δ - " + charge + "/|x - a| - " + charge + "/|x + a|, R = "
                + separation + " (prolate spheroidal separation)";
    }

    @Override
    public int dimension() {
        return 3;
    }

    /** The energy of the state (n_ξ, n_η, |m|), for the operator as given (c, Z, R). */
    public double energy(int nXi, int nEta, int m) {
        if (nXi < 0 || nEta < 0 || m < 0) {
            throw new IllegalArgumentException("quantum numbers n_ξ, n_η, |m| must be non-negative, got ("
                    + nXi + ", " + nEta + ", " + m + ")");
        }
        return energyScale * unitEnergy(scaledSeparation, nXi, nEta, m);
    }

    @Override
    public synchronized List<Level> levels(int minStates) {
        Args.requireMinStates(minStates);
        List<Level> out = new ArrayList<>();
        int states = 0;
        int next = 0;
        while (states < minStates) {
            List<State> shell = new ArrayList<>(List.of(state(next++)));
            while (close(state(next).energy(), shell.get(0).energy())) {
                shell.add(state(next++));
            }
            Level level = level(shell);
            out.add(level);
            states += level.degeneracy();
        }
        return out;
    }

    /** The i-th state in ascending order of energy, walking on as far as needed. */
    private State state(int index) {
        if (offered.isEmpty()) {
            offer(0, 0, 0);
        }
        while (ordered.size() <= index) {
            State s = frontier.poll();
            ordered.add(s);
            offer(s.nXi() + 1, s.nEta(), s.m());
            offer(s.nXi(), s.nEta() + 1, s.m());
            offer(s.nXi(), s.nEta(), s.m() + 1);
        }
        return ordered.get(index);
    }

    private void offer(int nXi, int nEta, int m) {
        if (offered.add(List.of(nXi, nEta, m))) {
            frontier.add(new State(nXi, nEta, m, unitEnergy(scaledSeparation, nXi, nEta, m)));
        }
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= MERGE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private Level level(List<State> shell) {
        List<List<Integer>> numbers = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (State s : shell) {
            numbers.add(List.of(s.nXi(), s.nEta(), s.m()));
            if (s.m() != 0) {
                numbers.add(List.of(s.nXi(), s.nEta(), -s.m()));
            }
            names.add(label(s.nXi(), s.nEta(), s.m()));
        }
        return new Level(energyScale * shell.get(0).energy(), numbers.size(), String.join(",", names), numbers);
    }

    /** The united-atom name of (n_ξ, n_η, |m|), e.g. 1sσg, 2pσu, 2pπu. */
    static String label(int nXi, int nEta, int m) {
        int n = nXi + nEta + m + 1;
        int l = nEta + m;
        String orbital = l < 7 ? "spdfghi".substring(l, l + 1) : "(l=" + l + ")";
        String lambda = m < 5 ? "σπδφγ".substring(m, m + 1) : "(|m|=" + m + ")";
        return n + orbital + lambda + (l % 2 == 0 ? "g" : "u");
    }

    /** E of (n_ξ, n_η, |m|) for H₁ = −½Δ − 1/r_A − 1/r_B at separation R (hartree). */
    static double unitEnergy(double r, int nXi, int nEta, int m) {
        double b = 2 * r;
        double hi = r * r; // E = −2, the united atom's ground state, lies below every level
        Map<Double, Double> known = new HashMap<>(); // the bracket's ends, which Brent asks again
        UnivariateFunction mismatch = q -> known.computeIfAbsent(q, x -> {
            double p = Math.sqrt(x);
            return SpheroidalAngularEquation.separationConstant(p, m, nEta)
                    - SpheroidalRadialEquation.separationConstant(p, b, m, nXi);
        });
        int n = nXi + nEta + m + 1;
        double lo = hi / (4.0 * n * n);
        for (int i = 0; mismatch.value(lo) >= 0; i++) {
            lo /= 4;
            requireBracket(i, nXi, nEta, m, r);
        }
        for (int i = 0; mismatch.value(hi) <= 0; i++) {
            hi *= 2;
            requireBracket(i, nXi, nEta, m, r);
        }
        double q = new BracketingNthOrderBrentSolver(1e-14, 1e-14 * hi, 1e-300, 5).solve(400, mismatch, lo, hi);
        return -2 * q / (r * r);
    }

    private static void requireBracket(int attempts, int nXi, int nEta, int m, double r) {
        if (attempts >= 200) {
            throw new IllegalStateException("no bracket for the state (" + nXi + ", " + nEta + ", " + m + ") at R = "
                    + r + " (a separation constant is not converged)");
        }
    }
}
