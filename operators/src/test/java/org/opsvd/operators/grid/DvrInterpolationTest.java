package org.opsvd.operators.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class DvrInterpolationTest {

    private static DMatrixRMaj sample(Grid g, ToDoubleFunction<double[]> f) {
        DMatrixRMaj v = new DMatrixRMaj(g.size(), 1);
        for (int i = 0; i < g.size(); i++) {
            v.set(i, 0, f.applyAsDouble(g.point(i)));
        }
        return v;
    }

    private static double maxError(Grid to, DMatrixRMaj values, ToDoubleFunction<double[]> f) {
        double worst = 0;
        for (int i = 0; i < to.size(); i++) {
            worst = Math.max(worst, Math.abs(values.get(i, 0) - f.applyAsDouble(to.point(i))));
        }
        return worst;
    }

    @Test
    void cardinalFunctionsAreOneAtTheirOwnPointAndZeroAtTheOthers() {
        for (Grid g : new Grid[] {Grid.dirichlet(1, 9, 2.0), Grid.periodic(1, 8, Math.PI), Grid.periodic(1, 7, 1.0)}) {
            DMatrixRMaj c = DvrInterpolation.axis(g, g.axis());
            for (int p = 0; p < 9 && p < g.pointsPerAxis(); p++) {
                for (int i = 0; i < g.pointsPerAxis(); i++) {
                    assertEquals(p == i ? 1 : 0, c.get(p, i), 1e-13, g.describe());
                }
            }
        }
    }

    @Test
    void sineModesOfTheBasisAreReproducedEverywhereAndZeroOutsideTheBox() {
        Grid g = Grid.dirichlet(1, 12, 3.0);
        ToDoubleFunction<double[]> mode = x -> Math.abs(x[0]) >= 3 ? 0 : Math.sin(5 * Math.PI * (x[0] + 3) / 6);
        DMatrixRMaj on = DvrInterpolation.onGrid(g, sample(g, mode), Grid.dirichlet(1, 101, 3.5));
        assertEquals(0, maxError(Grid.dirichlet(1, 101, 3.5), on, mode), 1e-12);
    }

    @Test
    void aGaussianOnASineDvrGridIsInterpolatedToSpectralAccuracyIn2D() {
        // e^{-(x^2+2y^2)/2} on 60^2 points of [-8, 8]^2 (h = 0.26: the spectrum beyond π/h is e^{-36}) onto 77^2 points
        Grid g = Grid.dirichlet(2, 60, 8.0);
        ToDoubleFunction<double[]> f = x -> Math.exp(-(x[0] * x[0] + 2 * x[1] * x[1]) / 2);
        Grid to = Grid.dirichlet(2, 77, 8.0);
        assertEquals(0, maxError(to, DvrInterpolation.onGrid(g, sample(g, f), to), f), 1e-12);
    }

    @Test
    void trigonometricPolynomialsAreReproducedOnPeriodicGridsIn3D() {
        // cos(3x)·sin(y)·(1 + cos(2z)) on 8^3 points of the torus [-π, π)^3: degree < 4 per axis, exact
        Grid g = Grid.periodic(3, 8, Math.PI);
        ToDoubleFunction<double[]> f = x -> Math.cos(3 * x[0]) * Math.sin(x[1]) * (1 + Math.cos(2 * x[2]));
        Grid to = Grid.dirichlet(3, 11, Math.PI);
        assertEquals(0, maxError(to, DvrInterpolation.onGrid(g, sample(g, f), to), f), 1e-12);
    }

    @Test
    void mismatchedShapesAreRefused() {
        Grid g = Grid.dirichlet(2, 5, 1.0);
        assertThrows(IllegalArgumentException.class, () -> DvrInterpolation.onGrid(g, new DMatrixRMaj(24, 1), g));
        assertThrows(IllegalArgumentException.class,
                () -> DvrInterpolation.onGrid(g, new DMatrixRMaj(25, 1), Grid.dirichlet(3, 5, 1.0)));
    }
}
