package org.opsvd.solver.classical;

import org.ejml.data.DMatrixRMaj;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.grid.DvrHamiltonian;
import org.opsvd.operators.grid.DvrKinetic;
import org.opsvd.operators.grid.Grid;

/**
 * The lowest eigenpairs of the DVR discretisation ({@link DvrHamiltonian}) of −c·Δ + V on a grid, by the
 * cheapest exact route for its structure:
 * <ul>
 *   <li>separable V = Σ_a v_a(x_a): Kronecker sums of the d dense 1D DVR problems c·T + diag(v_a)
 *       ({@link KroneckerSolver#sums}), milliseconds;</li>
 *   <li>n^d ≤ {@value #DENSE_LIMIT} (all 1D problems): the assembled dense matrix, EJML;</li>
 *   <li>otherwise: matrix-free Chebyshev-filtered Lanczos ({@link ChebyshevFilterSolver}) on the Kronecker-sum
 *       product, d·n^{d+1} multiply-adds per product.</li>
 * </ul>
 */
public final class DvrSolver {

    /** Largest matrix size solved densely. */
    public static final int DENSE_LIMIT = 256;

    private final ChebyshevFilterSolver chebyshev;

    /** With the default Chebyshev options. */
    public DvrSolver() {
        this(new ChebyshevFilterSolver());
    }

    public DvrSolver(ChebyshevFilterSolver chebyshev) {
        this.chebyshev = chebyshev;
    }

    /**
     * The nev lowest eigenpairs.
     *
     * @throws IllegalArgumentException if nev does not fit the grid or V is not finite on it
     */
    public GridEigenpairs solve(Hamiltonian h, Grid grid, int nev, boolean vectors) {
        int n = grid.pointsPerAxis();
        int d = grid.dimension();
        if (h.potential() instanceof SeparablePotential sep) {
            DvrKinetic t = DvrKinetic.of(grid);
            DMatrixRMaj[] axes = new DMatrixRMaj[d];
            for (int a = 0; a < d; a++) {
                axes[a] = new DMatrixRMaj(n, n);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        axes[a].set(i, j, h.kinetic() * t.get(i, j));
                    }
                    double v = sep.axisValue(a, grid.coordinate(i));
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("potential " + sep.describe() + " is " + v + " at x_" + a
                                + " = " + grid.coordinate(i));
                    }
                    axes[a].add(i, i, v);
                }
            }
            return KroneckerSolver.sums(axes, grid, nev, vectors, "dvr",
                    "Kronecker sums of " + d + " dense 1D DVR problems of size " + n);
        }
        DvrHamiltonian dvr = DvrHamiltonian.of(h, grid);
        int size = dvr.size();
        if (size <= DENSE_LIMIT) {
            DMatrixRMaj m = new DMatrixRMaj(size, size);
            double[] e = new double[size];
            double[] col = new double[size];
            for (int j = 0; j < size; j++) {
                e[j] = 1;
                dvr.apply(e, col);
                e[j] = 0;
                for (int i = 0; i < size; i++) {
                    m.set(i, j, col[i]);
                }
            }
            for (int i = 0; i < size; i++) { // exact symmetry against rounding in the products
                for (int j = i + 1; j < size; j++) {
                    double s = 0.5 * (m.get(i, j) + m.get(j, i));
                    m.set(i, j, s);
                    m.set(j, i, s);
                }
            }
            DenseSolver.Eigen eig = DenseSolver.lowest(m, nev, vectors);
            return new GridEigenpairs(grid, eig.values(), eig.vectors(), "dvr", 0, "dense DVR matrix, n = " + size);
        }
        GridEigenpairs p = chebyshev.solve(dvr, nev, vectors);
        return new GridEigenpairs(grid, p.eigenvalues(), p.eigenvectors(), "dvr", p.operatorApplications(),
                "Chebyshev-filtered Lanczos on the DVR matrix: " + p.notes());
    }
}
