package com.coachstream.launcher;

import com.coachstream.common.config.ConfigException;
import com.coachstream.notifier.cli.NotifyCommand;
import com.coachstream.producer.cli.ProduceCommand;
import com.coachstream.streams.cli.StreamsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coachstream} command (docs/operations.md). */
@Command(name = "coachstream", mixinStandardHelpOptions = true, version = "CoachStream 0.1.0",
    description = "Event-driven coaching feedback for contact centers.",
    subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, NotifyCommand.class,
        TopicsCommand.class, ConsumeCommand.class})
public final class CoachStream {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand; errors in settings print one clear line, not a stack trace. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CoachStream());
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      if (e instanceof ConfigException || e instanceof IllegalStateException || e instanceof IllegalArgumentException) {
        command.getErr().println(command.getColorScheme().errorText("coachstream: " + e.getMessage()));
        return 2;
      }
      throw e;
    });
    return cli;
  }
}
