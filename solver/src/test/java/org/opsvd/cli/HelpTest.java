package org.opsvd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code --help} and {@code -h} on every command of {@link Main} (taken from Main itself, so a new command
 * without help or examples fails here), and the uniform parts of each help: the examples, the exit
 * statuses, {@code --verbose}, and either a {@code --quiet} or the statement that there is no progress output.
 */
class HelpTest {

  static Stream<String> commands() {
    return Main.commandLine(new Main()).getSubcommands().keySet().stream();
  }

  @ParameterizedTest(name = "{0} --help")
  @MethodSource("commands")
  void everyCommandHasHelpWithExamples(String command) {
    for (String flag : List.of("--help", "-h")) {
      ReferenceCommandTest.Run r = ReferenceCommandTest.run(command, flag);
      assertEquals(0, r.status(), command + " " + flag + ": " + r.err());
      assertTrue(r.err().isEmpty(), r.err());
      assertTrue(r.out().startsWith("Usage: opsvd " + command) || command.equals("help"), r.out());
      assertTrue(r.out().contains("Examples:"), command + " " + flag + " has no examples:\n" + r.out());
      assertTrue(r.out().contains("--verbose"), r.out());
      assertTrue(r.out().contains("Exit status:") && r.out().contains("usage error"), r.out());
    }
  }

  @Test
  void everyCommandEitherHasQuietOrSaysItPrintsNoProgress() {
    Map<String, CommandLine> commands = Main.commandLine(new Main()).getSubcommands();
    assertTrue(commands.keySet().containsAll(List.of("solve", "reproduce", "svd", "plot", "eval", "export",
        "reference", "operators")), commands.keySet().toString());
    for (var e : commands.entrySet()) {
      if (e.getKey().equals("help")) continue;
      var spec = e.getValue().getCommandSpec();
      String description = String.join(" ", spec.usageMessage().description());
      assertTrue(spec.findOption("--quiet") != null || description.contains("no progress output"),
          e.getKey() + ": neither --quiet nor 'no progress output' in: " + description);
      assertTrue(spec.findOption("--verbose") != null, e.getKey());
    }
    for (String progress : List.of("solve", "svd", "plot", "reproduce")) {
      assertTrue(commands.get(progress).getCommandSpec().findOption("--quiet") != null, progress);
    }
  }

  @Test
  void noExampleLineWraps() {
    for (String command : Main.commandLine(new Main()).getSubcommands().keySet()) {
      if (command.equals("help")) continue;
      String help = ReferenceCommandTest.run(command, "--help").out();
      int at = help.indexOf("Examples:");
      if (at < 0) continue;
      for (String line : help.substring(at).lines().skip(1).takeWhile(l -> !l.isBlank()).toList()) {
        assertTrue(line.startsWith("  "), command + ": a wrapped example line: '" + line + "'");
      }
    }
  }

  @Test
  void rootHelpAndVersion() {
    ReferenceCommandTest.Run r = ReferenceCommandTest.run("--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("Examples:") && r.out().contains("solve"), r.out());
    ReferenceCommandTest.Run v = ReferenceCommandTest.run("svd", "--version");
    assertEquals(0, v.status());
    assertTrue(v.out().startsWith("opsvd "), v.out());
    assertFalse(ReferenceCommandTest.run("help", "svd").out().isEmpty());
  }
}
