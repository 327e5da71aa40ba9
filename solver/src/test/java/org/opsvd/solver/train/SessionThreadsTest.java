package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/** A run's thread count (a Spark task's cores) reaches the sessions its thread opens, and only those. */
class SessionThreadsTest {

    @Test
    void sessionsOfAThreadInAScopeGetPoolsOfTheirOwnOfThatSize() throws Exception {
        ConfigProto outside = SessionOptions.forDevice(SessionOptions.Device.CPU).config();
        assertEquals(0, outside.getIntraOpParallelismThreads(), "TensorFlow's default");
        assertFalse(outside.getUsePerSessionThreads());
        try (SessionOptions.ThreadScope scope = SessionOptions.threads(1)) {
            ConfigProto inside = SessionOptions.forDevice(SessionOptions.Device.CPU).config();
            assertEquals(1, inside.getIntraOpParallelismThreads());
            assertEquals(1, inside.getInterOpParallelismThreads());
            assertTrue(inside.getUsePerSessionThreads());
            ConfigProto otherThread = CompletableFuture.supplyAsync(
                    () -> SessionOptions.forDevice(SessionOptions.Device.CPU).config()).get();
            assertEquals(0, otherThread.getIntraOpParallelismThreads(), "another task's thread is not affected");
        }
        assertEquals(0, SessionOptions.forDevice(SessionOptions.Device.CPU).config().getIntraOpParallelismThreads());
    }
}
