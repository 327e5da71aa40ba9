package org.opsvd.solver.classical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.StringJoiner;

import org.opsvd.operators.CentralPotential;
import org.opsvd.operators.Hamiltonian;

/**
 * An accurate reference spectrum of H = −c·Δ + v(|x|) in 2D or 3D from one radial problem per angular
 * momentum.
 *
 * <p>Separation: ψ = R(r)e^{imθ} in 2D, −c(1/r)(rR')' + (c·m²/r² + v)R = E R; ψ = (u(r)/r)Y_ℓm in 3D,
 * −c·u'' + (c·ℓ(ℓ+1)/r² + v)u = E u with u(0) = 0. Each channel is discretised by the cell-centred
 * finite-volume scheme of {@link RadialFiniteVolume} (second order, also for the Coulomb singularity,
 * Dirichlet wall at rMax) and its lowest eigenvalues are found by Sturm bisection on the symmetric
 * tridiagonal matrix ({@link SymmetricTridiagonal}). With extrapolation on (the default) every level is
 * computed on h and h/2 and the Richardson value (4E_{h/2} − E_h)/3 is returned.
 *
 * <p>Levels across channels are merged in ascending order (a priority queue: channel ℓ+1 is opened when
 * the ground level of channel ℓ is taken, since the centrifugal term makes E_{ℓ+1,j} ≥ E_{ℓ,j}), grouped into
 * shells when their energies agree within {@link RadialOptions#groupTolerance()}, and the lowest complete
 * shells covering at least minStates states are returned. Degeneracies: 2D m = 0 once, |m| ≥ 1 twice (±m);
 * 3D 2ℓ+1.
 *
 * <p>Cost: O(rMax/h) per count, about 80 counts per eigenvalue, 3 eigenvalues per level (h, h/2, and the
 * wall check). 2D hydrogen, 16 states: a few tens of ms (see the tests).
 */
public final class RadialReference {

    private RadialReference() {
    }

    /** {@link #solve(CentralPotential, int, double, int, RadialOptions)} with {@link RadialOptions#defaults}. */
    public static RadialSpectrum solve(CentralPotential v, int dimension, double kinetic, int minStates) {
        requireKinetic(kinetic);
        return solve(v, dimension, kinetic, minStates, RadialOptions.defaults(kinetic));
    }

    /** The spectrum of a Hamiltonian whose potential is central, with default options. */
    public static RadialSpectrum solve(Hamiltonian hamiltonian, int minStates) {
        return solve(hamiltonian, minStates, RadialOptions.defaults(hamiltonian.kinetic()));
    }

    /** The spectrum of a Hamiltonian whose potential is central. */
    public static RadialSpectrum solve(Hamiltonian hamiltonian, int minStates, RadialOptions options) {
        if (hamiltonian == null) {
            throw new IllegalArgumentException("hamiltonian must not be null");
        }
        if (!(hamiltonian.potential() instanceof CentralPotential central)) {
            throw new IllegalArgumentException("the potential " + hamiltonian.potential().describe()
                    + " is not a CentralPotential; the radial reference needs V(x) = v(|x|)");
        }
        return solve(central, hamiltonian.dimension(), hamiltonian.kinetic(), minStates, options);
    }

