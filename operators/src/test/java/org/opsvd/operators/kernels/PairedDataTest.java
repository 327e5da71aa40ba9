package org.opsvd.operators.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hipparchus.random.Well19937c;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairedDataTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsTwoCsvFilesWithHeaderAndComments() throws IOException {
        Path x = write("x.csv", "a,b\n1,2\n3,4\n\n# note\n5,6\n");
        Path y = write("y.csv", "0.5\n1.5\n2.5\n");
        PairedData d = PairedData.read(x, y);
        assertEquals(3, d.size());
        assertEquals(2, d.xDimension());
        assertEquals(1, d.yDimension());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.x());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, d.y());
    }

    @Test
    void readsOneCsvFileSplitByColumnCount() throws IOException {
        Path f = write("xy.csv", "1 2 3\n4 5 6\n");
        PairedData d = PairedData.read(f, 1);
        assertArrayEquals(new double[] {1, 4}, d.x());
        assertArrayEquals(new double[] {2, 3, 5, 6}, d.y());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedData.read(f, 3)).getMessage()
                .contains("must be between 1 and 2"));
    }

    @Test
    void clearErrorsForMissingFilesMismatchedLengthsAndNonNumericCells() throws IOException {
        Path y = write("y.csv", "1\n2\n");
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedData.read(dir.resolve("nope.csv"), y)).getMessage().contains("nope.csv: no such file"));
        Path x3 = write("x3.csv", "1\n2\n3\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedData.read(x3, y)).getMessage()
                .contains("has 3 rows but"));
        Path bad = write("bad.csv", "1,2\n3,oops\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PairedData.read(bad, y));
        assertTrue(e.getMessage().endsWith("bad.csv:2: column 2 is not a number: 'oops'"), e.getMessage());
        Path ragged = write("ragged.csv", "1,2\n3\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedData.read(ragged, y)).getMessage()
                .contains("ragged.csv:2: expected 2 columns, found 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> PairedData.of(new double[] {1, 2, 3}, 2, new double[] {1}, 1)).getMessage()
                .contains("not multiples"));
    }

    @Test
    void readsNpyFloat64AndFloat32() {
        Path x = dir.resolve("x.npy");
        Path y = dir.resolve("y.npy");
        NpyFile.write(x, new double[] {1, 2, 3, 4, 5, 6}, new int[] {3, 2});
        NpyFile.write(y, new float[] {0.5f, 1.5f, 2.5f}, new int[] {3});
        PairedData d = PairedData.read(x, y);
        assertEquals(2, d.xDimension());
        assertEquals(1, d.yDimension());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.x());
        assertArrayEquals(new double[] {0.5, 1.5, 2.5}, d.y());
        Path y4 = dir.resolve("y4.npy");
        NpyFile.write(y4, new double[] {1, 2, 3, 4}, new int[] {4, 1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedData.read(x, y4)).getMessage()
                .contains("has 3 rows"));
        Path ints = dir.resolve("i.npy");
        NpyFile.write(ints, new int[] {1, 2, 3}, new int[] {3});
        assertArrayEquals(new double[] {1, 2, 3}, PairedData.read(x, ints).y()); // integers are numbers too
    }

    @Test
    void oneNpyFileIsSplitLikeACsvFile() {
        Path xy = dir.resolve("one.npy");
        NpyFile.write(xy, new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3});
        PairedData d = PairedData.read(xy, 1);
        assertArrayEquals(new double[] {1, 4}, d.x());
        assertArrayEquals(new double[] {2, 3, 5, 6}, d.y());
    }

    @Test
    void fortranOrderIsReadByColumnsAndNonFiniteOrEmptyArraysAreRefused() throws IOException {
        Path f = dir.resolve("f.npy");
        // the 3×2 array [[1, 4], [2, 5], [3, 6]] stored column by column
        org.opsvd.operators.io.RawNpy.write(f, "<f8", true, "3, 2", 1, 2, 3, 4, 5, 6);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, interleave(PairedData.read(f, 1)));
        Path nan = dir.resolve("nan.npy");
        NpyFile.write(nan, new double[] {1, Double.NaN}, new int[] {2, 1});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedData.read(nan, nan)).getMessage()
                .contains("--pairs " + nan + ": row 2, column 1 is NaN"));
        Path empty = dir.resolve("empty.npy");
        NpyFile.write(empty, new double[0], new int[] {0, 2});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PairedData.read(empty, 1)).getMessage()
                .contains("holds no rows"));
    }

    private static double[] interleave(PairedData d) {
        double[] out = new double[6];
        for (int i = 0; i < 3; i++) {
            out[2 * i] = d.x()[i];
            out[2 * i + 1] = d.y()[i];
        }
        return out;
    }

    @Test
    void samplingDrawsWholePairsWithReplacement() {
        double[] xs = new double[100];
        double[] ys = new double[200];
        for (int i = 0; i < 100; i++) {
            xs[i] = i;
            ys[2 * i] = -i;
            ys[2 * i + 1] = i * i;
        }
        PairedData d = PairedData.of(xs, 1, ys, 2);
        double[] x = new double[1000];
        double[] y = new double[2000];
        d.sample(new Well19937c(3), x, y, 1000);
        for (int j = 0; j < 1000; j++) {
            assertEquals(-x[j], y[2 * j], 0);
            assertEquals(x[j] * x[j], y[2 * j + 1]);
        }
    }
}
