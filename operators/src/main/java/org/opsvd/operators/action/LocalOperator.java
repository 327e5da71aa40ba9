package org.opsvd.operators.action;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * A linear differential operator A on functions of R^d, bounded below and self-adjoint, as the neural solver
 * learns it: the network's outputs f [B, L] at points x ~ p stand for ψ = √p·f, and A acts on them through its
 * importance-weighted form Ãf = A(√p·f)/√p, which needs only the jet (f, ∇f, Δf) and per-point coefficient
 * fields. One definition, two views that must agree:
 * <ul>
 *   <li>{@link #fields(double[], LocalDensity, double[][])}: the fields at one point, in float64 Java (from the
 *       operator's coefficients and the sampling density); the trainer feeds them, the loss never differentiates
 *       through them;</li>
 *   <li>{@link #act(Ops, Jet, List)}: Ãf [B, L] as graph ops on a network jet and the fed fields;</li>
 *   <li>{@link #act(double[][], double, double[], double)}: the same number for one output at one point, in
 *       float64 Java (evaluation).</li>
 * </ul>
 * The solver learns the lowest eigenpairs of A. Operators whose interesting spectrum is at the top (a Markov
 * generator, whose eigenvalues are ≤ 0) are solved as their negative and say so with {@link #reported(double)}.
 * A new operator is one class implementing this interface plus its catalog entry; the trainer never changes.
 */
public interface LocalOperator {

  /**
   * One per-point coefficient field.
   *
   * @param name  the placeholder's name in the training graph
   * @param width 0 for a scalar field (fed as [B]), k ≥ 1 for a vector field (fed as [B, k])
   */
  record Field(String name, int width) {
    public static Field scalar(String name) {
      return new Field(name, 0);
    }

    public static Field vector(String name, int width) {
      return new Field(name, width);
    }

    /** Numbers per point: 1 for a scalar field. */
    public int size() {
      return Math.max(1, width);
    }
  }

  /** The dimension d. */
  int dimension();

  /** The fields {@link #fields(double[], LocalDensity, double[][])} fills, in order. */
  List<Field> fields();

  /**
   * The fields at one point x, in float64: {@code out[i]} (length {@link Field#size()}) for field i.
   *
   * @return false where the operator is singular (e.g. a Coulomb nucleus): a null set the trainer redraws, and
   *     where evaluation takes Aψ := 0
   */
  boolean fields(double[] x, LocalDensity density, double[][] out);

  /** Ãf [B, L] from the jet of f (value [B, L], gradient [B, d, L], Laplacian [B, L]) and the fed fields. */
  <T extends TFloating> Operand<T> act(Ops tf, Jet<T> jet, List<? extends Operand<T>> fields);

  /**
   * Ãf for one output at one point, float64.
   *
   * @param fields    as filled by {@link #fields(double[], LocalDensity, double[][])} at that point
   * @param value     f(x)
   * @param gradient  ∇f(x), length d
   * @param laplacian Δf(x)
   */
  double act(double[][] fields, double value, double[] gradient, double laplacian);

  /** The eigenvalue to report for an eigenvalue e of A (identity unless A is the negative of the operator of interest). */
  default double reported(double e) {
    return e;
  }

  /** A short formula, e.g. {@code -0.5·Δ + 0.5*(x^2+y^2)}. */
  String describe();

  /** A scalar constant of the jet's floating type. */
  static <T extends TFloating> Operand<T> scalar(Ops tf, Jet<T> jet, double value) {
    return tf.dtypes.cast(tf.constant(value), jet.value().type());
  }
}
