package org.opsvd.solver.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gram.csv holds the normalised Gram of the learned functions. */
class GramFigureTest {

    @Test
    void gramCsvEqualsTheNormalisedGramComputedIndependently(@TempDir Path tmp) throws Exception {
        SyntheticRun run = SyntheticRun.of(2, 32, 4);
        // make the learned functions non-orthogonal: ψ̂_3 += 0.3 ψ̂_0
        for (int i = 0; i < run.learned.numRows; i++) {
            run.learned.set(i, 3, run.learned.get(i, 3) + 0.3 * run.learned.get(i, 0));
        }
        Path dir = run.write(tmp.resolve("run"), true);
        FigureFile csv = GramFigure.render(RunData.load(dir).functions()).stream()
                .filter(f -> f.name().equals("gram.csv")).findFirst().orElseThrow();
        List<String> lines = new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals("psi0,psi1,psi2,psi3", lines.get(0));
        assertEquals(5, lines.size());
        int n = run.weights.length;
        double[][] c = new double[4][4];
        for (int a = 0; a < 4; a++) {
            for (int b = 0; b < 4; b++) {
                for (int i = 0; i < n; i++) c[a][b] += run.weights[i] * run.learned.get(i, a) * run.learned.get(i, b);
            }
        }
        for (int a = 0; a < 4; a++) {
            String[] row = lines.get(a + 1).split(",");
            assertEquals(4, row.length);
            for (int b = 0; b < 4; b++) {
                double expected = c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
                assertEquals(expected, Double.parseDouble(row[b]), 1e-12, "Ĉ[" + a + "][" + b + "]");
            }
        }
        // the added component shows: |Ĉ_03| = 0.3·‖ψ̂_0‖/‖ψ̂_3‖ = 0.3·0.5/√(3.5² + 0.09·0.25), sign of column 3 (+)
        double expected03 = 0.3 * 0.5 / Math.sqrt(3.5 * 3.5 + 0.09 * 0.25);
        assertEquals(expected03, Double.parseDouble(lines.get(1).split(",")[3]), 1e-9);
        assertEquals(0, Files.list(tmp.resolve("run")).filter(p -> p.getFileName().toString().equals("figures")).count(),
                "GramFigure returns bytes; it writes nothing itself");
    }
}
