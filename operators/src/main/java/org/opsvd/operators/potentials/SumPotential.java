package org.opsvd.operators.potentials;

import java.util.ArrayList;
import java.util.List;
import org.opsvd.operators.Potential;

/** V = Σ_k V_k, a sum of potentials of one dimension. Nested sums are flattened. */
public final class SumPotential implements Potential {

    private final List<Potential> terms;

    private SumPotential(List<Potential> terms) {
        this.terms = List.copyOf(terms);
    }

    /** The sum a + b, flattening nested sums. */
    public static SumPotential of(Potential a, Potential b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("cannot add potentials of dimension " + a.dimension()
                    + " and " + b.dimension());
        }
        List<Potential> all = new ArrayList<>();
        for (Potential p : new Potential[] {a, b}) {
            if (p instanceof SumPotential s) {
                all.addAll(s.terms);
            } else {
                all.add(p);
            }
        }
        return new SumPotential(all);
    }

    public List<Potential> terms() {
        return terms;
    }

    @Override
    public int dimension() {
        return terms.get(0).dimension();
    }

    @Override
    public double value(double[] x) {
        double v = 0;
        for (Potential t : terms) {
            v += t.value(x);
        }
        return v;
    }

    /** The terms' centres; centres at the same point add their charges. */
    @Override
    public List<org.opsvd.operators.CoulombCentre> coulombCentres() {
        List<org.opsvd.operators.CoulombCentre> merged = new java.util.ArrayList<>();
        for (Potential t : terms) {
            for (org.opsvd.operators.CoulombCentre c : t.coulombCentres()) {
                int same = -1;
                for (int i = 0; i < merged.size(); i++) {
                    if (java.util.Arrays.equals(merged.get(i).position(), c.position())) {
                        same = i;
                    }
                }
                if (same < 0) {
                    merged.add(c);
                } else {
                    merged.set(same, new org.opsvd.operators.CoulombCentre(c.position(),
                            merged.get(same).charge() + c.charge()));
                }
            }
        }
        return List.copyOf(merged);
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Potential t : terms) {
            if (sb.length() > 0) {
                sb.append(" + ");
            }
            sb.append('(').append(t.describe()).append(')');
        }
        return sb.toString();
    }
}
