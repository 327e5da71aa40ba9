package org.opsvd.solver.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * All figures of a run: {@code errors.png} and {@code loss.png} for every run; for a finished solve run
 * also {@code eigenfunctions.png} (d ≤ 3 on a grid), {@code gram.png} and {@code gram.csv}. Each figure is
 * drawn on its own: one that fails is reported in {@link #failures()} and the others are still returned.
 *
 * @param files    the figure files, in drawing order
 * @param notes    figures left out and why (not errors)
 * @param failures figures that failed, with the reason
 */
public record Figures(List<FigureFile> files, List<String> notes, List<String> failures) {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public Figures {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    /** Draws the figures of {@code run}. */
    public static Figures of(RunData run) {
        List<FigureFile> files = new ArrayList<>();
        List<String> notes = new ArrayList<>(run.notes());
        List<String> failures = new ArrayList<>();
        attempt("curves", failures, () -> files.addAll(CurveFigures.render(run)));
        RunData.Functions f = run.functions();
        if (f != null) {
            RunData.Functions shown = run.gallery() != null ? run.gallery() : f;
            attempt("eigenfunction gallery", failures, () -> EigenfunctionGallery.render(shown, f, run.title(), notes)
                    .ifPresent(img -> files.add(new FigureFile("eigenfunctions.png", Images.png(img)))));
            attempt("Gram matrix", failures, () -> files.addAll(GramFigure.render(f)));
        }
        return new Figures(files, notes, failures);
    }

    private static void attempt(String what, List<String> failures, Runnable draw) {
        try {
            draw.run();
        } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
            failures.add(what + ": " + (e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
        }
    }
}
