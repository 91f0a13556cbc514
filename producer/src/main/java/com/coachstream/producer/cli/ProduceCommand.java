package com.coachstream.producer.cli;

import com.coachstream.common.cli.SettingsErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code coachstream produce}: get events into CoachStream. */
@Command(name = "produce", mixinStandardHelpOptions = true,
    description = "Send contact-center events to Kafka: simulate a contact center, import files, or serve HTTP ingest.",
    subcommands = {SimulateCommand.class, ImportCommand.class, ServeCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 some records rejected, 2 usage error, 3 Kafka or file unavailable."})
public final class ProduceCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Exit code when Kafka did not answer in time, or a file could not be read or written. */
  static final int UNAVAILABLE = 3;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs {@code produce} on its own, e.g. in a container: {@code java -cp ... ProduceCommand serve}. */
  public static void main(String[] args) {
    System.exit(SettingsErrors.reported(new CommandLine(new ProduceCommand())).execute(args));
  }
}
