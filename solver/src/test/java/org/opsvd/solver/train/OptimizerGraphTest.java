package org.opsvd.solver.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opsvd.solver.neural.Precision;
import org.opsvd.solver.neural.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * The graph optimisers follow PyTorch's update rules exactly: five steps on the loss ½Σ c_i θ_i²
 * (gradient c∘θ) agree with a plain-Java transcription of the rules to 1e-14 in float64.
 */
class OptimizerGraphTest {

  private static final double[] C = {0.5, 2.0, -1.0};
  private static final double[] THETA0 = {1.0, -0.3, 0.7};

  @Test
  void rmspropMatchesTheTorchRule() {
    OptimizerSpec spec = OptimizerSpec.rmsprop();
    assertArraysClose(javaSteps(spec, 0.01, 5), graphSteps(spec, 0.01, 5));
  }

  @Test
  void adamMatchesTheTorchRuleWithBiasCorrection() {
    OptimizerSpec spec = OptimizerSpec.adam();
    assertArraysClose(javaSteps(spec, 0.01, 5), graphSteps(spec, 0.01, 5));
  }

  private static double[] javaSteps(OptimizerSpec spec, double lr, int steps) {
    double[] theta = THETA0.clone();
    double[] m = new double[3];
    double[] v = new double[3];
    for (int t = 1; t <= steps; t++) {
      for (int i = 0; i < 3; i++) {
        double g = C[i] * theta[i];
        v[i] = spec.beta2() * v[i] + (1 - spec.beta2()) * g * g;
        if (spec.kind() == OptimizerSpec.Kind.ADAM) {
          m[i] = spec.beta1() * m[i] + (1 - spec.beta1()) * g;
          double mHat = m[i] / (1 - Math.pow(spec.beta1(), t));
          double vHat = v[i] / (1 - Math.pow(spec.beta2(), t));
          theta[i] -= lr * mHat / (Math.sqrt(vHat) + spec.epsilon());
        } else {
          theta[i] -= lr * g / (Math.sqrt(v[i]) + spec.epsilon());
        }
      }
    }
    return theta;
  }

  private static double[] graphSteps(OptimizerSpec spec, double lr, int steps) {
    Precision p = Precision.FLOAT64;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      ResourceVariable<TFloat64> theta = new ResourceVariable<>(tf, "theta", new long[] {3}, TFloat64.class);
      Operand<TFloat64> grad = tf.math.mul(p.constant(tf, new long[] {3}, C), theta.read());
      OptimizerGraph<TFloat64> opt = new OptimizerGraph<>(tf, spec, p, null);
      List<Op> assigns = new ArrayList<>();
      opt.update(tf, theta, theta.read(), grad, assigns);
      try (Session s = new Session(g)) {
        List<ResourceVariable<TFloat64>> vars = new ArrayList<>(List.of(theta));
        vars.addAll(opt.slots());
        List<double[]> init = new ArrayList<>(List.of(THETA0));
        opt.slots().forEach(v -> init.add(new double[v.size()]));
        Trainer.load(s, p, vars, init);
        for (int t = 1; t <= steps; t++) {
          try (Tensor lrT = Tensors.scalar(p, lr);
               Tensor c1 = Tensors.scalar(p, spec.firstCorrection(t));
               Tensor c2 = Tensors.scalar(p, spec.secondCorrection(t))) {
            Session.Runner r = s.runner().feed(opt.learningRate(), lrT).feed(opt.firstCorrection(), c1)
                .feed(opt.secondCorrection(), c2);
            assigns.forEach(r::addTarget);
            r.run().close();
          }
        }
        try (Result r = s.runner().fetch(theta.read()).run()) {
          return Tensors.values(r.get(0));
        }
      }
    }
  }

  private static void assertArraysClose(double[] expected, double[] actual) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-14, "component " + i);
    }
  }
}
