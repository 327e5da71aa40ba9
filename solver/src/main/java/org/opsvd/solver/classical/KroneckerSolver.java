package org.opsvd.solver.classical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.ops.DConvertMatrixStruct;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.Potential;
import org.opsvd.operators.SeparablePotential;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/**
 * The exact finite-difference spectrum of a separable Hamiltonian, V(x) = Σ_a v_a(x_a).
 *
 * <p>On a tensor grid H_h = Σ_a I ⊗ … ⊗ H_a ⊗ … ⊗ I (a Kronecker sum), H_a = −c·D²_h + diag(v_a) the 1D
 * matrix with the same stencil and boundary. So its eigenvalues are the sums λ = Σ_a ε_{a,i_a} of 1D
 * eigenvalues and its eigenvectors the tensor products ⊗_a u_{a,i_a}. The 1D problems are solved densely
 * (O(n³), milliseconds) and the k smallest sums found best-first with a priority queue. The test oracle for
 * the iterative solvers. Within a degenerate level the basis is the tensor-product one.
 */
public final class KroneckerSolver {

    private KroneckerSolver() {
    }

    /**
     * The k lowest eigenpairs of the discretisation of h on the grid.
     *
     * @throws IllegalArgumentException if the potential is not a {@link SeparablePotential}, or k ∉ 1..size
     */
    public static GridEigenpairs solve(Hamiltonian h, Grid grid, LaplacianStencil stencil, int k, boolean vectors) {
        if (!(h.potential() instanceof SeparablePotential sep)) {
            throw new IllegalArgumentException("the Kronecker solver needs a SeparablePotential, got "
                    + h.potential().describe());
        }
        if (sep.dimension() != grid.dimension()) {
            throw new IllegalArgumentException("potential is " + sep.dimension() + "-dimensional but the grid is "
                    + grid.dimension() + "-dimensional");
        }
        int size = grid.size();
        if (k < 1 || k > size) {
            throw new IllegalArgumentException("number of eigenpairs k must satisfy 1 <= k <= grid size " + size
                    + ", got " + k);
        }
        int d = grid.dimension();
        int n = grid.pointsPerAxis();
        Grid line = new Grid(1, n, grid.halfWidth(), grid.boundary());
        DMatrixRMaj[] axes = new DMatrixRMaj[d];
        for (int a = 0; a < d; a++) {
            DiscreteHamiltonian h1 = DiscreteHamiltonian.of(new Hamiltonian(h.kinetic(), axisPotential(sep, a)), line,
                    stencil);
            axes[a] = DConvertMatrixStruct.convert(h1.toSparse(), (DMatrixRMaj) null);
        }
        return sums(axes, grid, k, vectors, "kronecker", d + " dense 1D problems of size " + n);
    }

    /**
     * The k lowest eigenpairs of the Kronecker sum Σ_a I ⊗ … ⊗ A_a ⊗ … ⊗ I of dense symmetric n × n matrices
     * (one per axis) on the grid: sums of 1D eigenvalues, tensor products of 1D eigenvectors.
     *
     * @throws IllegalArgumentException if k ∉ 1..size or a matrix is not n × n
     */
    public static GridEigenpairs sums(DMatrixRMaj[] axes, Grid grid, int k, boolean vectors, String route,
                                      String notes) {
        int d = grid.dimension();
        int n = grid.pointsPerAxis();
        int size = grid.size();
        if (axes.length != d) {
            throw new IllegalArgumentException("need " + d + " axis matrices, got " + axes.length);
        }
        if (k < 1 || k > size) {
            throw new IllegalArgumentException("number of eigenpairs k must satisfy 1 <= k <= grid size " + size
                    + ", got " + k);
        }
        double[][] eps = new double[d][];
        DMatrixRMaj[] u = new DMatrixRMaj[d];
        for (int a = 0; a < d; a++) {
            if (axes[a].numRows != n || axes[a].numCols != n) {
                throw new IllegalArgumentException("axis matrix " + a + " is " + axes[a].numRows + "×"
                        + axes[a].numCols + ", expected " + n + "×" + n);
            }
            DenseSolver.Eigen e = DenseSolver.lowest(axes[a], n, vectors);
            eps[a] = e.values();
            u[a] = e.vectors();
        }
        List<int[]> tuples = smallestSums(eps, k);
        double[] values = new double[k];
        DMatrixRMaj vec = vectors ? new DMatrixRMaj(size, k) : null;
        int[] digits = new int[d];
        for (int j = 0; j < k; j++) {
            int[] t = tuples.get(j);
            double s = 0;
            for (int a = 0; a < d; a++) {
                s += eps[a][t[a]];
            }
            values[j] = s;
            if (vec != null) {
                for (int p = 0; p < size; p++) {
                    int rem = p;
                    for (int a = d - 1; a >= 0; a--) {
                        digits[a] = rem % n;
                        rem /= n;
                    }
                    double prod = 1;
                    for (int a = 0; a < d; a++) {
                        prod *= u[a].data[digits[a] * n + t[a]];
                    }
                    vec.data[p * k + j] = prod;
                }
            }
        }
        return new GridEigenpairs(grid, values, vec, route, 0, notes);
    }

    /** The 1D potential t ↦ v_axis(t). */
    private static Potential axisPotential(SeparablePotential sep, int axis) {
        return new Potential() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double value(double[] x) {
                return sep.axisValue(axis, x[0]);
            }

            @Override
            public String describe() {
                return "axis " + axis + " of " + sep.describe();
            }
        };
    }

    /** The k index tuples with the smallest Σ_a eps[a][i_a] (each eps[a] ascending), in ascending order. */
    static List<int[]> smallestSums(double[][] eps, int k) {
        int d = eps.length;
        int n = eps[0].length;
        record Node(double sum, long key, int[] idx) {
        }
        PriorityQueue<Node> queue = new PriorityQueue<>((x, y) -> x.sum != y.sum ? Double.compare(x.sum, y.sum)
                : Long.compare(x.key, y.key));
        Set<Long> seen = new HashSet<>();
        int[] start = new int[d];
        queue.add(new Node(sum(eps, start), 0L, start));
        seen.add(0L);
        List<int[]> out = new ArrayList<>(k);
        while (out.size() < k) {
            Node top = queue.poll();
            out.add(top.idx);
            for (int a = 0; a < d; a++) {
                if (top.idx[a] + 1 < n) {
                    int[] next = top.idx.clone();
                    next[a]++;
                    long key = 0;
                    for (int b = 0; b < d; b++) {
                        key = key * n + next[b];
                    }
                    if (seen.add(key)) {
                        queue.add(new Node(sum(eps, next), key, next));
                    }
                }
            }
        }
        return out;
    }

    private static double sum(double[][] eps, int[] idx) {
        double s = 0;
        for (int a = 0; a < idx.length; a++) {
            s += eps[a][idx[a]];
        }
        return s;
    }
}
