package org.opsvd.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a long run: the first signal only sets a stop flag, so the run
 * ends after the current step and writes everything computed so far; a second one quits at once.
 * The JVM's shutdown sequence is never started by the first signal, so no shutdown hook (JavaCPP
 * registers its own) runs while a TensorFlow session is still in use. A process that inherits SIGINT as
 * ignored (a background job of a non-interactive shell) still stops on SIGTERM.
 */
final class Interrupts implements AutoCloseable {

    /** Exit status after an interrupted run (128 + SIGINT, the shell convention). */
    static final int INTERRUPTED = 130;

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;

    private Interrupts(SignalHandler previousInt, SignalHandler previousTerm) {
        this.previousInt = previousInt;
        this.previousTerm = previousTerm;
    }

    /** Installs the handlers; {@code stop} becomes true at the first signal. */
    static Interrupts install(AtomicBoolean stop, PrintWriter err) {
        SignalHandler handler = signal -> {
            if (stop.getAndSet(true)) {
                Runtime.getRuntime().halt(INTERRUPTED);
            }
            err.println();
            err.println("opsvd: " + signal.getName() + " received: stopping after this step and writing results "
                    + "(press Ctrl-C again to quit at once)");
            err.flush();
        };
        return new Interrupts(trySet("INT", handler), trySet("TERM", handler));
    }

    private static SignalHandler trySet(String name, SignalHandler handler) {
        try {
            return Signal.handle(new Signal(name), handler);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // The JVM refuses the signal (unknown on this platform, or reserved by -Xrs): its default
            // behaviour stays, i.e. that signal ends the run without the results being written.
            return null;
        }
    }

    @Override
    public void close() {
        if (previousInt != null) Signal.handle(new Signal("INT"), previousInt);
        if (previousTerm != null) Signal.handle(new Signal("TERM"), previousTerm);
    }
}
