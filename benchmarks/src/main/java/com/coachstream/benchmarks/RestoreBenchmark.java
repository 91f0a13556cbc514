package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.KafkaSink;
import com.coachstream.benchmarks.harness.OperationsOptions;
import com.coachstream.benchmarks.harness.ProcessorProcess;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 7: the state of many agents' history (the memory run's workload) is built by one processor, which is
 * then stopped; a fresh instance with an empty state directory, as on a new machine, restores every store from
 * its changelog. Measured: launch to RUNNING ({@code /ready}), and changelog records and bytes per second.
 */
public final class RestoreBenchmark {

  private RestoreBenchmark() { }

  public static void run(Cluster cluster, HarnessOptions options, OperationsOptions operations, Report report) throws Exception {
    String base = "restore-" + System.currentTimeMillis();
    TopicNames names = TopicNames.DEFAULTS.withPrefix(base + ".");
    cluster.createTopics(names, ThroughputBenchmark.PARTITIONS);
    SimulationConfig config = SimulationConfig.builder().seed(5).agents(operations.restoreAgents)
        .teams(Math.max(1, operations.restoreAgents / 30)).days(operations.restoreDays)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).build();
    Report.progress("restore: simulating " + operations.restoreAgents + " agents x " + operations.restoreDays + " days into Kafka");
    SimulationResult produced = Simulation.run(config, new KafkaSink(cluster.clientProperties(), new Topics(names)),
        ProgressListener.NONE);
    List<String> inputs = List.of(names.interactions(), names.qaEvaluations(), names.agents());
    long input = cluster.endOffsets(inputs);
    String applicationId = base + "-streams";
    Path built = Directories.temporary("coachstream-bench-restore-built-");
    Path fresh = Directories.temporary("coachstream-bench-restore-fresh-");
    Path again = Directories.temporary("coachstream-bench-restore-again-");
    Report.Section section = report.section("7 restore from changelogs")
        .setting("agents, days", operations.restoreAgents + ", " + operations.restoreDays)
        .setting("simulated events", produced.events())
        .setting("processor", "StreamsMain in its own JVM: " + operations.processorJvm)
        .setting("streams settings", options.streamsSettings.isEmpty() ? "product defaults" : options.streamsSettings.toString());
    try {
      long processed;
      try (ProcessorProcess builder = ProcessorProcess.start(cluster, names, applicationId, built, operations.processorJvm,
          options.streamsSettings)) {
        Report.progress("restore: building the state of " + input + " input records");
        processed = drain(cluster, applicationId, inputs, input, builder, operations.restoreBudget);
      }
      section.figure("input processed into the state", processed, "events", "",
          processed < input ? "partial: the build budget ran out at " + processed + " of " + input : "all of it");
      long changelogRecords = cluster.endOffsets(cluster.topicsStartingWith(applicationId + "-").stream()
          .filter(t -> t.endsWith("-changelog")).toList());
      long changelogBytes = cluster.bytesOfTopicsStartingWith(applicationId + "-");
      section.figure("state on disk of the instance that built it", Directories.size(built) / 1048576.0, "MiB");
      section.figure("changelog records (offsets, before compaction)", changelogRecords, "records");
      section.figure("changelog bytes on the broker", changelogBytes / 1048576.0, "MiB", "", "internal topics of the application");
      restore(cluster, names, applicationId, fresh, operations.processorJvm, options.streamsSettings, "", section,
          changelogRecords, changelogBytes);
      if (!operations.restoreAlso.isEmpty()) {
        Map<String, String> also = new LinkedHashMap<>(options.streamsSettings);
        also.putAll(operations.restoreAlso);
        section.setting("second restore", "another fresh instance, with " + operations.restoreAlso);
        restore(cluster, names, applicationId, again, operations.processorJvm, also, " (second, " + operations.restoreAlso
            + ")", section, changelogRecords, changelogBytes);
      }
    } finally {
      Directories.delete(built);
      Directories.delete(fresh);
      Directories.delete(again);
      cluster.deleteTopicsStartingWith(base);
    }
  }

  private static void restore(Cluster cluster, TopicNames names, String applicationId, Path stateDir, String jvm,
      Map<String, String> settings, String suffix, Report.Section section, long changelogRecords, long changelogBytes)
      throws Exception {
    Report.progress("restore: starting a fresh instance with an empty state directory" + suffix);
    try (ProcessorProcess restorer = ProcessorProcess.start(cluster, names, applicationId, stateDir, jvm, settings)) {
      section.setting("restoring process log" + suffix, restorer.log().toString());
      long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
      while (!restorer.ready() && System.nanoTime() < deadline) {
        restorer.requireAlive();
        RestartBenchmark.pause(Duration.ofMillis(200));
      }
      double seconds = (System.nanoTime() - restorer.startedNanos()) / 1e9;
      section.figure("fresh instance: launch to RUNNING" + suffix, seconds, "s", "<= 60", "JVM start, join, restore of every store");
      section.figure("restore rate" + suffix, changelogRecords / seconds, "records/s", "", String.format(Locale.ROOT,
          "%.1f MB/s of changelog; launch and join included", changelogBytes / seconds / 1e6));
      section.figure("state on disk when RUNNING" + suffix, Directories.size(stateDir) / 1048576.0, "MiB", "",
          "against the built one above");
    }
  }

  /** Until the group has committed all {@code input} records or the budget ran out; returns what it committed. */
  static long drain(Cluster cluster, String applicationId, List<String> inputs, long input, ProcessorProcess process,
      Duration budget) {
    long deadline = System.nanoTime() + budget.toNanos();
    long committed = 0;
    long reported = System.nanoTime();
    while (committed < input && System.nanoTime() < deadline) {
      process.requireAlive();
      RestartBenchmark.pause(Duration.ofMillis(500));
      committed = cluster.committed(applicationId, inputs);
      if (System.nanoTime() - reported > Duration.ofSeconds(30).toNanos()) {
        reported = System.nanoTime();
        Report.progress(String.format(Locale.ROOT, "%,d of %,d processed", committed, input));
      }
    }
    return committed;
  }
}
