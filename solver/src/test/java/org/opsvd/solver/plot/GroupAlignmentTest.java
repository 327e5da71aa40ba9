package org.opsvd.solver.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Alignment for display undoes rotations inside degenerate groups, sign flips and scales exactly. */
class GroupAlignmentTest {

    @Test
    void aRotatedSignFlippedScaledDegeneratePairIsAlignedBackToTheReference() {
        // 2D oscillator on 32² points: ψ00 | ψ10, ψ01 | ψ20, ψ11, ψ02 (groups start at 0, 1, 3)
        SyntheticRun run = SyntheticRun.of(2, 32, 6);
        assertEquals(3, run.groupStarts.length);
        // learned: within the pair (ψ10, ψ01) rotated by 30°, odd columns negated, column l scaled by 0.5 + l
        GroupAlignment a = GroupAlignment.align(run.learned, run.reference, run.weights, run.groupStarts);
        DMatrixRMaj phi = GroupAlignment.normalised(run.reference, run.weights);
        DMatrixRMaj aligned = a.learned();
        double worst = 0;
        for (int i = 0; i < phi.numRows; i++) {
            for (int l = 0; l < phi.numCols; l++) worst = Math.max(worst, Math.abs(aligned.get(i, l) - phi.get(i, l)));
        }
        assertTrue(worst < 1e-12, "largest difference after alignment " + worst);
        for (double c : a.overlaps()) assertEquals(1, c, 1e-12);
        // the learned input really was scrambled: mode 1 is far from ψ10 before alignment
        DMatrixRMaj raw = GroupAlignment.normalised(run.learned, run.weights);
        double before = 0;
        for (int i = 0; i < phi.numRows; i++) before = Math.max(before, Math.abs(raw.get(i, 1) - phi.get(i, 1)));
        assertTrue(before > 0.1, "scrambled mode 1 differs by " + before);
    }

    @Test
    void theAlignmentFoundOnTheWholeQuadratureCarriesToAPlaneThroughIt() {
        // 3D oscillator on 15³ points (the middle layer is z = 0): ψ000 | ψ100, ψ010, ψ001, scrambled
        SyntheticRun run = SyntheticRun.of(3, 15, 4);
        GroupAlignment a = GroupAlignment.align(run.learned, run.reference, run.weights, run.groupStarts);
        DMatrixRMaj same = a.applied(run.learned);
        DMatrixRMaj aligned = a.learned();
        for (int i = 0; i < same.numRows; i++) {
            for (int l = 0; l < 4; l++) assertEquals(aligned.get(i, l), same.get(i, l), 1e-12);
        }
        int m = 15;
        DMatrixRMaj planeLearned = new DMatrixRMaj(m * m, 4);
        DMatrixRMaj planeReference = new DMatrixRMaj(m * m, 4);
        for (int p = 0; p < m * m; p++) {
            int i = p * m + m / 2; // x, y of point p, z = 0 (the last axis runs fastest)
            assertEquals(0, run.points[3 * i + 2], 1e-12);
            for (int l = 0; l < 4; l++) {
                planeLearned.set(p, l, run.learned.get(i, l));
                planeReference.set(p, l, run.reference.get(i, l));
            }
        }
        DMatrixRMaj onPlane = a.applied(planeLearned);
        DMatrixRMaj expected = GroupAlignment.scaled(planeReference, run.reference, run.weights);
        for (int p = 0; p < m * m; p++) {
            for (int l = 0; l < 4; l++) assertEquals(expected.get(p, l), onPlane.get(p, l), 1e-12, "mode " + l);
            assertEquals(0, onPlane.get(p, 3), 1e-15, "ψ001 vanishes on z = 0");
        }
    }

    @Test
    void withoutGroupsOnlySignsAndScalesAreUndone() {
        SyntheticRun run = SyntheticRun.of(2, 32, 3);
        int[] singletons = {0, 1, 2};
        GroupAlignment a = GroupAlignment.align(run.learned, run.reference, run.weights, singletons);
        // the pair stays rotated by 30°: cos(30°) overlap for both of its modes
        assertEquals(1, a.overlaps()[0], 1e-12);
        assertEquals(Math.cos(Math.PI / 6), a.overlaps()[1], 1e-12);
        assertEquals(Math.cos(Math.PI / 6), a.overlaps()[2], 1e-12);
    }

    @Test
    void mismatchedInputsAreRejected() {
        SyntheticRun run = SyntheticRun.of(1, 50, 2);
        DMatrixRMaj one = new DMatrixRMaj(50, 1);
        assertThrows(IllegalArgumentException.class,
                () -> GroupAlignment.align(one, run.reference, run.weights, new int[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> GroupAlignment.align(run.learned, run.reference, run.weights, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> GroupAlignment.align(run.learned, run.reference, new double[3], new int[] {0}));
    }
}
