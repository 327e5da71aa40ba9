package org.opsvd.operators.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DegeneracyGroupsTest {

    @Test
    void groupsNoisyOscillatorEigenvalues() {
        double[] e = {2.0000001, 3.9999998, 4.0000003, 5.9999999, 6.0000002, 6.0000004, 8.1};
        DegeneracyGroups g = DegeneracyGroups.of(e, 1e-6);
        assertArrayEquals(new int[] {0, 1, 3, 6}, g.starts());
        assertArrayEquals(new int[] {1, 2, 3, 1}, g.sizes());
        assertArrayEquals(new int[] {1, 3, 6, 7}, g.ends());
        assertEquals(2, g.groupOf(5));
        assertEquals(3, g.groupOf(6));
    }

    @Test
    void exactSpectrumRoundTrips() {
        double[] e = new Hydrogen2DSpectrum(1, 1).eigenvalues(25);
        assertArrayEquals(new int[] {1, 3, 5, 7, 9}, DegeneracyGroups.of(e, 1e-12).sizes());
    }

    @Test
    void comparesWithTheGroupsFirstValueSoDriftDoesNotChain() {
        // each step is 0.6e-6 relative, but 1.0 and 1.0000012 are 1.2e-6 apart
        double[] e = {1.0, 1.0000006, 1.0000012};
        assertArrayEquals(new int[] {2, 1}, DegeneracyGroups.of(e, 1e-6).sizes());
    }

    @Test
    void scaleIsAnAbsoluteFloorNearZero() {
        double[] e = {-1e-9, 1e-9, 0.5};
        assertArrayEquals(new int[] {1, 1, 1}, DegeneracyGroups.of(e, 1e-6).sizes());
        assertArrayEquals(new int[] {2, 1}, DegeneracyGroups.of(e, 1e-6, 1.0).sizes());
    }

    @Test
    void rejectsUnsortedInput() {
        assertThrows(IllegalArgumentException.class, () -> DegeneracyGroups.of(new double[] {2, 1}, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> DegeneracyGroups.of(new double[] {1}, -1));
        assertEquals(0, DegeneracyGroups.of(new double[0], 1e-6).count());
    }
}
