package com.coachstream.launcher;

import com.coachstream.common.cli.SettingsErrors;
import com.coachstream.common.kafka.NioBufferCache;
import com.coachstream.launcher.config.ConfigCommand;
import com.coachstream.notifier.cli.NotifyCommand;
import com.coachstream.producer.cli.ProduceCommand;
import com.coachstream.streams.cli.RulesCommand;
import com.coachstream.streams.cli.StreamsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coachstream} command. */
@Command(name = "coachstream", mixinStandardHelpOptions = true, version = "CoachStream 0.1.0",
    description = "Event-driven coaching feedback for contact centers.",
    subcommands = {DemoCommand.class, ProduceCommand.class, StreamsCommand.class, NotifyCommand.class,
        TopicsCommand.class, ConsumeCommand.class, ConfigCommand.class, RulesCommand.class})
public final class CoachStream {

  public static void main(String[] args) {
    NioBufferCache.limit(); // before any socket is read
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand; errors in settings print one clear line, not a stack trace. */
  static CommandLine commandLine() {
    return SettingsErrors.reported(new CommandLine(new CoachStream()));
  }
}
