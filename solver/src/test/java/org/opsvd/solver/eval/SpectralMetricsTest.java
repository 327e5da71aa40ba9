package org.opsvd.solver.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;
import org.opsvd.operators.potentials.HarmonicPotential;
import org.opsvd.operators.spectra.DegeneracyGroups;
import org.opsvd.operators.spectra.HarmonicOscillatorEigenbasis;
import org.opsvd.solver.NumericalFailure;
import org.opsvd.solver.classical.GridEigenpairs;
import org.opsvd.solver.classical.KroneckerSolver;

/**
 * The metrics on constructed cases with known answers: the 2D oscillator's 15 lowest exact eigenfunctions
 * (groups 1, 2, 3, 4, 5; E = 2, 4, 4, 6, …) on {@link Oscillators#FINE}, where their quadrature Gram is
 * I to ~1e-15, so the constructed answers hold to ~1e-13.
 */
class SpectralMetricsTest {

    private static HarmonicOscillatorEigenbasis basis;
    private static SampledFunctions exact;
    private static DegeneracyGroups groups;
    private static double[] energies;

    @BeforeAll
    static void sample() {
        basis = Oscillators.basis2d();
        exact = SampledFunctions.of(basis, Oscillators.FINE);
        groups = SpectralMetrics.groups(basis.spectrum().levels(15));
        energies = basis.energies();
    }

    @Test
    void exactBasisAgainstItselfHasZeroDistances() {
        MetricReport r = SpectralMetrics.evaluate(exact, exact, groups, energies, energies);
        assertArrayEquals(new int[] {0, 1, 3, 6, 10}, r.groupStarts());
        assertEquals(0, r.meanRelativeEigenvalueError(), 0);
        for (int l = 0; l < 15; l++) {
            assertEquals(0, r.angles()[l], 1e-12, "aligned angle " + l);
            assertEquals(0, r.unalignedAngles()[l], 1e-12, "unaligned angle " + l);
        }
        for (double d : r.groupSubspaceDistances()) {
            assertEquals(0, d, 1e-12);
        }
        assertEquals(0, r.subspaceDistanceAll(), 1e-12);
        assertEquals(0, r.orthogonality().maxOffDiagonal(), 1e-10);
        assertEquals(0, r.orthogonality().frobenius(), 1e-10);
    }

    @Test
    void rotationInsideADegenerateGroupIsUndoneByProcrustes() {
        double angle = Math.toRadians(30);
        // ψ_1, ψ_2 = (nx,ny) = (0,1), (1,0), both E = 4; also flip the sign of ψ_5 and scale ψ_7 by 3
        DMatrixRMaj r = Oscillators.rotation(15, 1, 2, angle);
        r.set(5, 5, -1);
        r.set(7, 7, 3);
        SampledFunctions learned = exact.times(r);
        MetricReport m = SpectralMetrics.evaluate(learned, exact, groups, energies, energies);
        for (int l = 0; l < 15; l++) {
            assertEquals(0, m.angles()[l], 1e-12, "aligned angle " + l);
        }
        assertEquals(angle, m.unalignedAngles()[1], 1e-12);
        assertEquals(angle, m.unalignedAngles()[2], 1e-12);
        assertEquals(0, m.unalignedAngles()[5], 1e-12, "angles ignore signs");
        assertEquals(0, m.unalignedAngles()[7], 1e-12, "angles ignore norms");
        assertEquals(2 * angle / 15, m.meanUnalignedAngle(), 1e-12);
        assertEquals(0, m.groupSubspaceDistances()[1], 1e-12);
        assertEquals(0, m.meanGroupSubspaceDistance(), 1e-12);
        assertEquals(0, m.orthogonality().frobenius(), 1e-10);
    }