    /**
     * The lowest complete shells of −c·Δ + v(|x|) that hold at least minStates states.
     *
     * @param v         the central potential; v(r) is evaluated at cell centres r &gt; 0 only
     * @param dimension 2 or 3 (must equal v.dimension())
     * @param kinetic   c &gt; 0 (½ physicists', 1 the NeuralSVD reference code's)
     * @param minStates the number of states wanted, ≥ 1; more are returned to complete the last shell
     * @param options   grid, box and tolerances
     * @throws IllegalArgumentException on a bad argument, or when v is not finite at a grid point (the
     *                                  message names r)
     */
    public static RadialSpectrum solve(CentralPotential v, int dimension, double kinetic, int minStates,
                                       RadialOptions options) {
        long start = System.nanoTime();
        if (v == null) {
            throw new IllegalArgumentException("potential must not be null");
        }
        if (dimension != 2 && dimension != 3) {
            throw new IllegalArgumentException("dimension must be 2 or 3, got " + dimension);
        }
        if (v.dimension() != dimension) {
            throw new IllegalArgumentException("the potential " + v.describe() + " has dimension " + v.dimension()
                    + " but dimension " + dimension + " was requested");
        }
        requireKinetic(kinetic);
        if (minStates < 1) {
            throw new IllegalArgumentException("minStates must be at least 1, got " + minStates);
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        int cells = options.cells();
        RadialOptions used = new RadialOptions(options.rMax(), options.rMax() / cells, options.extrapolate(),
                options.groupTolerance(), options.wallTolerance());
        Channels channels = new Channels(v, dimension, kinetic, used, cells);

        PriorityQueue<RadialLevel> queue = new PriorityQueue<>(
                Comparator.comparingDouble(RadialLevel::energy).thenComparingInt(RadialLevel::angular));
        queue.add(channels.level(0, 0));
        List<List<RadialLevel>> groups = new ArrayList<>();
        double ground = Double.NaN;
        int count = 0;
        while (!queue.isEmpty()) {
            RadialLevel next = queue.peek();
            List<RadialLevel> current = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            boolean joins = current != null && sameShell(current.get(0).energy(), next.energy(), ground,
                    used.groupTolerance());
            if (count >= minStates && !joins) {
                break;
            }
            queue.poll();
            if (next.radialIndex() == 0) {
                queue.add(channels.level(next.angular() + 1, 0));
            }
            if (next.radialIndex() + 1 < cells) {
                queue.add(channels.level(next.angular(), next.radialIndex() + 1));
            }
            if (groups.isEmpty()) {
                ground = next.energy();
            }
            if (!joins) {
                current = new ArrayList<>();
                groups.add(current);
            }
            current.add(next);
            count += next.degeneracy();
        }
        return assemble(dimension, kinetic, minStates, used, groups, start);
    }

    private static void requireKinetic(double kinetic) {
        if (!(kinetic > 0) || !Double.isFinite(kinetic)) {
            throw new IllegalArgumentException("kinetic coefficient must be positive and finite, got " + kinetic);
        }
    }

    /** Whether energies a (the first of a shell) and b belong to the same shell. */
    static boolean sameShell(double a, double b, double ground, double tolerance) {
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-3 * Math.abs(ground));
        return Math.abs(a - b) <= tolerance * scale;
    }

    private static RadialSpectrum assemble(int dimension, double kinetic, int minStates, RadialOptions used,
                                           List<List<RadialLevel>> groups, long start) {
        List<RadialShell> shells = new ArrayList<>();
        List<RadialState> states = new ArrayList<>();
        List<RadialLevel> wallBound = new ArrayList<>();
        for (List<RadialLevel> group : groups) {
            double weighted = 0;
            int degeneracy = 0;
            for (RadialLevel level : group) {
                weighted += level.degeneracy() * level.energy();
                degeneracy += level.degeneracy();
                for (int mag : magnetic(dimension, level.angular())) {
                    states.add(new RadialState(level.energy(), level.radialIndex(), level.angular(), mag));
                }
                if (level.boundByWall(used.wallTolerance())) {
                    wallBound.add(level);
                }
            }
            shells.add(new RadialShell(weighted / degeneracy, degeneracy, label(dimension, group), group));
        }
        double[] energies = new double[states.size()];
        for (int i = 0; i < energies.length; i++) {
            energies[i] = states.get(i).energy();
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "returned %d states in %d complete shells for %d requested",
                energies.length, shells.size(), minStates));
        int shown = 0;
        for (RadialLevel level : wallBound) {
            if (shown++ == 10) {
                notes.add("... and " + (wallBound.size() - 10) + " more levels bound by the wall");
                break;
            }
            notes.add(String.format(Locale.ROOT,
                    "the wall binds level n_r=%d %s=%d (E=%.8g): moving the wall to 0.9·rMax shifts it by %.2e"
                            + " relative (tolerance %.1e); it has not decayed at rMax=%g, so it is partly or wholly"
                            + " a box state: increase rMax or ask for fewer states",
                    level.radialIndex(), dimension == 2 ? "|m|" : "ℓ", level.angular(), level.energy(),
                    level.wallShift() / Math.abs(level.energy()), used.wallTolerance(), used.rMax()));
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return new RadialSpectrum(dimension, kinetic, minStates, energies, shells, states, used, notes, seconds);
    }

