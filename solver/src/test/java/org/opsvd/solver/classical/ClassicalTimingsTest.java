package org.opsvd.solver.classical;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opsvd.operators.Hamiltonian;
import org.opsvd.operators.grid.DiscreteHamiltonian;
import org.opsvd.operators.grid.Grid;
import org.opsvd.operators.grid.LaplacianStencil;

/**
 * Timings of the iterative routes (CPU seconds of the solving thread, one run after a small warm-up, including
 * assembly, the λ_min estimate, the factorisation and the degeneracy check). Slow: run with {@code -Pslow}.
 *
 * <p>Measured 2026-11-28 on the shared 2-core build box (JNI = libarpack2; F2J = pure Java,
 * {@code -Ddev.ludovic.netlib.arpack.allowNative=false}); every route vsFD ≤ 2e-13:
 * <pre>
 * 2D HO 256² o4, lowest 21, shift-invert     9.4 s JNI   11.7 s F2J   (181 solves, nnz(L) 7.4M)
 * 2D HO 256² o4, lowest 21, Chebyshev        2.6–3.6 s   5.6 s F2J    (m = 70, cut 10.5)
 * 3D HO 60³ o2, lowest 20, Chebyshev         5.1–5.7 s   12.5 s F2J   (m = 30, cut 7.3)
 * 2D H −1/r 400² L=20 o2, lowest 16, SI      19.1 s JNI  30.6 s F2J   (σ = −1.87, 439 solves)
 * </pre>
 */
@Tag("slow")
class ClassicalTimingsTest {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static GridEigenpairs timed(String label, Supplier<GridEigenpairs> run) {
        long t0 = CPU.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        GridEigenpairs r = run.get();
        double cpu = (CPU.getCurrentThreadCpuTime() - t0) * 1e-9;
        double wall = (System.nanoTime() - w0) * 1e-9;
        System.out.printf("%-44s cpu %6.2f s  wall %6.2f s  applications %6d  ARPACK %s%n  %s%n", label, cpu, wall,
                r.operatorApplications(), ArpackLanczos.implementation(), r.notes());
        return r;
    }

    private static double vsOracle(GridEigenpairs r, GridEigenpairs oracle) {
        double m = 0;
        for (int j = 0; j < r.count(); j++) {
            m = Math.max(m, Math.abs(r.eigenvalue(j) - oracle.eigenvalue(j)) / Math.abs(oracle.eigenvalue(j)));
        }
        return m;
    }

    @Test
    void oscillator2d256Order4() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1));
        Grid g = Grid.dirichlet(2, 256, 7);
        LaplacianStencil s = LaplacianStencil.FOURTH_ORDER;
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
        GridEigenpairs oracle = KroneckerSolver.solve(h, g, s, 21, false);
        timed("warm-up 64^2 shift-invert", () -> new ShiftInvertSolver().solve(
                DiscreteHamiltonian.of(h, Grid.dirichlet(2, 64, 7), s), 21, true));
        GridEigenpairs si = timed("2D HO 256^2 o4 lowest 21 shift-invert", () -> new ShiftInvertSolver().solve(dh, 21, true));
        System.out.printf("  vsFD %.2e, max residual %.2e%n", vsOracle(si, oracle), Residuals.max(dh, si));
        GridEigenpairs ch = timed("2D HO 256^2 o4 lowest 21 chebyshev", () -> new ChebyshevFilterSolver().solve(dh, 21, true));
        System.out.printf("  vsFD %.2e, max residual %.2e%n", vsOracle(ch, oracle), Residuals.max(dh, ch));
        assertTrue(vsOracle(si, oracle) < 1e-9 && vsOracle(ch, oracle) < 1e-9);
    }

    @Test
    void oscillator3d60() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.oscillator(1, 1, 1));
        Grid g = Grid.dirichlet(3, 60, 6);
        LaplacianStencil s = LaplacianStencil.SECOND_ORDER;
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, s);
        GridEigenpairs oracle = KroneckerSolver.solve(h, g, s, 20, false);
        timed("warm-up 16^3 chebyshev", () -> new ChebyshevFilterSolver().solve(
                DiscreteHamiltonian.of(h, Grid.dirichlet(3, 16, 6), s), 20, true));
        GridEigenpairs ch = timed("3D HO 60^3 o2 lowest 20 chebyshev", () -> new ChebyshevFilterSolver().solve(dh, 20, true));
        System.out.printf("  vsFD %.2e, max residual %.2e%n", vsOracle(ch, oracle), Residuals.max(dh, ch));
        assertTrue(vsOracle(ch, oracle) < 1e-9);
    }

    @Test
    void hydrogen2d400() {
        Hamiltonian h = Hamiltonian.of(TestPotentials.coulomb());
        Grid g = Grid.dirichlet(2, 400, 20);
        DiscreteHamiltonian dh = DiscreteHamiltonian.of(h, g, LaplacianStencil.SECOND_ORDER);
        GridEigenpairs si = timed("2D H 400^2 L=20 o2 lowest 16 shift-invert",
                () -> new ShiftInvertSolver().solve(dh, 16, true));
        System.out.println("  λ = " + java.util.Arrays.toString(si.eigenvalues()));
        System.out.printf("  max residual %.2e%n", Residuals.max(dh, si));
        assertTrue(Residuals.max(dh, si) < 1e-6);
    }
}
