package org.opsvd.solver.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures of a synthetic run directory are valid PNGs of the sizes the layout promises. */
class FiguresTest {

    private static Map<String, FigureFile> draw(Path dir) throws Exception {
        Figures f = Figures.of(RunData.load(dir));
        assertTrue(f.failures().isEmpty(), f.failures().toString());
        return f.files().stream().collect(Collectors.toMap(FigureFile::name, Function.identity()));
    }

    private static BufferedImage png(FigureFile f) throws Exception {
        byte[] b = f.bytes();
        assertTrue(b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G',
                f.name() + " does not start with the PNG signature");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(b));
        assertNotNull(img, f.name() + " is not readable as an image");
        return img;
    }

    @Test
    void twoDimensionalRunGivesGalleryByShellGramAndCurvesOfTheStatedSizes(@TempDir Path tmp) throws Exception {
        // 2D oscillator, L = 6: shells of 1, 2 and 3 modes -> 3 row pairs (6 rows) of at most 3 panels
        Path dir = SyntheticRun.of(2, 32, 6).write(tmp.resolve("run"), true);
        Map<String, FigureFile> files = draw(dir);
        assertEquals(java.util.Set.of("errors.png", "loss.png", "eigenfunctions.png", "gram.png", "gram.csv"),
                files.keySet());
        BufferedImage gallery = png(files.get("eigenfunctions.png"));
        assertEquals(Math.max(3 * EigenfunctionGallery.PANEL_WIDTH, EigenfunctionGallery.MIN_WIDTH), gallery.getWidth());
        assertEquals(EigenfunctionGallery.HEADER_HEIGHT + 6 * EigenfunctionGallery.PANEL_HEIGHT, gallery.getHeight());
        BufferedImage gram = png(files.get("gram.png"));
        assertEquals(GramFigure.WIDTH, gram.getWidth());
        assertEquals(GramFigure.HEIGHT, gram.getHeight());
        for (String name : List.of("errors.png", "loss.png")) {
            BufferedImage img = png(files.get(name));
            assertEquals(2 * CurveFigures.PANEL_WIDTH, img.getWidth(), name);
            assertEquals(CurveFigures.HEIGHT, img.getHeight(), name);
        }
        // the heatmap panels are coloured: some clearly red and some clearly blue pixels
        int red = 0;
        int blue = 0;
        for (int y = 0; y < gallery.getHeight(); y++) {
            for (int x = 0; x < gallery.getWidth(); x++) {
                int rgb = gallery.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int b = rgb & 0xff;
                if (r > 150 && b < 80) red++;
                if (b > 150 && r < 80) blue++;
            }
        }
        assertTrue(red > 1000 && blue > 1000, "red " + red + ", blue " + blue);
    }

    @Test
    void oneAndThreeDimensionalRunsGiveLinePlotsAndASlice(@TempDir Path tmp) throws Exception {
        BufferedImage lines = png(draw(SyntheticRun.of(1, 200, 3).write(tmp.resolve("d1"), true))
                .get("eigenfunctions.png"));
        assertEquals(Math.max(3 * EigenfunctionGallery.LINE_WIDTH, EigenfunctionGallery.MIN_WIDTH), lines.getWidth());
        assertEquals(EigenfunctionGallery.HEADER_HEIGHT + EigenfunctionGallery.LINE_HEIGHT, lines.getHeight());
        // 3D, L = 4: shells of 1 and 3 modes -> 4 rows of at most 3 panels, on the plane nearest z = 0
        BufferedImage slice = png(draw(SyntheticRun.of(3, 12, 4).write(tmp.resolve("d3"), true))
                .get("eigenfunctions.png"));
        assertEquals(EigenfunctionGallery.HEADER_HEIGHT + 4 * EigenfunctionGallery.PANEL_HEIGHT, slice.getHeight());
    }

    @Test
    void withoutReferenceFunctionsTheGalleryShowsTheLearnedOnesAndSaysSo(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticRun.of(2, 24, 6).write(tmp.resolve("run"), false);
        Figures f = Figures.of(RunData.load(dir));
        assertTrue(f.failures().isEmpty(), f.failures().toString());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("reference_eigenfunctions.npy")), f.notes().toString());
        FigureFile gallery = f.files().stream().filter(x -> x.name().equals("eigenfunctions.png")).findFirst().orElseThrow();
        // 6 learned modes in rows of 5
        assertEquals(EigenfunctionGallery.HEADER_HEIGHT + 2 * EigenfunctionGallery.PANEL_HEIGHT, png(gallery).getHeight());
    }

    @Test
    void aRunInProgressGetsTheCurvesOnly(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticRun.of(2, 16, 3).write(tmp.resolve("run"), true);
        Files.delete(dir.resolve("summary.json"));
        Figures f = Figures.of(RunData.load(dir));
        assertEquals(List.of("errors.png", "loss.png"), f.files().stream().map(FigureFile::name).toList());
        assertTrue(f.notes().get(0).contains("summary.json"), f.notes().toString());
    }

    @Test
    void manyDimensionsGetANoteInsteadOfAGallery(@TempDir Path tmp) throws Exception {
        Path dir = SyntheticRun.of(4, 5, 2).write(tmp.resolve("run"), true);
        Figures f = Figures.of(RunData.load(dir));
        assertTrue(f.files().stream().noneMatch(x -> x.name().equals("eigenfunctions.png")));
        assertTrue(f.files().stream().anyMatch(x -> x.name().equals("gram.png")));
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("d = 4")), f.notes().toString());
    }
}
