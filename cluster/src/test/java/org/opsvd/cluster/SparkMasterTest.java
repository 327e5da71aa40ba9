package org.opsvd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class SparkMasterTest {

    @Test
    void localMastersGetTheAttemptsUnlessTheyNameTheirOwn() {
        assertEquals("local[2,4]", SparkMaster.of("local[2]", 4).url());
        assertEquals("local[*,3]", SparkMaster.of("local[*]", 3).url());
        assertEquals("local[1,2]", SparkMaster.of("local", 2).url());
        assertEquals("local[2,1]", SparkMaster.of("local[2,1]", 4).url());
        assertTrue(SparkMaster.of("local[2]", 4).inProcess());
    }

    @Test
    void anUnknownMasterIsRefusedNamingTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkMaster.of("locl[2]", 4));
        assertTrue(e.getMessage().startsWith("unknown --master 'locl[2]' (expected local[N]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkMaster.of("spark://host-without-port", 4));
    }

    @Test
    void anUnreachableStandaloneMasterIsRefusedWithinTheTimeout() throws Exception {
        int port = Sweeps.unusedPort();
        long start = System.nanoTime();
        int p = port;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkMaster.of("spark://127.0.0.1:" + p, 4));
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master 127.0.0.1:" + port), e.getMessage());
        assertTrue(seconds < SparkMaster.CONNECT_TIMEOUT_MS / 1000.0 + 1, "took " + seconds + " s");
    }

    @Test
    void aListeningStandaloneMasterIsAccepted() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            assertEquals("spark://127.0.0.1:" + s.getLocalPort(),
                    SparkMaster.of("spark://127.0.0.1:" + s.getLocalPort(), 4).url());
        }
    }
}