    private static int[] magnetic(int dimension, int angular) {
        if (dimension == 2) {
            return angular == 0 ? new int[] {0} : new int[] {angular, -angular};
        }
        int[] m = new int[2 * angular + 1];
        for (int i = 0; i < m.length; i++) {
            m[i] = i - angular;
        }
        return m;
    }

    private static String label(int dimension, List<RadialLevel> group) {
        List<RadialLevel> byAngular = new ArrayList<>(group);
        byAngular.sort(Comparator.comparingInt(RadialLevel::angular).thenComparingInt(RadialLevel::radialIndex));
        StringJoiner joiner = new StringJoiner(",", dimension == 2 ? "m=" : "ℓ=", "");
        for (RadialLevel level : byAngular) {
            int a = level.angular();
            joiner.add(dimension == 2 && a != 0 ? "±" + a : Integer.toString(a));
        }
        return joiner.toString();
    }

    /** The radial channels on the base grid (and on h/2 when extrapolating), built on demand. */
    private static final class Channels {
        private final int dimension;
        private final RadialOptions options;
        private final RadialFiniteVolume coarse;
        private final RadialFiniteVolume fine;
        private final int wallBlock;
        private final List<SymmetricTridiagonal> coarseChannels = new ArrayList<>();
        private final List<SymmetricTridiagonal> fineChannels = new ArrayList<>();

        Channels(CentralPotential v, int dimension, double kinetic, RadialOptions options, int cells) {
            this.dimension = dimension;
            this.options = options;
            this.coarse = new RadialFiniteVolume(v::radialValue, dimension, kinetic, options.rMax(), cells);
            this.fine = options.extrapolate()
                    ? new RadialFiniteVolume(v::radialValue, dimension, kinetic, options.rMax(), 2 * cells)
                    : null;
            this.wallBlock = (int) Math.floor(0.9 * cells);
        }

        RadialLevel level(int angular, int radialIndex) {
            SymmetricTridiagonal base = channel(coarse, coarseChannels, angular);
            double coarseEnergy = base.eigenvalue(radialIndex);
            double scale = Math.abs(coarseEnergy) + Double.MIN_NORMAL;
            // Interlacing: the truncated block's eigenvalue is ≥ the full one; ~1e-10 relative is plenty.
            double walled = radialIndex < wallBlock
                    ? base.eigenvalue(radialIndex, wallBlock, coarseEnergy, coarseEnergy + 1e-3 * scale, 1e-10 * scale)
                    : Double.POSITIVE_INFINITY;
            double energy = coarseEnergy;
            if (options.extrapolate()) {
                // E_{h/2} differs from E_h by about ¾ of the O(h²) error: search near E_h first.
                double fineEnergy = channel(fine, fineChannels, angular).eigenvalue(radialIndex, fine.cells(),
                        coarseEnergy - 1e-2 * scale, coarseEnergy + 1e-2 * scale, 0);
                energy = (4 * fineEnergy - coarseEnergy) / 3;
            }
            int degeneracy = dimension == 2 ? (angular == 0 ? 1 : 2) : 2 * angular + 1;
            return new RadialLevel(angular, radialIndex, degeneracy, energy, energy - coarseEnergy,
                    walled - coarseEnergy);
        }

        private static SymmetricTridiagonal channel(RadialFiniteVolume grid, List<SymmetricTridiagonal> cache,
                                                    int angular) {
            while (cache.size() <= angular) {
                cache.add(grid.channel(cache.size()));
            }
            return cache.get(angular);
        }
    }
}
