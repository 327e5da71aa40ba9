package org.opsvd.cli;

import org.opsvd.solver.run.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opsvd.operators.grid.Grid;
import org.opsvd.solver.classical.ReferenceSolution;

/** Writes a {@link ReferenceSolution} as JSON, atomically (temporary file, then rename). */
final class ResultJson {

    private ResultJson() {
    }

    static Map<String, Object> toMap(ReferenceSolution s) {
        Map<String, Object> m = new LinkedHashMap<>();
        var problem = s.problem();
        m.put("operator", problem.name());
        m.put("potential", problem.hamiltonian().potential().describe());
        m.put("dimension", problem.dimension());
        m.put("kinetic", problem.hamiltonian().kinetic());
        m.put("route", s.route().cliName());
        m.put("discretisation", s.discretisation());
        Map<String, Object> grid = new LinkedHashMap<>();
        if (s.pairs() != null) {
            Grid g = s.pairs().grid();
            grid.put("points_per_axis", g.pointsPerAxis());
            grid.put("half_width", g.halfWidth());
            grid.put("spacing", g.spacing());
            grid.put("boundary", g.boundary().name().toLowerCase());
        } else {
            grid.put("half_width", problem.halfWidth());
        }
        m.put("grid", grid);
        m.put("k_requested", s.requested());
        m.put("k_returned", s.count());
        m.put("eigenvalues", s.eigenvalues());
        m.put("exact", s.exact());
        m.put("rel_errors", s.relativeErrors());
        m.put("max_rel_error", s.maxRelativeError());
        m.put("error_estimates", s.errorEstimates());
        m.put("max_estimated_rel_error", s.maxEstimatedRelativeError());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (var g : s.groups()) {
            groups.add(Map.of("start", g.start(), "size", g.size(), "label", g.label()));
        }
        m.put("groups", groups);
        m.put("seconds", s.seconds());
        m.put("notes", s.notes());
        return m;
    }

    static void write(ReferenceSolution s, Path file) throws IOException {
        AtomicFiles.writeJson(toMap(s), file);
    }
}
