package org.opsvd.solver.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NeuralSVD evaluation metrics of L learned functions against a reference with G degenerate groups
 * (see {@link SpectralMetrics} for the definitions). Angles are in radians. Immutable: arrays are copied
 * in and out.
 *
 * @param groupStarts              first mode of each reference group (G), ascending from 0
 * @param relativeEigenvalueErrors |λ̂_l − λ_l| / |λ_l| (L)
 * @param angles                   per-mode angle after per-group Procrustes alignment (L), in [0, π/2]
 * @param unalignedAngles          per-mode angle without alignment, arccos|⟨ψ̂_l, ψ_l⟩|/(‖ψ̂_l‖‖ψ_l‖) (L)
 * @param groupSubspaceDistances   1 − tr(P̂_g P_g)/k_g per group (G)
 * @param subspaceDistanceAll      1 − tr(P̂ P)/L over all L functions
 * @param orthogonality            summaries of the learned normalised Gram minus I
 */
public record MetricReport(int[] groupStarts, double[] relativeEigenvalueErrors, double[] angles,
                           double[] unalignedAngles, double[] groupSubspaceDistances, double subspaceDistanceAll,
                           Orthogonality orthogonality) {

    public MetricReport {
        groupStarts = groupStarts.clone();
        relativeEigenvalueErrors = relativeEigenvalueErrors.clone();
        angles = angles.clone();
        unalignedAngles = unalignedAngles.clone();
        groupSubspaceDistances = groupSubspaceDistances.clone();
        int l = angles.length;
        if (relativeEigenvalueErrors.length != l || unalignedAngles.length != l
                || groupSubspaceDistances.length != groupStarts.length || orthogonality == null) {
            throw new IllegalArgumentException("inconsistent metric report: " + l + " angles, "
                    + relativeEigenvalueErrors.length + " eigenvalue errors, " + unalignedAngles.length
                    + " unaligned angles, " + groupStarts.length + " groups, " + groupSubspaceDistances.length
                    + " group distances");
        }
    }

    /** L. */
    public int modes() {
        return angles.length;
    }

    /** Mean over the L modes of the relative eigenvalue error. */
    public double meanRelativeEigenvalueError() {
        return mean(relativeEigenvalueErrors);
    }

    /** Mean over the L modes of the aligned angle (the "angle distance"). */
    public double meanAngle() {
        return mean(angles);
    }

    /** Mean over the L modes of the unaligned angle. */
    public double meanUnalignedAngle() {
        return mean(unalignedAngles);
    }

    /** Unweighted mean over the G groups of the group subspace distance ("subspace distance (avg)"). */
    public double meanGroupSubspaceDistance() {
        return mean(groupSubspaceDistances);
    }

    private static double mean(double[] a) {
        return Arrays.stream(a).average().orElse(Double.NaN);
    }

    @Override
    public int[] groupStarts() {
        return groupStarts.clone();
    }

    @Override
    public double[] relativeEigenvalueErrors() {
        return relativeEigenvalueErrors.clone();
    }

    @Override
    public double[] angles() {
        return angles.clone();
    }

    @Override
    public double[] unalignedAngles() {
        return unalignedAngles.clone();
    }

    @Override
    public double[] groupSubspaceDistances() {
        return groupSubspaceDistances.clone();
    }

    /** All numbers, means first, as a JSON-ready map (insertion-ordered; arrays are fresh copies). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("modes", modes());
        m.put("groups", groupStarts.length);
        m.put("meanRelativeEigenvalueError", meanRelativeEigenvalueError());
        m.put("meanAngle", meanAngle());
        m.put("meanUnalignedAngle", meanUnalignedAngle());
        m.put("meanGroupSubspaceDistance", meanGroupSubspaceDistance());
        m.put("subspaceDistanceAll", subspaceDistanceAll);
        m.put("orthogonalityMaxOffDiagonal", orthogonality.maxOffDiagonal());
        m.put("orthogonalityFrobenius", orthogonality.frobenius());
        m.put("orthogonalityMeanAbsOffDiagonal", orthogonality.meanAbsOffDiagonal());
        m.put("orthogonalityMeanSquare", orthogonality.meanSquare());
        m.put("groupStarts", groupStarts());
        m.put("relativeEigenvalueErrors", relativeEigenvalueErrors());
        m.put("angles", angles());
        m.put("unalignedAngles", unalignedAngles());
        m.put("groupSubspaceDistances", groupSubspaceDistances());
        return m;
    }
}
