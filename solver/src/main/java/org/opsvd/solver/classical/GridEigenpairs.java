package org.opsvd.solver.classical;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.grid.Grid;

/**
 * The lowest eigenpairs H_h·v_j = λ_j·v_j of a discretised Hamiltonian on a grid.
 *
 * @param grid                  the grid the vectors live on (vector entry i belongs to {@code grid.point(i)})
 * @param eigenvalues           λ_0 ≤ λ_1 ≤ … ≤ λ_{k−1}
 * @param eigenvectors          size × k, column j is v_j with ‖v_j‖₂ = 1 (Euclidean, not the L² norm with
 *                              weight h^d: multiply by h^{−d/2} for a grid function of unit L² norm);
 *                              {@code null} when vectors were not requested
 * @param route                 how they were computed: "shift-invert", "chebyshev", "kronecker", "dense"
 * @param operatorApplications  products with H (or with p(H) for Chebyshev, counted as H products), or
 *                              linear solves for shift-invert; 0 for the direct routes
 * @param notes                 free-form details (shift, cut, degree, retries, …)
 */
public record GridEigenpairs(Grid grid, double[] eigenvalues, DMatrixRMaj eigenvectors, String route,
                             int operatorApplications, String notes) {

    public GridEigenpairs {
        if (eigenvectors != null && (eigenvectors.numCols != eigenvalues.length
                || eigenvectors.numRows != grid.size())) {
            throw new IllegalArgumentException("eigenvectors are " + eigenvectors.numRows + "×"
                    + eigenvectors.numCols + " but expected " + grid.size() + "×" + eigenvalues.length);
        }
    }

    /** The number k of pairs. */
    public int count() {
        return eigenvalues.length;
    }

    /** λ_j. */
    public double eigenvalue(int j) {
        return eigenvalues[j];
    }

    /** A copy of v_j; throws if vectors were not computed. */
    public double[] eigenvector(int j) {
        if (eigenvectors == null) {
            throw new IllegalStateException("eigenvectors were not requested (route " + route + ")");
        }
        double[] v = new double[eigenvectors.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = eigenvectors.unsafe_get(i, j);
        }
        return v;
    }

    @Override
    public String toString() {
        return "GridEigenpairs[" + route + ", " + grid.describe() + ", λ = " + Arrays.toString(eigenvalues)
                + ", applications = " + operatorApplications + ", " + notes + "]";
    }
}
