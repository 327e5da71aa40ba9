package org.opsvd.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel: {@code java -cp opsvd-kernel.jar:lib/* org.opsvd.notebook.KernelMain CONNECTION_FILE}, as
 * the {@code kernel.json} written by {@code notebooks/run-notebooks.sh} says.
 */
public final class KernelMain {

  private KernelMain() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: KernelMain CONNECTION_FILE (Jupyter passes it via kernel.json)");
      System.exit(2);
    }
    KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
    JupyterConnection connection = new JupyterConnection(properties);
    OpsvdKernel kernel = new OpsvdKernel();
    kernel.onStartup();
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    System.exit(0);
  }
}
