package org.opsvd.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Size estimates: counts that saturate instead of overflowing, and refusals that name the option. */
class MemoryBudgetTest {

    @Test
    void countsSaturateInsteadOfOverflowing() {
        assertEquals(1_600_000_000L, MemoryBudget.power(40_000, 2));
        assertEquals(Long.MAX_VALUE, MemoryBudget.power(40_000, 5));
        assertEquals(Long.MAX_VALUE, MemoryBudget.times(Long.MAX_VALUE / 2, 3));
        assertEquals(0, MemoryBudget.times(0, Long.MAX_VALUE));
    }

    @Test
    void sizesBeyondTheHeapOrAnArrayAreRefusedNamingTheOption() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.require(Long.MAX_VALUE, "--grid 40000 in 5D")).getMessage();
        assertTrue(m.startsWith("--grid 40000 in 5D needs about more than 9 EB of memory"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> MemoryBudget.requireIndexable(1L << 31, "--eval-grid 2000000000")).getMessage();
        assertTrue(m.startsWith("--eval-grid 2000000000 needs 2.15e+09 values in one array"), m);
        MemoryBudget.require(1024, "--batch 2"); // small sizes pass
        assertEquals(1000, MemoryBudget.requireIndexable(1000, "--points"));
    }
}
