package org.opsvd.operators;

import java.util.List;
import org.opsvd.operators.action.Jet;
import org.opsvd.operators.action.LocalDensity;
import org.opsvd.operators.action.LocalOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A Schrödinger operator H = −c·Δ + V on R^d.
 *
 * <p>Its importance-weighted action ({@link LocalOperator}) on ψ = √p·f, with the fields V(x), ∇log p(x) and
 * Δ√p/√p(x):
 * <pre>  H̃f = H(√p f)/√p = V·f − c·(Δf + ∇log p·∇f + (Δ√p/√p)·f).</pre>
 *
 * <p>The kinetic coefficient c is ½ in the physicists' convention (the project default, atomic units) and
 * 1 in the NeuralSVD reference code's convention. Spectra in one convention are not a rescaling of the
 * other unless V is rescaled too, so the coefficient is part of the operator's identity.
 *
 * @param kinetic   the coefficient c &gt; 0 of −Δ
 * @param potential the potential V
 */
public record Hamiltonian(double kinetic, Potential potential) implements LocalOperator {

    /** The physicists' kinetic coefficient, ½. */
    public static final double PHYSICS = 0.5;
    /** The NeuralSVD reference code's kinetic coefficient, 1. */
    public static final double REFERENCE_CODE = 1.0;

    public Hamiltonian {
        if (!(kinetic > 0) || !Double.isFinite(kinetic)) {
            throw new IllegalArgumentException("kinetic coefficient must be positive and finite, got " + kinetic);
        }
        if (potential == null) {
            throw new IllegalArgumentException("potential must not be null");
        }
    }

    /** H = −½Δ + V. */
    public static Hamiltonian of(Potential potential) {
        return new Hamiltonian(PHYSICS, potential);
    }

    /** The dimension d. */
    @Override
    public int dimension() {
        return potential.dimension();
    }

    @Override
    public List<Field> fields() {
        return List.of(Field.scalar("potential"), Field.vector("drift", dimension()), Field.scalar("curvature"));
    }

    @Override
    public boolean fields(double[] x, LocalDensity density, double[][] out) {
        double v = potential.value(x);
        out[0][0] = v;
        if (!Double.isFinite(v)) {
            return false;
        }
        System.arraycopy(density.logGradient(), 0, out[1], 0, dimension());
        out[2][0] = density.curvature();
        return true;
    }

    @Override
    public <T extends TFloating> Operand<T> act(Ops tf, Jet<T> jet, List<? extends Operand<T>> fields) {
        if (jet.gradient() == null) {
            throw new IllegalStateException("the importance-weighted Hamiltonian needs the gradient of f");
        }
        Operand<T> f = jet.value();
        // Σ_i drift[b,i]·∂_i f[b,l]: drift [B,d,1] * gradient [B,d,L], summed over d.
        Operand<T> driftTerm = tf.reduceSum(tf.math.mul(tf.expandDims(fields.get(1), tf.constant(2)),
                jet.gradient()), tf.constant(1));
        Operand<T> curvature = tf.math.mul(tf.expandDims(fields.get(2), tf.constant(1)), f);
        Operand<T> laplacian = tf.math.add(tf.math.add(jet.laplacian(), driftTerm), curvature);
        Operand<T> v = tf.math.mul(tf.expandDims(fields.get(0), tf.constant(1)), f);
        return tf.math.sub(v, tf.math.mul(LocalOperator.scalar(tf, jet, kinetic), laplacian));
    }

    @Override
    public double act(double[][] fields, double value, double[] gradient, double laplacian) {
        double drift = 0;
        for (int j = 0; j < gradient.length; j++) {
            drift += fields[1][j] * gradient[j];
        }
        return fields[0][0] * value - kinetic * (laplacian + drift + fields[2][0] * value);
    }

    /** The formula, e.g. {@code "-0.5*Δ + 0.5*(x^2+y^2)"}. */
    @Override
    public String describe() {
        return "-" + kinetic + "·Δ + " + potential.describe();
    }
}
