package org.opsvd.notebook;

import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution in this JVM and thread that keeps the value of the last snippet as an object (JShell's
 * own local engine only reports its {@code toString}), so that a cell's value can be rendered (e.g. an
 * image). Snippet classes load in a child of the system class loader, so they see the kernel's classes.
 */
final class ValueCapturingExecution extends DirectExecutionControl {

  /** The last value, cleared before each snippet. */
  static final class Last {
    private Object value;

    Object value() {
      return value;
    }

    void clear() {
      value = null;
    }
  }

  private final Last last;

  private ValueCapturingExecution(Last last) {
    this.last = last;
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    Object result = doitMethod.invoke(null);
    last.value = result;
    return valueString(result);
  }

  /** Hands JShell a {@link ValueCapturingExecution}; {@link #last()} reads its values. */
  static final class Provider implements ExecutionControlProvider {
    private final Last last = new Last();

    Last last() {
      return last;
    }

    @Override
    public String name() {
      return "opsvd-direct";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      return new ValueCapturingExecution(last);
    }
  }
}
