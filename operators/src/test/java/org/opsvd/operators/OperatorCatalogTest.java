package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opsvd.operators.grid.Boundary;
import org.opsvd.operators.potentials.HarmonicPotential;

/** Built-in operators by name: defaults, conventions and errors. */
class OperatorCatalogTest {

    @Test
    void paperOscillatorInTheReferenceCodeConventionHasLevels2n2() {
        // V = |x|² = ½ ω² |x|² with ω = √2, c = 1: E = 2n + 2 with degeneracy n + 1
        var req = new OperatorRequest("harmonic", null, 2, 1.0, null, new double[] {Math.sqrt(2)}, null, null, null);
        Problem p = OperatorCatalog.build(req);
        assertArrayEquals(new double[] {2, 4, 4, 6, 6, 6}, p.exact().eigenvalues(6), 1e-12);
        assertEquals(1.0, p.hamiltonian().potential().value(new double[] {1, 0}), 1e-15); // V = |x|²
    }

    @Test
    void hydrogenDefaultsToPhysicistsConventionAndALargeBox() {
        Problem p = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 0.5));
        assertEquals(-2.0, p.exact().eigenvalues(1)[0], 1e-12); // −1/(2(1−½)²)
        assertEquals(40.0, p.halfWidth());
        assertEquals(Boundary.DIRICHLET, p.boundary());
        Problem code = OperatorCatalog.build(OperatorRequest.named("hydrogen", 2, 1.0));
        assertEquals(-1.0, code.exact().eigenvalues(1)[0], 1e-12); // −1/(2n+1)², n = 0
    }

    @Test
    void boxAndTorusAreBuiltWithTheirBoundaries() {
        Problem box = OperatorCatalog.build(OperatorRequest.named("box", 1, 0.5).withHalfWidth(2.0));
        assertEquals(0.5 * Math.pow(Math.PI / 4, 2), box.exact().eigenvalues(1)[0], 1e-14);
        Problem cosine = OperatorCatalog.build(OperatorRequest.named("cosine", 2, 0.5));
        assertEquals(Boundary.PERIODIC, cosine.boundary());
        assertNull(cosine.exact());
    }

    @Test
    void h2plusHasItsSpheroidalSpectrumIn3DOnly() {
        Problem ion = OperatorCatalog.build(OperatorRequest.named("h2plus", 3, 0.5));
        assertArrayEquals(new double[] {-1.1026342144949, -0.6675343922023}, ion.exact().eigenvalues(2), 1e-9);
        assertTrue(ion.exact().eigenbasis(2).isEmpty());
        assertNull(OperatorCatalog.build(OperatorRequest.named("h2plus", 2, 0.5)).exact());
    }

    @Test
    void formulasBecomeExpressionProblems() {
        Problem p = OperatorCatalog.build(OperatorRequest.formula("0.5*(x^2+4*y^2)", 2, 0.5));
        assertEquals("expression", p.name());
        assertEquals(0.5 * (1 + 4), p.hamiltonian().potential().value(new double[] {1, 1}), 1e-15);
    }

    @Test
    void perAxisFrequenciesMustMatchTheDimension() {
        var ok = OperatorCatalog.build(new OperatorRequest("harmonic", null, 2, 0.5, null, new double[] {1, 2},
                null, null, null));
        assertEquals(new HarmonicPotential(new double[] {1, 2}), ok.hamiltonian().potential());
        var ex = assertThrows(IllegalArgumentException.class, () -> OperatorCatalog.build(
                new OperatorRequest("harmonic", null, 3, 0.5, null, new double[] {1, 2}, null, null, null)));
        assertTrue(ex.getMessage().contains("--omega needs 1 or 3 values"), ex.getMessage());
    }

    @Test
    void badRequestsNameTheProblem() {
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> OperatorCatalog.build(OperatorRequest.named("helium", 3, 0.5)));
        assertTrue(unknown.getMessage().contains("unknown operator 'helium'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("harmonic, hydrogen, box, cosine, h2plus"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperatorCatalog.build(OperatorRequest.named("hydrogen", 4, 0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> OperatorCatalog.build(OperatorRequest.named("box", 2, 0.5).withHalfWidth(-1.0)));
        assertThrows(IllegalArgumentException.class, () -> OperatorCatalog.build(OperatorRequest.named("harmonic", 0, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0)));
    }
}
