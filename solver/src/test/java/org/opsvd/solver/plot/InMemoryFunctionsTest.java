package org.opsvd.solver.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsvd.cli.Main;
import org.opsvd.operators.OperatorCatalog;
import org.opsvd.operators.OperatorRequest;
import org.opsvd.operators.Problem;
import org.opsvd.solver.train.NeuralSolver;
import org.opsvd.solver.SolveBuilder;

/**
 * {@link RunData.Functions#of} (a solve in memory) gives exactly what {@code opsvd solve} writes and
 * {@link RunData#load} reads back, for one tiny seeded solve of the 2D oscillator run both ways.
 */
class InMemoryFunctionsTest {

    @Test
    void aSolveInMemoryGivesTheFunctionsItsRunDirectoryGives(@TempDir Path tmp) throws Exception {
        // H = −½Δ + ½|x|² in 2D, L = 3: shells {0} (E = 1) and {1, 2} (E = 2); 50 steps, 24² evaluation grid
        Path dir = tmp.resolve("run");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new String[] {"solve", "--operator", "harmonic", "--dim", "2", "--L", "3",
            "--steps", "50", "--hidden", "16,16", "--batch", "128", "--eval-grid", "24", "--quiet", "--no-figures",
            "--out", dir.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, status, err + "" + out);

        Problem problem = OperatorCatalog.build(OperatorRequest.named("harmonic", 2, 0.5));
        SolveBuilder builder = SolveBuilder.of(problem).outputs(3).steps(50).hidden(16, 16).batch(128).evalGrid(24);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(dir.resolve("config.json").toFile()).get("config"), json.readTree(json.writeValueAsString(builder.config())),
                "the builder resolves the configuration the command line used");
        NeuralSolver.Evaluation evaluation = builder.solve().evaluation();

        RunData.Functions memory = RunData.Functions.of(problem, builder.reference(), evaluation);
        RunData.Functions file = RunData.load(dir).functions();

        assertEquals(576, memory.size());
        assertEquals(2, memory.dimension());
        assertArrayEquals(file.points(), memory.points());
        assertEquals(file.dimension(), memory.dimension());
        assertArrayEquals(file.weights(), memory.weights());
        assertMatrixEquals(file.learned(), memory.learned());
        assertMatrixEquals(file.reference(), memory.reference());
        assertArrayEquals(new int[] {0, 1}, memory.groupStarts());
        assertArrayEquals(file.groupStarts(), memory.groupStarts());
        assertArrayEquals(file.energies(), memory.energies());
        assertArrayEquals(evaluation.rayleigh(), memory.energies());
        assertArrayEquals(new double[] {1, 2, 2}, memory.referenceEnergies(), 1e-12);
        assertArrayEquals(file.referenceEnergies(), memory.referenceEnergies());
        assertEquals("exact", memory.referenceKind());
        assertEquals(file.referenceKind(), memory.referenceKind());

        // the figures drawn from memory are those drawn from the files
        assertArrayEquals(GramFigure.csv(GramFigure.gram(file)), GramFigure.csv(GramFigure.gram(memory)));
        List<String> notes = new ArrayList<>();
        BufferedImage fromMemory = EigenfunctionGallery.render(memory, "2D oscillator", notes).orElseThrow();
        BufferedImage fromFile = EigenfunctionGallery.render(file, "2D oscillator", notes).orElseThrow();
        assertTrue(notes.isEmpty(), notes.toString());
        assertEquals(fromFile.getWidth(), fromMemory.getWidth());
        assertEquals(fromFile.getHeight(), fromMemory.getHeight());
        assertArrayEquals(pixels(fromFile), pixels(fromMemory));
    }

    @Test
    void functionsAreImmutable() {
        double[] points = {-1, 0, 1};
        double[] weights = {1, 1, 1};
        DMatrixRMaj learned = new DMatrixRMaj(new double[][] {{1}, {2}, {3}});
        RunData.Functions f = new RunData.Functions(points, 1, weights, learned, null, new int[] {0},
                new double[] {0.5}, new double[] {0.5}, "exact");
        points[0] = 9;
        learned.set(0, 0, 9);
        f.learned().set(1, 0, 9);
        f.points()[2] = 9;
        assertArrayEquals(new double[] {-1, 0, 1}, f.points());
        assertArrayEquals(new double[] {1, 2, 3}, f.learned().data);
        assertNotSame(f.weights(), f.weights());
    }

    private static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        assertArrayEquals(java.util.Arrays.copyOf(expected.data, expected.getNumElements()),
                java.util.Arrays.copyOf(actual.data, actual.getNumElements()));
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
