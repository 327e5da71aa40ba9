package org.opsvd.operators;

import java.util.Locale;

/**
 * Sizes refused from an estimate before anything is allocated: a request whose arrays would not fit in this
 * JVM's heap fails at once with an {@link IllegalArgumentException} that names the option and the estimate,
 * instead of an {@link OutOfMemoryError} minutes later (or a {@code NegativeArraySizeException} when a count
 * overflows an int). Estimates are of the dominant arrays only, in bytes; counts saturate at
 * {@link Long#MAX_VALUE}.
 */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** Bytes the heap can still grow by: the -Xmx limit minus what is in use now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** a·b, or {@link Long#MAX_VALUE} when it overflows (both ≥ 0). */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** n^d, saturating. */
    public static long power(long n, int d) {
        long p = 1;
        for (int i = 0; i < d; i++) {
            p = times(p, n);
        }
        return p;
    }

    /**
     * Refuses {@code count} array elements (Java arrays hold at most {@code Integer.MAX_VALUE - 8}).
     *
     * @param what names the option and its value, e.g. {@code "--grid 40000 in 2D"}
     */
    public static int requireIndexable(long count, String what) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " needs " + count(count) + " values in one array, more than"
                    + " Java arrays hold (2^31)");
        }
        return (int) count;
    }

    /**
     * Refuses an estimate of {@code bytes} larger than {@link #available()}.
     *
     * @param what names the option and its value, e.g. {@code "--grid 40000 in 2D (1.6e9 grid points)"}
     */
    public static void require(long bytes, String what) {
        long free = available();
        if (bytes > free) {
            throw new IllegalArgumentException(what + " needs about " + bytes(bytes) + " of memory, more than the "
                    + bytes(free) + " this JVM can allocate (choose a smaller size, or raise the heap limit: "
                    + "OPSVD_JAVA_OPTS=-Xmx…)");
        }
    }

    /** "12.3 GB", "512 MB". */
    public static String bytes(long b) {
        if (b == Long.MAX_VALUE) {
            return "more than 9 EB";
        }
        return b >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", b / 1e9)
                : String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(b / 1e6)));
    }

    private static String count(long n) {
        return n == Long.MAX_VALUE ? "more than 9.2e18" : String.format(Locale.ROOT, "%.3g", (double) n);
    }
}