    @Test
    void mixingAcrossGroupsByThetaGivesAngleThetaAndDistanceSinSquared() {
        double theta = 0.1;
        // ψ̂_0 = cos θ ψ_0 + sin θ ψ_1 (E = 2 and 4), ψ̂_1 = −sin θ ψ_0 + cos θ ψ_1
        SampledFunctions learned = exact.times(Oscillators.rotation(15, 0, 1, theta));
        MetricReport m = SpectralMetrics.evaluate(learned, exact, groups, energies, energies);
        double s2 = Math.sin(theta) * Math.sin(theta);
        // group {0}: 1-D spans, d = 1 − cos²θ; group {1, 2}: one principal angle θ, one 0, d = sin²θ/2
        assertEquals(theta, m.angles()[0], 1e-10);
        assertEquals(theta, m.angles()[1], 1e-10);   // Procrustes on diag(cos θ, 1) is Q = I
        assertEquals(0, m.angles()[2], 1e-10);
        assertEquals(s2, m.groupSubspaceDistances()[0], 1e-10);
        assertEquals(s2 / 2, m.groupSubspaceDistances()[1], 1e-10);
        assertEquals(0, m.groupSubspaceDistances()[2], 1e-10);
        assertEquals((s2 + s2 / 2) / 5, m.meanGroupSubspaceDistance(), 1e-10);
        assertEquals(0, m.subspaceDistanceAll(), 1e-10);   // a rotation within the span of all 15
        assertEquals(0, m.orthogonality().maxOffDiagonal(), 1e-10);

        // a non-orthogonal learned set: ψ̂_0 mixed, ψ̂_1 = ψ_1 kept, so Ĉ_01 = sin θ
        DMatrixRMaj r = Oscillators.rotation(15, 0, 1, theta);
        r.set(0, 1, 0);
        r.set(1, 1, 1);
        MetricReport n = SpectralMetrics.evaluate(exact.times(r), exact, groups, energies, energies);
        assertEquals(theta, n.angles()[0], 1e-10);
        assertEquals(0, n.angles()[1], 1e-10);
        assertEquals(Math.sin(theta), n.orthogonality().maxOffDiagonal(), 1e-10);
        assertEquals(Math.sqrt(2) * Math.sin(theta), n.orthogonality().frobenius(), 1e-10);
        assertEquals(2 * Math.sin(theta) / (15 * 14), n.orthogonality().meanAbsOffDiagonal(), 1e-10);
        assertEquals(2 * s2 / (15 * 15), n.orthogonality().meanSquare(), 1e-12);
        assertEquals(s2, n.groupSubspaceDistances()[0], 1e-10);
        assertEquals(0, n.subspaceDistanceAll(), 1e-10);   // still spans the same 15 functions
    }

    @Test
    void duplicatedLearnedFunctionsSpanHalfTheGroup() {
        // ψ̂_1 = ψ̂_2 = ψ_1: Procrustes gives a_1 = √2·ψ_1 (angle 0) and a_2 = 0 (angle π/2); d = 1 − 1/2
        DMatrixRMaj r = CommonOps_DDRM.identity(15);
        r.set(1, 2, 1);
        r.set(2, 2, 0);
        MetricReport m = SpectralMetrics.evaluate(exact.times(r), exact, groups, energies, energies);
        assertEquals(0, m.angles()[1], 1e-12);
        assertEquals(Math.PI / 2, m.angles()[2], 1e-12);
        assertEquals(0.5, m.groupSubspaceDistances()[1], 1e-12);
        assertEquals(1.0 / 15, m.subspaceDistanceAll(), 1e-12);   // 14 of 15 dimensions
        assertEquals(1, m.orthogonality().maxOffDiagonal(), 1e-12);
    }

    @Test
    void eigenvalueErrorsAreRelativeAndReported() throws Exception {
        double[] estimates = energies.clone();
        estimates[3] *= 1.01;
        MetricReport m = SpectralMetrics.evaluate(exact, exact, groups.starts(), estimates, energies);
        assertEquals(0.01, m.relativeEigenvalueErrors()[3], 1e-14);
        assertEquals(0.01 / 15, m.meanRelativeEigenvalueError(), 1e-14);
        String json = new ObjectMapper().writeValueAsString(m.toMap());
        assertTrue(json.contains("\"meanAngle\":") && json.contains("\"groupSubspaceDistances\":[")
                && json.contains("\"orthogonalityFrobenius\":"), json);
    }

