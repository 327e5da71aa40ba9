package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * H₂⁺ by prolate spheroidal separation against the literature (Madsen & Peek, At. Data 2, 171 (1971); Bates,
 * Ledsham & Stewart 1953), the united- and separated-atom limits, degeneracy and order.
 */
class TwoCentreCoulombSpectrumTest {

    private static final TwoCentreCoulombSpectrum H2PLUS = new TwoCentreCoulombSpectrum(1, 2, 0.5);

    @Test
    void groundAndFirstExcitedStatesAtTwoBohrMatchTheLiteratureTo1e9() {
        List<Level> levels = H2PLUS.levels(2);
        assertEquals(-1.1026342144949, levels.get(0).energy(), 1e-9);
        assertEquals("1sσg", levels.get(0).label());
        assertEquals(-0.6675343922023, levels.get(1).energy(), 1e-9);
        assertEquals("2pσu", levels.get(1).label());
        assertEquals(List.of(List.of(0, 1, 0)), levels.get(1).quantumNumbers());
    }

    @Test
    void excitedStatesAtTwoBohrMatchTheLiteratureInOrderWithTheirDegeneracies() {
        // Madsen–Peek, R = 2: 2pπu −0.4287718, 2sσg −0.3608649, 3dσg −0.2357776, 3pσu −0.2554131, 3dπg −0.2266996,
        // 3dδg −0.2127327 (7 digits as tabulated).
        List<Level> levels = H2PLUS.levels(12);
        String[] labels = {"1sσg", "2pσu", "2pπu", "2sσg", "3pσu", "3dσg", "3dπg", "3dδg"};
        double[] energies = {-1.1026342, -0.6675344, -0.4287718, -0.3608649, -0.2554132, -0.2357776, -0.2266996,
            -0.2127327};
        int[] degeneracies = {1, 1, 2, 1, 1, 1, 2, 2};
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], levels.get(i).label());
            assertEquals(energies[i], levels.get(i).energy(), 6e-8, labels[i]);
            assertEquals(degeneracies[i], levels.get(i).degeneracy(), labels[i]);
        }
        for (int i = 1; i < levels.size(); i++) {
            assertTrue(levels.get(i).energy() > levels.get(i - 1).energy(), "ascending at " + i);
        }
        assertEquals(List.of(List.of(0, 0, 1), List.of(0, 0, -1)), levels.get(2).quantumNumbers());
        double[] e = H2PLUS.eigenvalues(3);
        assertEquals(4, e.length); // the 2pπu pair completes the shell
        assertEquals(e[2], e[3], 0);
    }

    @Test
    void unitedAtomLimitIsHeliumIon() {
        // R → 0: He⁺, E = −2/n²; the ground state rises as (8/3)(R/2)²·… (second order in R).
        for (double r : new double[] {0.01, 0.05}) {
            TwoCentreCoulombSpectrum s = new TwoCentreCoulombSpectrum(1, r, 0.5);
            assertEquals(-2.0, s.energy(0, 0, 0), 3 * r * r, "1sσg at R = " + r);
            assertEquals(-0.5, s.energy(1, 0, 0), 3 * r * r, "2sσg at R = " + r);
            assertEquals(-0.5, s.energy(0, 1, 0), 3 * r * r, "2pσu at R = " + r);
            assertEquals(-0.5, s.energy(0, 0, 1), 3 * r * r, "2pπu at R = " + r);
            assertEquals(-2.0 / 9, s.energy(0, 0, 2), 3 * r * r, "3dδg at R = " + r);
        }
    }

    @Test
    void separatedAtomLimitIsHydrogenPolarisedByAProton() {
        // R → ∞: E(1sσg), E(2pσu) → −½ − 1/R − 9/(4R⁴) − 15/(2R⁶) + O(R⁻⁷) (Dalgarno–Lynn), split by ~4R e^{−R−1}.
        for (double r : new double[] {30, 40}) {
            TwoCentreCoulombSpectrum s = new TwoCentreCoulombSpectrum(1, r, 0.5);
            double asymptote = -0.5 - 1 / r - 9 / (4 * Math.pow(r, 4)) - 15 / (2 * Math.pow(r, 6));
            assertEquals(asymptote, s.energy(0, 0, 0), 100 / Math.pow(r, 7), "1sσg at R = " + r);
            assertEquals(asymptote, s.energy(0, 1, 0), 100 / Math.pow(r, 7), "2pσu at R = " + r);
        }
        // The g/u pair is split by 6e-8 at R = 20 (two levels) and by ~1e-15 at R = 40 (one level of two states).
        List<Level> twenty = new TwoCentreCoulombSpectrum(1, 20, 0.5).levels(2);
        assertEquals(2, twenty.size());
        assertEquals(6.2e-8, twenty.get(1).energy() - twenty.get(0).energy(), 0.3e-8);
        Level forty = new TwoCentreCoulombSpectrum(1, 40, 0.5).levels(1).get(0);
        assertEquals(2, forty.degeneracy());
        assertEquals("1sσg,2pσu", forty.label());
    }

    @Test
    void chargeAndKineticCoefficientScaleTheAtomicUnitProblem() {
        // H = −cΔ − Z/r_A − Z/r_B = (Z²/2c)·H₁(RZ/2c).
        TwoCentreCoulombSpectrum scaled = new TwoCentreCoulombSpectrum(2, 1.5, 1);
        assertEquals(2 * new TwoCentreCoulombSpectrum(1, 1.5, 0.5).energy(0, 1, 1), scaled.energy(0, 1, 1), 1e-13);
        assertEquals(2 * -1.1026342144949, new TwoCentreCoulombSpectrum(2, 2, 1).levels(1).get(0).energy(), 2e-9);
    }

    @Test
    void energiesAreConvergedInTheBasisSizes() {
        // At each state's root q = p², the mismatch F(q) = A_η − A_ξ is recomputed with larger bases (ξ: Laguerre
        // 160 for 40 + 8n_ξ + ⌈min(60, 2/p)⌉; η: Legendre 200 for n_η + 32 + ⌈3p⌉); one Newton step −F/F′ then gives the energy
        // the larger bases would give. Measured: ≤ 1.5e-11 relative (the worst: n_ξ = 2 at R = 0.1; 5e-12 for 1sσg at R = 2).
        int[][] states = {{0, 0, 0}, {2, 0, 0}, {1, 2, 1}};
        for (double r : new double[] {0.1, 2, 30}) {
            TwoCentreCoulombSpectrum s = new TwoCentreCoulombSpectrum(1, r, 0.5);
            for (int[] n : states) {
                double e = s.energy(n[0], n[1], n[2]);
                double q = -e * r * r / 2;
                double f = largeBasisMismatch(q, r, n);
                double slope = (largeBasisMismatch(q * (1 + 1e-6), r, n) - f) / (q * 1e-6);
                double refined = -2 * (q - f / slope) / (r * r);
                assertEquals(e, refined, 1e-10 * Math.abs(e), "R = " + r + ", (n_ξ, n_η, m) = "
                        + java.util.Arrays.toString(n));
            }
        }
        // p → 0: the η equation is Legendre's, A = l(l + 1) with l = |m| + n_η.
        assertEquals(12, SpheroidalAngularEquation.separationConstant(0, 1, 2), 1e-12);
    }

    private static double largeBasisMismatch(double q, double r, int[] n) {
        double p = Math.sqrt(q);
        return SpheroidalAngularEquation.separationConstant(p, n[2], n[1], 200)
                - SpheroidalRadialEquation.separationConstant(p, 2 * r, n[2], n[0], 160);
    }

    @Test
    void refusesBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> new TwoCentreCoulombSpectrum(1, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TwoCentreCoulombSpectrum(-1, 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> H2PLUS.levels(0));
        assertThrows(IllegalArgumentException.class, () -> H2PLUS.energy(0, -1, 0));
    }
}
