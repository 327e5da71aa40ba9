package org.opsvd.solver.train;

import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Where and how a TensorFlow session runs: device ({@code cpu}, the default, or {@code gpu}) and
 * the CPU thread pools (0 = TensorFlow's default). On the GPU, memory growth is enabled so the
 * process does not claim the whole card, and ops without a GPU kernel fall back to the CPU.
 */
public record SessionOptions(Device device, int intraOpThreads, int interOpThreads) {

  /** Compute device. */
  public enum Device {
    CPU, GPU;

    @com.fasterxml.jackson.annotation.JsonCreator

    public static Device parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "cpu" -> CPU;
        case "gpu", "cuda" -> GPU;
        default -> throw new IllegalArgumentException("unknown device '" + s + "' (expected cpu or gpu)");
      };
    }

    @com.fasterxml.jackson.annotation.JsonValue

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SessionOptions {
    if (device == null) throw new IllegalArgumentException("device is required");
    if (intraOpThreads < 0 || interOpThreads < 0) {
      throw new IllegalArgumentException("thread counts must be ≥ 0 (0 = TensorFlow default)");
    }
  }

  /** CPU with TensorFlow's default thread pools. */
  public static SessionOptions cpu() {
    return new SessionOptions(Device.CPU, 0, 0);
  }

  ConfigProto config() {
    ConfigProto.Builder b = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(interOpThreads)
        .setAllowSoftPlacement(true);
    if (device == Device.CPU) {
      b.putDeviceCount("GPU", 0);
    } else {
      b.setGpuOptions(GPUOptions.newBuilder().setAllowGrowth(true).build());
    }
    return b.build();
  }

  /** Opens a session on {@code graph}; for the GPU, first checks that TensorFlow sees one. */
  public Session open(Graph graph) {
    if (device == Device.GPU) requireGpu();
    return new Session(graph, config());
  }

  /**
   * Throws a clear {@link IllegalArgumentException} when no GPU is visible: runs a one-op graph
   * pinned to {@code /device:GPU:0} without soft placement.
   */
  public static void requireGpu() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g).withDevice(org.tensorflow.DeviceSpec.newBuilder()
          .deviceType(org.tensorflow.DeviceSpec.DeviceType.GPU).deviceIndex(0).build());
      var c = tf.math.add(tf.constant(1f), tf.constant(2f));
      ConfigProto strict = ConfigProto.newBuilder().setAllowSoftPlacement(false).build();
      try (Session s = new Session(g, strict); var r = s.runner().fetch(c).run()) {
        // a GPU is present
      }
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--device gpu: TensorFlow sees no GPU (" + firstLine(e.getMessage())
          + "); run the CUDA build (OPSVD_GPU=1 ./opsvd …, or mvn -Pgpu package) on a machine with an "
          + "NVIDIA driver, CUDA 12 and cuDNN 9, or use --device cpu");
    }
  }

  private static String firstLine(String s) {
    if (s == null) return "no details";
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}
