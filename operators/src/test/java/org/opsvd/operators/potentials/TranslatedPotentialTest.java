package org.opsvd.operators.potentials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.operators.spectra.ExactEigenbasis;

/** A problem in coordinates y = x − c: V_c(y) = V(y + c), the same levels, eigenfunctions and centres moved. */
class TranslatedPotentialTest {

    @Test
    void theTranslatedPotentialIsThePotentialAtYPlusC() {
        Problem p = OperatorCatalog.build(OperatorRequest.formula("0.5*((x1-2)^2+x2^2+x3^2+3*x4^2)", 4, 0.5));
        Problem t = p.translated(new double[] {2, 0, 0, 0});
        double[] y = {0.3, -0.2, 1.1, 0.4};
        assertEquals(0.5 * (0.09 + 0.04 + 1.21 + 3 * 0.16), t.hamiltonian().potential().value(y), 1e-12);
        assertEquals(p.hamiltonian().potential().value(new double[] {2.3, -0.2, 1.1, 0.4}),
                t.hamiltonian().potential().value(y), 0);
        assertEquals(p.halfWidth(), t.halfWidth());
    }

    @Test
    void levelsStayEigenfunctionsAndCoulombCentresMove() {
        Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
        double[] c = {0.7, -1.3};
        Problem t = oscillator.translated(c);
        assertArrayEquals(oscillator.exact().eigenvalues(6), t.exact().eigenvalues(6), 0);
        ExactEigenbasis a = oscillator.exact().eigenbasis(6).orElseThrow();
        ExactEigenbasis b = t.exact().eigenbasis(6).orElseThrow();
        double[] y = {0.2, 0.5};
        for (int i = 0; i < 6; i++) assertEquals(a.value(i, new double[] {0.9, -0.8}), b.value(i, y), 1e-15);

        Problem ion = OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5));
        var moved = ion.translated(new double[] {1, 2, 3}).hamiltonian().potential().coulombCentres();
        var before = ion.hamiltonian().potential().coulombCentres();
        for (int k = 0; k < before.size(); k++) {
            double[] a0 = before.get(k).position();
            assertArrayEquals(new double[] {a0[0] - 1, a0[1] - 2, a0[2] - 3}, moved.get(k).position(), 1e-15);
            assertEquals(before.get(k).charge(), moved.get(k).charge());
        }
    }

    @Test
    void wallsAndToriStayWhereTheyAre() {
        Problem box = OperatorCatalog.build(OperatorRequest.named("box", 2, 0.5));
        var e = assertThrows(IllegalArgumentException.class, () -> box.translated(new double[] {1, 0}));
        assertTrue(e.getMessage().contains("walls"), e.getMessage());
        Problem torus = OperatorCatalog.build(OperatorRequest.named("cosine", 1, 0.5));
        e = assertThrows(IllegalArgumentException.class, () -> torus.translated(new double[] {1}));
        assertTrue(e.getMessage().contains("periodic"), e.getMessage());
        Problem oscillator = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> oscillator.translated(new double[] {1, 2, 3}));
    }
}
