package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact 2D and 3D hydrogen levels in both conventions; energies to 1e-14 relative. */
class HydrogenSpectrumTest {

    private static final double TOL = 1e-14;

    @Test
    void referenceCode2dHydrogenIsMinusOneOverOddSquares() {
        // c = 1, Z = 1 (NeuralSVD paper): −1, −1/9 ×3, −1/25 ×5, −1/49 ×7
        double[] e = new Hydrogen2DSpectrum(1, 1).eigenvalues(16);
        double[] want = {-1, -1 / 9., -1 / 9., -1 / 9., -1 / 25., -1 / 25., -1 / 25., -1 / 25., -1 / 25.,
            -1 / 49., -1 / 49., -1 / 49., -1 / 49., -1 / 49., -1 / 49., -1 / 49.};
        assertArrayEquals(want, e, TOL);
    }

    @Test
    void physics2dHydrogenIsMinusZSquaredOverTwoNMinusHalfSquared() {
        Hydrogen2DSpectrum s = new Hydrogen2DSpectrum(2, 0.5);
        List<Level> levels = s.levels(30);
        assertEquals(6, levels.size());   // 1+3+5+7+9 = 25 < 30 ≤ 36
        for (int n = 1; n <= 6; n++) {
            Level l = levels.get(n - 1);
            assertEquals(-4 / (2 * (n - 0.5) * (n - 0.5)), l.energy(), TOL * 8);
            assertEquals(2 * n - 1, l.degeneracy());
            assertEquals("n=" + n, l.label());
        }
        // reference convention is exactly half the physicists' value at equal Z
        assertEquals(s.energy(3) / 2, new Hydrogen2DSpectrum(2, 1).energy(3), TOL);
    }

    @Test
    void twoDimensionalShellOrderIsMZeroThenPlusMinus() {
        Level n3 = new Hydrogen2DSpectrum(1, 0.5).levels(9).get(2);
        assertEquals(List.of(List.of(3, 0), List.of(3, 1), List.of(3, -1), List.of(3, 2), List.of(3, -2)),
                n3.quantumNumbers());
    }

    @Test
    void threeDimensionalHydrogen() {
        Hydrogen3DSpectrum phys = new Hydrogen3DSpectrum(1, 0.5);
        assertArrayEquals(new double[] {-0.5, -0.125, -0.125, -0.125, -0.125}, phys.eigenvalues(2), TOL);
        List<Level> levels = new Hydrogen3DSpectrum(3, 1).levels(14);
        assertEquals(3, levels.size());
        for (int n = 1; n <= 3; n++) {
            assertEquals(-9.0 / (4 * n * n), levels.get(n - 1).energy(), TOL * 3);
            assertEquals(n * n, levels.get(n - 1).degeneracy());
        }
        assertEquals(List.of(3, 2, -2), levels.get(2).quantumNumbers().get(8));
    }

    @Test
    void manyStatesTerminateAndRoundUp() {
        Hydrogen2DSpectrum s = new Hydrogen2DSpectrum(1, 1);
        assertEquals(16, s.completeShellCount(10));
        assertEquals(100 * 100, s.completeShellCount(99 * 99 + 1));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Hydrogen2DSpectrum(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Hydrogen3DSpectrum(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new Hydrogen2DSpectrum(1, 1).levels(0));
        assertThrows(IllegalArgumentException.class, () -> new Hydrogen2DSpectrum(1, 1).energy(0));
    }
}