    @Test
    void finiteDifferenceEigenvectorsAgainstTheExactBasis() {
        Grid grid = Grid.dirichlet(2, 64, 7);
        GridEigenpairs pairs = KroneckerSolver.solve(new Hamiltonian(1.0, HarmonicPotential.isotropic(2,
                Oscillators.OMEGA)), grid, LaplacianStencil.FOURTH_ORDER, 15, true);
        SampledFunctions fd = SampledFunctions.of(pairs);
        SampledFunctions ref = SampledFunctions.of(basis, grid);
        MetricReport m = SpectralMetrics.evaluate(fd, ref, groups, pairs.eigenvalues(), energies);
        System.out.println("FD 64^2 o4 [-7,7]^2 vs exact: " + m.toMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof double[] a ? Arrays.toString(a)
                        : e.getValue() instanceof int[] a ? Arrays.toString(a) : e.getValue()))
                .toList());
        // measured: group distances 5.9e-9, 4.5e-8, 2.2e-7, 7.6e-7, 2.2e-6 (mean 6.4e-7), all-L 8.9e-7,
        // mean angle 8.1e-4 rad (max 2.0e-3), mean relative eigenvalue error 2.5e-4; bounds ≈ 5× those
        for (double d : m.groupSubspaceDistances()) {
            assertTrue(d < 1e-5, "group subspace distance " + d);
        }
        assertTrue(m.subspaceDistanceAll() < 5e-6, "all-L subspace distance " + m.subspaceDistanceAll());
        assertTrue(m.meanAngle() < 4e-3, "mean angle " + m.meanAngle());
        assertTrue(m.meanRelativeEigenvalueError() < 1.5e-3, "eigenvalue error " + m.meanRelativeEigenvalueError());
        // the FD basis of a degenerate shell is not the canonical one: unaligned angles are large there
        assertTrue(m.meanUnalignedAngle() > 100 * m.meanAngle());
        assertTrue(m.orthogonality().maxOffDiagonal() < 1e-12, "FD eigenvectors are orthonormal");
    }

    @Test
    void rejectsInconsistentInput() {
        SampledFunctions fewer = exact.times(CommonOps_DDRM.extract(CommonOps_DDRM.identity(15), 0, 15, 0, 14));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpectralMetrics.evaluate(fewer, exact, groups, energies, energies));
        assertTrue(e.getMessage().contains("14 learned functions but 15 reference"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralMetrics.evaluate(exact, exact,
                new DegeneracyGroups(new int[] {0, 1, 3}, 6), energies, energies));
        assertTrue(e.getMessage().contains("cover 6 modes but there are 15"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpectralMetrics.evaluate(exact, exact, new int[] {0, 1, 15}, energies, energies));
        assertTrue(e.getMessage().contains("strictly increasing and below 15"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpectralMetrics.evaluate(exact, exact, groups,
                Arrays.copyOf(energies, 14), energies));
        assertTrue(e.getMessage().contains("14 estimated eigenvalues but 15"), e.getMessage());
        double[] zero = energies.clone();
        zero[4] = 0;
        e = assertThrows(IllegalArgumentException.class,
                () -> SpectralMetrics.evaluate(exact, exact, groups, energies, zero));
        assertTrue(e.getMessage().contains("non-zero reference eigenvalue; λ_4 = 0"), e.getMessage());
        SampledFunctions coarse = SampledFunctions.of(basis, Grid.dirichlet(2, 20, 9));
        e = assertThrows(IllegalArgumentException.class,
                () -> SpectralMetrics.evaluate(coarse, exact, groups, energies, energies));
        assertTrue(e.getMessage().contains("400 and 5184 points"), e.getMessage());
        DMatrixRMaj zeroColumn = Oscillators.rotation(15, 0, 1, 0);
        zeroColumn.set(3, 3, 0);
        e = assertThrows(NumericalFailure.class,
                () -> SpectralMetrics.evaluate(exact.times(zeroColumn), exact, groups, energies, energies));
        assertTrue(e.getMessage().contains("learned function 3 has squared norm 0"), e.getMessage());
    }
}
