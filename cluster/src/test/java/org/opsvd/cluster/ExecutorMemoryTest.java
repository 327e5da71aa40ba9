package org.opsvd.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.opsvd.cli.MemoryShare;

/** What a run gets from Spark's settings: an executor's heap and overhead over the runs it holds at once. */
class ExecutorMemoryTest {

    @Test
    void aLocalClusterExecutorGivesItsHeapAndTheOverheadFloorToItsOneCore() {
        MemoryShare share = ExecutorMemory.of(new SparkMaster("local-cluster[2,1,1024]"), new SparkConf(false), 1);
        assertEquals(1024 + 384, share.megabytes());
        assertEquals("spark.executor.memory 1024 MB + overhead 384 MB per executor, one run at once on its 1 core(s) "
                + "with --cores-per-run 1", share.source());
    }

    @Test
    void executorsOfSeveralCoresShareTheirMemoryAmongTheirRuns() {
        SparkConf conf = new SparkConf(false).set("spark.executor.memory", "8g").set("spark.executor.cores", "4");
        // overhead 0.1 × 8192 = 819 MB (above the 384 MB floor); 4 cores, 2 per run: 2 runs at once
        assertEquals((8192 + 819) / 2, ExecutorMemory.of(new SparkMaster("spark://host:7077"), conf, 2).megabytes());
        conf.set("spark.executor.memoryOverhead", "2g");
        assertEquals((8192 + 2048) / 4, ExecutorMemory.of(new SparkMaster("yarn"), conf, 1).megabytes());
    }

    @Test
    void localModeSharesTheMachineAmongItsThreadsRuns() {
        MemoryShare two = ExecutorMemory.of(new SparkMaster("local[2,4]"), new SparkConf(false), 1);
        MemoryShare one = ExecutorMemory.of(new SparkMaster("local[2,4]"), new SparkConf(false), 2);
        assertEquals(one.megabytes() / 2, two.megabytes());
        assertTrue(two.source().contains("over 2 concurrent runs on local[2,4]"), two.source());
    }

    @Test
    void aBudgetAboveTheShareIsRefusedWithBothNumbers() {
        MemoryShare share = ExecutorMemory.of(new SparkMaster("local-cluster[2,1,1024]"), new SparkConf(false), 1);
        share.require(1408);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> share.require(2000));
        assertTrue(e.getMessage().startsWith("--memory-per-run 2000 MB is more than a run gets: 1408 MB (spark.executor"),
                e.getMessage());
    }
}
