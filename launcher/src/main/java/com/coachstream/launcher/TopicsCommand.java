package com.coachstream.launcher;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.common.kafka.TopicCreator;
import com.coachstream.schemas.topics.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coachstream topics create}: every topic with its partitions, replication and cleanup policy. */
@Command(name = "topics", description = "Manage CoachStream's topics.", mixinStandardHelpOptions = true,
    subcommands = TopicsCommand.Create.class)
final class TopicsCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create every CoachStream topic that does not exist yet (compacted where docs/topics.md says so).")
  static final class Create implements Callable<Integer> {

    @Mixin CommonOptions common;

    @Option(names = "--partitions", defaultValue = "12", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "0",
        description = "Replication factor; 0 = up to 3, as many as there are brokers (default).")
    int replication;

    /** Kafka could not be reached, refused a topic, or a partition did not become writable in time. */
    static final int UNAVAILABLE = 3;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter out = spec.commandLine().getOut();
      Settings settings = common.settings(Service.TOOLS, Map.of());
      Topics topics = KafkaSettings.topics(settings);
      List<String> created;
      try {
        created = TopicCreator.createAll(KafkaSettings.clientProperties(settings), topics, partitions, replication);
      } catch (IllegalStateException e) {
        // the cluster, not the command line, is at fault: the same exit code as the producer commands use
        spec.commandLine().getErr().println("coachstream: " + e.getMessage());
        return UNAVAILABLE;
      }
      topics.all().forEach(t -> out.printf("%-28s %s%s%n", t.name(), created.contains(t.name()) ? "created" : "exists",
          t.compacted() ? " (compacted)" : ""));
      out.printf("every partition of the %d topics accepts writes%n", topics.all().size());
      out.flush();
      return 0;
    }
  }
}
