package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Dirichlet box levels against integer brute force; energies to 1e-12 relative. */
class BoxSpectrumTest {

    @Test
    void oneDimensionalLevels() {
        // c = ½, L = 1: E = (π n / 2)² / 2
        List<Level> levels = new BoxSpectrum(1, 1, 0.5).levels(4);
        for (int n = 1; n <= 4; n++) {
            assertEquals(0.5 * Math.pow(Math.PI * n / 2, 2), levels.get(n - 1).energy(), 1e-12);
            assertEquals(1, levels.get(n - 1).degeneracy());
        }
    }

    @Test
    void threeDimensionalDegeneraciesIncludingAccidentalOnes() {
        // E = c(π/2L)²·s with s = n1²+n2²+n3²; degeneracy = number of tuples with that s.
        double c = 1, L = 2.5;
        Map<Integer, Integer> count = new TreeMap<>();
        for (int a = 1; a < 12; a++) {
            for (int b = 1; b < 12; b++) {
                for (int d = 1; d < 12; d++) {
                    count.merge(a * a + b * b + d * d, 1, Integer::sum);
                }
            }
        }
        List<Level> levels = new BoxSpectrum(3, L, c).levels(300);
        double unit = c * Math.pow(Math.PI / (2 * L), 2);
        int g = 0;
        for (Map.Entry<Integer, Integer> e : count.entrySet()) {
            if (g == levels.size()) {
                break;
            }
            assertEquals(e.getKey() * unit, levels.get(g).energy(), 1e-12 * e.getKey() * unit);
            assertEquals(e.getValue(), levels.get(g).degeneracy(), "n² sum " + e.getKey());
            g++;
        }
        // s = 27: (3,3,3) and the permutations of (1,1,5) form one 4-fold level
        Level s27 = levels.stream().filter(l -> Math.abs(l.energy() - 27 * unit) < 1e-9).findFirst().orElseThrow();
        assertEquals(4, s27.degeneracy());
        assertEquals(List.of(1, 1, 5), s27.quantumNumbers().get(0));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new BoxSpectrum(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoxSpectrum(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoxSpectrum(2, 1, 1).energy(0, 1));
    }
}
