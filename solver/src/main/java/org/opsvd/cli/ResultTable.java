package org.opsvd.cli;

import java.io.PrintWriter;
import org.opsvd.solver.classical.ReferenceSolution;

/** Prints a {@link ReferenceSolution} as the comparison table researchers read. */
final class ResultTable {

    private ResultTable() {
    }

    static void print(ReferenceSolution s, PrintWriter out) {
        var h = s.problem().hamiltonian();
        out.printf("operator   %s   H = -%s·Δ + V,  V = %s  (d = %d)%n", s.problem().name(), fmt(h.kinetic()),
                h.potential().describe(), s.problem().dimension());
        out.printf("method     %s   %s%n", s.route().cliName(), s.discretisation());
        for (String note : s.notes()) {
            out.println("note       " + note);
        }
        out.println();
        double[] rel = s.relativeErrors();
        double[] est = s.errorEstimates();
        String estHeader = est == null ? "" : String.format("  %10s", "est.error");
        if (rel != null) {
            out.printf("%5s  %22s  %22s  %10s%s  %s%n", "index", "eigenvalue", "exact", "rel.error", estHeader, "group");
        } else {
            out.printf("%5s  %22s%s  %s%n", "index", "eigenvalue", estHeader, "group");
        }
        for (int i = 0; i < s.count(); i++) {
            String estCell = est == null ? "" : String.format("  %10.1e", est[i]);
            if (rel != null) {
                out.printf("%5d  %22.15g  %22.15g  %10.3e%s  %s%n", i, s.eigenvalues()[i], s.exact()[i], rel[i],
                        estCell, groupColumn(s, i));
            } else {
                out.printf("%5d  %22.15g%s  %s%n", i, s.eigenvalues()[i], estCell, groupColumn(s, i));
            }
        }
        out.println();
        if (est != null) {
            out.printf("max estimated relative error %.1e (est.error: estimated absolute error)%n",
                    s.maxEstimatedRelativeError());
        }
        if (rel != null) {
            out.printf("max relative error %.3e over %d eigenvalues; %.3f s%n", s.maxRelativeError(), s.count(),
                    s.seconds());
        } else {
            out.printf("%d eigenvalues (no exact spectrum known for this operator); %.3f s%n", s.count(), s.seconds());
        }
        out.flush();
    }

    /** "3  ×3  n=2" on the first row of a group, "3" on the others. */
    private static String groupColumn(ReferenceSolution s, int i) {
        for (int g = 0; g < s.groups().size(); g++) {
            var group = s.groups().get(g);
            if (i == group.start()) {
                return String.format("%-3d ×%-2d %s", g + 1, group.size(), group.label());
            }
            if (i > group.start() && i < group.start() + group.size()) {
                return Integer.toString(g + 1);
            }
        }
        return "";
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
