package org.opsvd.solver.neural;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * Elementwise activation σ with its first two derivatives as graph ops, as needed by the forward
 * Laplacian (Δσ(z) = σ'(z)Δz + σ''(z)|∇z|²). All operands keep the shape of z.
 */
public enum Activation {
  /** σ = log(1+e^z) (β = 1); σ' = s = sigmoid(z); σ'' = s(1−s). */
  SOFTPLUS {
    @Override
    public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> z) {
      return tf.math.softplus(z);
    }

    @Override
    public <T extends TFloating> Values<T> derivatives(Ops tf, Operand<T> z) {
      Operand<T> s = tf.math.sigmoid(z);
      Operand<T> one = Graphs.scalar(tf, z, 1.0);
      return new Values<>(tf.math.softplus(z), s, tf.math.mul(s, tf.math.sub(one, s)));
    }
  },
  /** σ = tanh z; σ' = 1−t²; σ'' = −2t(1−t²). */
  TANH {
    @Override
    public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> z) {
      return tf.math.tanh(z);
    }

    @Override
    public <T extends TFloating> Values<T> derivatives(Ops tf, Operand<T> z) {
      Operand<T> t = tf.math.tanh(z);
      Operand<T> d1 = tf.math.sub(Graphs.scalar(tf, z, 1.0), tf.math.square(t));
      Operand<T> d2 = tf.math.mul(Graphs.scalar(tf, z, -2.0), tf.math.mul(t, d1));
      return new Values<>(t, d1, d2);
    }
  },
  /** σ = sin z; σ' = cos z; σ'' = −sin z. */
  SIN {
    @Override
    public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> z) {
      return tf.math.sin(z);
    }

    @Override
    public <T extends TFloating> Values<T> derivatives(Ops tf, Operand<T> z) {
      Operand<T> s = tf.math.sin(z);
      return new Values<>(s, tf.math.cos(z), tf.math.neg(s));
    }
  },
  /**
   * Exact (erf) GELU: σ = z·Φ(z) = ½z(1+erf(z/√2)); σ' = Φ(z) + zφ(z); σ'' = φ(z)(2−z²), with
   * φ(z) = e^{−z²/2}/√(2π). Not the tanh approximation.
   */
  GELU {
    @Override
    public <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> z) {
      return tf.math.mul(z, cdf(tf, z));
    }

    @Override
    public <T extends TFloating> Values<T> derivatives(Ops tf, Operand<T> z) {
      Operand<T> cdf = cdf(tf, z);
      Operand<T> z2 = tf.math.square(z);
      Operand<T> pdf = tf.math.mul(Graphs.scalar(tf, z, 1.0 / Math.sqrt(2 * Math.PI)),
          tf.math.exp(tf.math.mul(Graphs.scalar(tf, z, -0.5), z2)));
      return new Values<>(tf.math.mul(z, cdf), tf.math.add(cdf, tf.math.mul(z, pdf)),
          tf.math.mul(pdf, tf.math.sub(Graphs.scalar(tf, z, 2.0), z2)));
    }

    private <T extends TFloating> Operand<T> cdf(Ops tf, Operand<T> z) {
      Operand<T> e = tf.math.erf(tf.math.mul(z, Graphs.scalar(tf, z, Math.sqrt(0.5))));
      return tf.math.mul(Graphs.scalar(tf, z, 0.5), tf.math.add(Graphs.scalar(tf, z, 1.0), e));
    }
  };

  /** σ(z), σ'(z), σ''(z), each with the shape of z. */
  public record Values<T extends TFloating>(Operand<T> value, Operand<T> first, Operand<T> second) {}

  /** σ(z) only (the ops that nested reverse mode differentiates). */
  public abstract <T extends TFloating> Operand<T> apply(Ops tf, Operand<T> z);

  /** σ(z), σ'(z) and σ''(z). */
  public abstract <T extends TFloating> Values<T> derivatives(Ops tf, Operand<T> z);

  /** Parses a name case-insensitively ({@code softplus|tanh|sin|gelu}). */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static Activation parse(String name) {
    for (Activation a : values()) {
      if (a.name().equalsIgnoreCase(name.trim())) return a;
    }
    throw new IllegalArgumentException("unknown activation '" + name + "' (valid: "
        + Arrays.stream(values()).map(Activation::toString).collect(Collectors.joining(", ")) + ")");
  }

  @com.fasterxml.jackson.annotation.JsonValue

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
