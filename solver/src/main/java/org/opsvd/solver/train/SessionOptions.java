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

  /** The CPU threads of sessions opened by the current thread (0 = TensorFlow's default); see {@link #threads}. */
  private static final ThreadLocal<Integer> THREADS = ThreadLocal.withInitial(() -> 0);

  /**
   * Sessions opened by the current thread until {@code close()} use {@code n} intra-op and {@code n} inter-op
   * threads (a Spark task given n cores). The inter-op pool is the session's own ({@code use_per_session_threads});
   * the intra-op pool is only if the process was started with {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1}, otherwise
   * TensorFlow shares one per process, sized by its first session.
   */
  public static ThreadScope threads(int n) {
    if (n < 1) throw new IllegalArgumentException("threads per run must be at least 1, got " + n);
    int before = THREADS.get();
    THREADS.set(n);
    return () -> THREADS.set(before);
  }

  /** A setting in force until closed. */
  public interface ThreadScope extends AutoCloseable {
    @Override
    void close();
  }

  /** The options for {@code device} with the current thread's thread count (see {@link #threads}). */
  public static SessionOptions forDevice(Device device) {
    return new SessionOptions(device, THREADS.get(), THREADS.get());
  }

  ConfigProto config() {
    ConfigProto.Builder b = ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOpThreads)
        .setInterOpParallelismThreads(interOpThreads)
        .setUsePerSessionThreads(interOpThreads > 0)
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
