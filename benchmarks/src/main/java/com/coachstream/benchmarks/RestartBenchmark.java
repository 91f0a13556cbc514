package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.OperationsOptions;
import com.coachstream.benchmarks.harness.ProcessorProcess;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.benchmarks.harness.SteadyInput;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 6: a processor (its own JVM) on a steady input is killed with {@code kill -9} and started again at
 * once with the same state directory; measured is the time from the new start to the first new output, i.e.
 * the first transaction it commits (outputs and input offsets commit together under exactly-once). Once with
 * static membership ({@code instance.id}), once with a dynamic member for comparison.
 */
public final class RestartBenchmark {

  /** Longest wait for the restarted processor's first commit: a dynamic member may wait out a 45 s session. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private RestartBenchmark() { }

  public static void run(Cluster cluster, HarnessOptions options, OperationsOptions operations, Report report) throws Exception {
    for (String mode : operations.restartModes) {
      boolean staticMembership = switch (mode.trim()) {
        case "static" -> true;
        case "dynamic" -> false;
        default -> throw new IllegalArgumentException("--restart-modes takes static and dynamic, not " + mode);
      };
      measure(cluster, options, operations, report, staticMembership);
    }
  }

  private static void measure(Cluster cluster, HarnessOptions options, OperationsOptions operations, Report report,
      boolean staticMembership) throws Exception {
    String mode = staticMembership ? "static" : "dynamic";
    String base = "restart-" + mode + "-" + System.currentTimeMillis();
    TopicNames names = TopicNames.DEFAULTS.withPrefix(base + ".");
    cluster.createTopics(names, ThroughputBenchmark.PARTITIONS);
    String applicationId = base + "-streams";
    List<String> inputs = List.of(names.interactions(), names.qaEvaluations(), names.agents());
    Path stateDir = Directories.temporary("coachstream-bench-restart-");
    Map<String, String> settings = new HashMap<>(options.streamsSettings);
    if (staticMembership) {
      settings.put("instance.id", "bench-processor-0");
    }
    Report.Section section = report.section("6 restart after kill -9, " + mode + " membership")
        .setting("membership", staticMembership ? "static: instance.id=bench-processor-0" : "dynamic (no instance.id)")
        .setting("steady input", operations.restartRate + " events/s")
        .setting("processor", "StreamsMain in its own JVM: " + operations.processorJvm + "; same state directory after the kill")
        .setting("streams settings", settings.isEmpty() ? "product defaults" : settings.toString());
    Duration longest = operations.restartBeforeKill.plus(PATIENCE).plus(Duration.ofMinutes(2));
    try (SteadyInput input = SteadyInput.start(cluster, new Topics(names), operations.restartRate, longest)) {
      long firstCommitted;
      try (ProcessorProcess first = ProcessorProcess.start(cluster, names, applicationId, stateDir, operations.processorJvm, settings)) {
        section.setting("first process log", first.log().toString());
        Duration firstOutput = awaitCommitBeyond(cluster, applicationId, inputs, 0, first, PATIENCE, null);
        section.figure("first start: launch to first output", firstOutput.toMillis() / 1000.0, "s", "", "JVM start, join, first commit");
        pause(operations.restartBeforeKill);
        first.kill();
        firstCommitted = cluster.committed(applicationId, inputs);
      }
      Report.progress("restart: killed with kill -9 after " + firstCommitted + " committed input records; starting again");
      try (ProcessorProcess second = ProcessorProcess.start(cluster, names, applicationId, stateDir, operations.processorJvm, settings)) {
        section.setting("restarted process log", second.log().toString());
        Milestones milestones = new Milestones(second);
        Duration resumed = awaitCommitBeyond(cluster, applicationId, inputs, firstCommitted, second, PATIENCE, milestones);
        section.figure("restart: launch to HTTP listening", milestones.seconds(milestones.listening), "s", "", "JVM start, settings");
        section.figure("restart: launch to RUNNING", milestones.seconds(milestones.running), "s", "",
            "opening the local stores, joining the group, restoring the stores a crash under exactly-once leaves dirty");
        section.figure("restart: launch to first new output", resumed.toMillis() / 1000.0, "s", "<= 10",
            resumed.compareTo(PATIENCE) >= 0 ? "no output within " + PATIENCE.toSeconds() + " s" : "");
        Duration caughtUp = awaitCommitBeyond(cluster, applicationId, inputs, cluster.endOffsets(inputs), second,
            Duration.ofMinutes(2), null);
        section.figure("restart: launch to caught up with the input", caughtUp.toMillis() / 1000.0, "s", "",
            String.format(Locale.ROOT, "%,d events sent in all", input.sent()));
      }
    } finally {
      Directories.delete(stateDir);
      cluster.deleteTopicsStartingWith(base);
    }
  }

  /** When a restarted process's HTTP listened and when it was RUNNING (nanoTime; 0 = not seen). */
  private static final class Milestones {
    private final ProcessorProcess process;
    private long listening;
    private long running;

    Milestones(ProcessorProcess process) {
      this.process = process;
    }

    void observe() {
      if (running != 0) {
        return;
      }
      int status = process.readiness();
      long now = System.nanoTime();
      if (status > 0 && listening == 0) {
        listening = now;
      }
      if (status == 200) {
        running = now;
      }
    }

    double seconds(long at) {
      return at == 0 ? Double.NaN : (at - process.startedNanos()) / 1e9;
    }
  }

  /** Time from the process's launch until the group's committed input offsets pass {@code beyond} (at most {@code patience}). */
  private static Duration awaitCommitBeyond(Cluster cluster, String applicationId, List<String> inputs, long beyond,
      ProcessorProcess process, Duration patience, Milestones milestones) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      process.requireAlive();
      if (milestones != null) {
        milestones.observe();
      }
      if (cluster.committed(applicationId, inputs) > beyond) {
        return Duration.ofNanos(System.nanoTime() - process.startedNanos());
      }
      pause(Duration.ofMillis(100));
    }
    return Duration.ofNanos(System.nanoTime() - process.startedNanos());
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis()); // the harness polls progress; it is not a test waiting on state
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
