package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact oscillator levels; energies compared to 1e-12 relative. */
class HarmonicOscillatorSpectrumTest {

    private static final double TOL = 1e-12;

    @Test
    void referenceCode2dQuadraticGives2nPlus2WithDegeneracyNPlus1() {
        // c = 1, V = |x|² (ω = √2): E = 2n + 2, degeneracy n + 1 (NeuralSVD paper: 2, 4, 4, 6, 6, 6).
        HarmonicOscillatorSpectrum s = HarmonicOscillatorSpectrum.quadratic(2, 1.0, 1.0);
        assertArrayEquals(new double[] {2, 4, 4, 6, 6, 6}, s.eigenvalues(6), TOL);
        List<Level> levels = s.levels(55);
        assertEquals(10, levels.size());
        for (int n = 0; n < 10; n++) {
            assertEquals(2 * n + 2, levels.get(n).energy(), TOL * (2 * n + 2));
            assertEquals(n + 1, levels.get(n).degeneracy());
        }
    }

    @Test
    void physicsConventionIsotropicIsOmegaTimesNPlusHalfD() {
        // c = ½, ω = 1.5: E = 1.5(n + d/2); 3D degeneracy (n+1)(n+2)/2.
        HarmonicOscillatorSpectrum s = HarmonicOscillatorSpectrum.isotropic(3, 1.5, 0.5);
        List<Level> levels = s.levels(100);
        for (int n = 0; n < levels.size(); n++) {
            assertEquals(1.5 * (n + 1.5), levels.get(n).energy(), TOL * 20);
            assertEquals((n + 1) * (n + 2) / 2, levels.get(n).degeneracy());
        }
    }

    @Test
    void requestsAreRoundedUpToCompleteShells() {
        HarmonicOscillatorSpectrum s = HarmonicOscillatorSpectrum.quadratic(2, 1.0, 1.0);
        assertEquals(21, s.eigenvalues(16).length);   // 16th state is inside the 6-fold shell E = 12
        assertEquals(21, s.completeShellCount(16));
        assertEquals(21, s.completeShellCount(21));
        assertEquals(28, s.completeShellCount(22));
        assertEquals(1, s.completeShellCount(1));
    }

    @Test
    void anisotropicMatchesBruteForceEnumeration() {
        double[] omega = {1.0, Math.sqrt(2), 3.0};
        double c = 0.7;
        HarmonicOscillatorSpectrum s = new HarmonicOscillatorSpectrum(omega, c);
        double[] got = s.eigenvalues(200);
        List<Double> all = new ArrayList<>();
        for (int a = 0; a < 60; a++) {
            for (int b = 0; b < 60; b++) {
                for (int d = 0; d < 30; d++) {
                    all.add(s.energy(a, b, d));
                }
            }
        }
        all.sort(null);
        for (int i = 0; i < got.length; i++) {
            assertEquals(all.get(i), got[i], TOL * all.get(i), "state " + i);
        }
        // ω_1/ω_2 irrational: the ground state and the first excitations are non-degenerate
        assertEquals(Math.sqrt(2 * c) * (0.5 + Math.sqrt(2) / 2 + 1.5), got[0], TOL);
    }

    @Test
    void levelsCarryLexicographicQuantumNumbersAndLabels() {
        Level third = HarmonicOscillatorSpectrum.isotropic(2, 1, 0.5).levels(6).get(2);
        assertEquals(List.of(List.of(0, 2), List.of(1, 1), List.of(2, 0)), third.quantumNumbers());
        assertEquals("(nx,ny)=(0,2),(1,1),(2,0)", third.label());
        assertEquals("n=4", HarmonicOscillatorSpectrum.isotropic(1, 1, 0.5).levels(5).get(4).label());
    }

    @Test
    void largeRequestsComeInCompleteShells() {
        // 6D, c = ½, ω = 1: E = n + 3 with degeneracy C(n + 5, 5); the shells n ≤ 17 hold C(23, 6) = 100 947
        // states, the first total ≥ 10⁵. (How fast this enumerates: SpectrumEnumerationBenchmark.)
        HarmonicOscillatorSpectrum s = HarmonicOscillatorSpectrum.isotropic(6, 1, 0.5);
        List<Level> levels = s.levels(100_000);
        assertEquals(18, levels.size());
        for (int n = 0; n < levels.size(); n++) {
            assertEquals(n + 3, levels.get(n).energy(), TOL * (n + 3));
            long degeneracy = 1;
            for (int j = 1; j <= 5; j++) degeneracy = degeneracy * (n + j) / j;
            assertEquals(degeneracy, levels.get(n).degeneracy(), "shell " + n);
        }
        double[] e = s.eigenvalues(100_000);
        assertEquals(100_947, e.length);
        assertEquals(3, e[0], TOL);
        assertEquals(20, e[e.length - 1], TOL * 20);
    }

    @Test
    void rejectsBadArguments() {
        HarmonicOscillatorSpectrum s = HarmonicOscillatorSpectrum.isotropic(2, 1, 0.5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.levels(0));
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HarmonicOscillatorSpectrum(new double[] {1, -1}, 1));
        assertThrows(IllegalArgumentException.class, () -> new HarmonicOscillatorSpectrum(new double[0], 1));
        assertThrows(IllegalArgumentException.class, () -> HarmonicOscillatorSpectrum.isotropic(2, 1, 0));
    }
}
