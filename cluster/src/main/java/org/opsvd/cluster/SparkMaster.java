package org.opsvd.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark master URL as {@code --master} gives it, checked before a context is created: its form, and for a
 * standalone cluster ({@code spark://HOST:PORT[,HOST:PORT]}) that some master accepts a connection within
 * {@link #CONNECT_TIMEOUT_MS} (Spark itself would retry for minutes). A local master gets the task attempts:
 * {@code local[N]} retries nothing unless written {@code local[N,F]}.
 */
record SparkMaster(String url) {

    /** How long a standalone master has to accept a TCP connection. */
    static final int CONNECT_TIMEOUT_MS = 5000;

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|\\d+)(,(\\d+))?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\d+,\\d+,\\d+\\]");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^:/,]+:\\d+(,[^:/,]+:\\d+)*)");

    /**
     * The master for {@code url} (null: spark-submit's {@code spark.master}, else {@code local[*]}), with
     * {@code attempts} task attempts in local mode.
     *
     * @throws IllegalArgumentException for a URL of no known form, or a standalone master that cannot be reached
     */
    static SparkMaster of(String url, int attempts) {
        String u = url != null ? url : System.getProperty("spark.master", "local[*]");
        Matcher local = LOCAL.matcher(u);
        if (local.matches()) {
            String threads = local.group(2) == null ? "1" : local.group(2);
            String failures = local.group(4) == null ? Integer.toString(attempts) : local.group(4);
            return new SparkMaster("local[" + threads + "," + failures + "]");
        }
        if (LOCAL_CLUSTER.matcher(u).matches()) {
            String home = System.getenv("SPARK_HOME");
            if (home == null || !new java.io.File(home, "jars").isDirectory() || System.getenv("SPARK_SCALA_VERSION") == null) {
                throw new IllegalArgumentException("--master " + u + " starts executor JVMs from SPARK_HOME/jars: set "
                        + "SPARK_HOME (./opsvd sets one) and SPARK_SCALA_VERSION=2.13");
            }
            return new SparkMaster(u);
        }
        if (u.equals("yarn") || u.startsWith("k8s://")) return new SparkMaster(u);
        Matcher standalone = STANDALONE.matcher(u);
        if (!standalone.matches()) {
            throw new IllegalArgumentException("unknown --master '" + u + "' (expected local[N], local[N,ATTEMPTS], "
                    + "local-cluster[WORKERS,CORES,MB], spark://HOST:PORT, yarn or k8s://URL)");
        }
        String unreachable = null;
        for (String hostPort : standalone.group(1).split(",")) {
            String[] hp = hostPort.split(":");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), CONNECT_TIMEOUT_MS);
                return new SparkMaster(u);
            } catch (IOException e) {
                unreachable = hostPort + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
            }
        }
        throw new IllegalArgumentException("cannot reach the Spark master " + unreachable + " within "
                + CONNECT_TIMEOUT_MS / 1000 + " s; is the cluster up and the address right?");
    }

    /** Whether the runs execute in this JVM (local mode), where TensorFlow's thread setting must be in our env. */
    boolean inProcess() {
        return url.startsWith("local[");
    }
}
