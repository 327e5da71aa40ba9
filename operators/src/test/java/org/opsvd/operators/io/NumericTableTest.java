package org.opsvd.operators.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.bio.npy.NpyFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numeric input files: what is read as numbers, and what is refused naming the option, file, row and column. */
class NumericTableTest {

    @TempDir
    Path dir;

    @Test
    void float32Int64Int32AndBigEndianNpyAreNumbers() {
        Path f4 = dir.resolve("f4.npy");
        NpyFile.write(f4, new float[] {0.5f, 1.5f}, new int[] {2, 1});
        Path i8 = dir.resolve("i8.npy");
        NpyFile.write(i8, new long[] {3, -4}, new int[] {1, 2});
        Path i4 = dir.resolve("i4.npy");
        NpyFile.write(i4, new int[] {7}, new int[] {1});
        Path be = dir.resolve("be.npy");
        NpyFile.write(be, new double[] {1.25, -2}, new int[] {2}, ByteOrder.BIG_ENDIAN);
        assertArrayEquals(new double[] {0.5, 1.5}, NumericTable.read(f4, "--points").values());
        NumericTable t = NumericTable.read(i8, "--points");
        assertEquals(1, t.rows());
        assertEquals(2, t.columns());
        assertArrayEquals(new double[] {3, -4}, t.values());
        assertArrayEquals(new double[] {7}, NumericTable.read(i4, "--points").values());
        assertArrayEquals(new double[] {1.25, -2}, NumericTable.read(be, "--points").values());
    }

    @Test
    void fortranOrderIsTransposedIntoRows() throws IOException {
        Path f = RawNpy.write(dir.resolve("f.npy"), "<f8", true, "2, 3", 1, 4, 2, 5, 3, 6);
        NumericTable t = NumericTable.read(f, "--points");
        assertEquals(2, t.rows());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, t.values());
    }

    @Test
    void theFormatIsToldByTheContentNotTheName() throws IOException {
        Path npyNamedCsv = dir.resolve("data.csv");
        NpyFile.write(npyNamedCsv, new double[] {1, 2}, new int[] {1, 2});
        assertArrayEquals(new double[] {1, 2}, NumericTable.read(npyNamedCsv, "--pairs").values());
        Path csvNamedNpy = Files.writeString(dir.resolve("data.npy"), "1 2\n3 4\n");
        assertEquals(2, NumericTable.read(csvNamedNpy, "--pairs").rows());
    }

    @Test
    void refusalsNameTheOptionTheFileAndThePlace() throws IOException {
        Path nan = RawNpy.write(dir.resolve("nan.npy"), "<f8", false, "2, 2", 1, 2, 3, Double.NaN);
        assertMessage("--points " + nan + ": row 2, column 2 is NaN", nan);
        Path complex = RawNpy.write(dir.resolve("c.npy"), "<c16", false, "1,", 1, 0);
        assertMessage("dtype '<c16' is not supported", complex);
        Path truncated = RawNpy.write(dir.resolve("t.npy"), "<f8", false, "10, 2", 1);
        assertMessage("truncated", truncated);
        Path empty = RawNpy.write(dir.resolve("e.npy"), "<f8", false, "0, 3");
        assertMessage("holds no rows", empty);
        Path huge = RawNpy.write(dir.resolve("h.npy"), "<f8", false, "3000000000, 1", 1);
        assertMessage("more than Java arrays hold", huge);
        Path words = Files.writeString(dir.resolve("w.csv"), "1,2\n3,x\n");
        assertMessage("--points " + words + ":2: column 2 is not a number: 'x'", words);
        Path inf = Files.writeString(dir.resolve("i.csv"), "1\n-Infinity\n");
        assertMessage(":2: column 1 is -Infinity", inf);
        assertMessage("is a directory", dir);
        assertMessage("no such file", dir.resolve("none.csv"));
        Path binary = Files.write(dir.resolve("b.bin"), new byte[] {0, 1, 2});
        assertMessage("neither NPY nor text", binary);
    }

    private static void assertMessage(String expected, Path file) {
        String m = assertThrows(IllegalArgumentException.class, () -> NumericTable.read(file, "--points")).getMessage();
        assertTrue(m.contains(expected), m);
        assertTrue(!m.contains("\n"), m);
    }

    @Test
    void aThreeDimensionalNpyIsAStackOfTablesOnlyWhereAStackIsAsked() throws IOException {
        Path cube = dir.resolve("cube.npy");
        NpyFile.write(cube, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new int[] {2, 3, 2});
        var tables = NumericTable.readStack(cube, "--trajectory");
        assertEquals(2, tables.size());
        assertEquals(3, tables.get(1).rows());
        assertEquals(2, tables.get(1).columns());
        assertArrayEquals(new double[] {7, 8, 9, 10, 11, 12}, tables.get(1).values());
        assertEquals(1, NumericTable.readStack(RawNpy.write(dir.resolve("flat.npy"), "<f8", false, "2, 1", 1, 2),
                "--trajectory").size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NumericTable.read(cube, "--points"))
                .getMessage().contains("2D [N, d] array"));
        Path nan = RawNpy.write(dir.resolve("nan3.npy"), "<f8", false, "2, 2, 1", 1, 2, 3, Double.NaN);
        String m = assertThrows(IllegalArgumentException.class, () -> NumericTable.readStack(nan, "--trajectory"))
                .getMessage();
        assertTrue(m.startsWith("--trajectory " + nan + " (table 2 of 2): row 2, column 1 is NaN"), m);
    }
}
