package org.opsvd.operators.spectra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.IntToDoubleFunction;

/**
 * Lowest levels of a Kronecker-sum spectrum E(j) = Σ_i e_i(j_i), given each axis's 1D energies e_i(j),
 * j = 0, 1, 2, … in non-decreasing order.
 *
 * <p>Tuples are enumerated lazily in order of energy with a priority queue. Every non-zero tuple t has
 * exactly one parent t − e_k, k being its first non-zero index, so the children of t are t + e_i for
 * i ≤ (first non-zero index of t) (all i for t = 0). Each tuple is queued once and its energy is ≥ its
 * parent's, so the pops are sorted; the work is O(S·d·log S) for S enumerated states.
 *
 * <p>Consecutive states join a shell when |E − E_shell| ≤ {@value #RELATIVE_TOLERANCE}·max(|E|, |E_shell|),
 * E_shell being the first energy of the shell. This catches accidental degeneracies (3D box: 1²+1²+5² =
 * 3·3²) as well as symmetric ones. States in a shell are listed lexicographically by quantum numbers.
 */
final class SeparableLevels {

    /** Relative tolerance for two sums of 1D energies to count as the same level. */
    static final double RELATIVE_TOLERANCE = 1e-12;

    private final IntToDoubleFunction[] axisEnergies;
    private final int firstQuantumNumber;

    /**
     * @param axisEnergies       e_i(j) for each axis, non-decreasing in j ≥ 0
     * @param firstQuantumNumber the quantum number of index j = 0 (0 for the oscillator, 1 for the box)
     */
    SeparableLevels(IntToDoubleFunction[] axisEnergies, int firstQuantumNumber) {
        this.axisEnergies = axisEnergies.clone();
        this.firstQuantumNumber = firstQuantumNumber;
    }

    private record Node(double energy, int[] index) {
    }

    private static final Comparator<Node> ORDER = Comparator.comparingDouble(Node::energy)
            .thenComparing(Node::index, Arrays::compare);

    List<Level> levels(int minStates) {
        Args.requireMinStates(minStates);
        int d = axisEnergies.length;
        PriorityQueue<Node> queue = new PriorityQueue<>(ORDER);
        queue.add(node(new int[d]));
        List<Level> out = new ArrayList<>();
        List<int[]> shell = new ArrayList<>();
        double shellEnergy = Double.NaN;
        int states = 0;
        while (true) {
            Node top = queue.peek();
            if (!shell.isEmpty() && !sameLevel(top.energy, shellEnergy)) {
                out.add(level(shellEnergy, shell));
                states += shell.size();
                shell.clear();
                if (states >= minStates) {
                    return out;
                }
            }
            queue.poll();
            if (shell.isEmpty()) {
                shellEnergy = top.energy;
            }
            shell.add(top.index);
            int last = firstNonZero(top.index);
            for (int i = 0; i <= last; i++) {
                int[] child = top.index.clone();
                child[i]++;
                queue.add(node(child));
            }
        }
    }

    static boolean sameLevel(double a, double b) {
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    private Node node(int[] index) {
        double e = 0;
        for (int i = 0; i < index.length; i++) {
            e += axisEnergies[i].applyAsDouble(index[i]);
        }
        return new Node(e, index);
    }

    private static int firstNonZero(int[] index) {
        for (int i = 0; i < index.length; i++) {
            if (index[i] != 0) {
                return i;
            }
        }
        return index.length - 1;
    }

    private Level level(double energy, List<int[]> shell) {
        List<int[]> sorted = new ArrayList<>(shell);
        sorted.sort(Arrays::compare);
        List<List<Integer>> numbers = new ArrayList<>();
        for (int[] index : sorted) {
            numbers.add(Arrays.stream(index).map(j -> j + firstQuantumNumber).boxed().toList());
        }
        return new Level(energy, numbers.size(), label(numbers), numbers);
    }

    private static final int LABEL_STATES = 4;

    /** E.g. "(nx,ny)=(0,1),(1,0)" or "n=3"; long shells are cut after a few tuples with "…". */
    static String label(List<List<Integer>> numbers) {
        int d = numbers.get(0).size();
        StringBuilder sb = new StringBuilder(axisNames(d)).append('=');
        for (int s = 0; s < Math.min(numbers.size(), LABEL_STATES); s++) {
            if (s > 0) {
                sb.append(',');
            }
            sb.append(tuple(numbers.get(s)));
        }
        if (numbers.size() > LABEL_STATES) {
            sb.append(",…(").append(numbers.size()).append(" states)");
        }
        return sb.toString();
    }

    static String axisNames(int d) {
        if (d == 1) {
            return "n";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            names.add(d <= 3 ? "n" + "xyz".charAt(i) : "n" + (i + 1));
        }
        return "(" + String.join(",", names) + ")";
    }

    static String tuple(List<Integer> n) {
        if (n.size() == 1) {
            return n.get(0).toString();
        }
        return "(" + String.join(",", n.stream().map(String::valueOf).toList()) + ")";
    }
}
