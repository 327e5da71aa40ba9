package org.opsvd.solver.train;

import java.util.List;
import org.hipparchus.random.RandomGenerator;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/** Draws one step's batch with the driver's seeded generator and feeds it to a {@link StepGraph}. */
@FunctionalInterface
public interface BatchSource {

  /**
   * @param batch B, the number of points (or pairs) per step
   * @param fed   tensors created here, closed by the driver after the step
   */
  void feed(Session.Runner runner, RandomGenerator rng, int batch, List<Tensor> fed);
}
