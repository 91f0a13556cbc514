package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.EncodedEvents;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.RawConsumer;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.benchmarks.harness.StreamsApps;
import com.coachstream.benchmarks.harness.StreamsRun;
import com.coachstream.benchmarks.harness.Workload;
import com.coachstream.benchmarks.reference.ReferenceTopologies;
import com.coachstream.common.config.Settings;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures 1 and 2: the physical limit (raw produce and raw consume of the simulated Avro input on this broker)
 * and the same events through the streams processor with exactly-once, as a rate and as a share of the raw
 * consume rate measured in the same run. Leaves the input in Kafka for the window-cost runs.
 */
public final class ThroughputBenchmark {

  static final int PARTITIONS = 12;

  private ThroughputBenchmark() { }

  public static Workload run(Cluster cluster, HarnessOptions options, Report report) throws Exception {
    String base = "bench-" + System.currentTimeMillis();
    TopicNames inputs = Workload.inputNames(base);
    cluster.createTopics(inputs, PARTITIONS);
    SimulationConfig config = SimulationConfig.builder().seed(1).agents(options.agents).teams(Math.max(1, options.agents / 30))
        .days(35).end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).maxEvents(options.events).build();
    EncodedEvents events = EncodedEvents.simulate(config, new Topics(inputs));
    Workload workload = new Workload(base, inputs, events.count(inputs.interactions()), events.count(inputs.qaEvaluations()),
        events.count(inputs.agents()));

    Report.Section section = report.section("1-2 throughput")
        .setting("broker", cluster.kind())
        .setting("partitions", PARTITIONS)
        .setting("simulated events", events.size())
        .setting("interactions / evaluations / roster", workload.interactions() + " / " + workload.evaluations() + " / "
            + workload.roster())
        .setting("agents, days", options.agents + ", 35")
        .setting("encoded bytes (key+value)", events.bytes())
        .setting("streams settings", options.streamsSettings.isEmpty() ? "product defaults" : options.streamsSettings.toString());

    double produceSeconds = events.produce(cluster.clientProperties());
    double produceRate = events.size() / produceSeconds;
    section.figure("(1) raw produce, acks=all idempotent lz4", produceRate, "events/s", "", String.format(
        java.util.Locale.ROOT, "%.1f MB/s", events.bytes() / produceSeconds / 1e6));

    RawConsumer.Read read = RawConsumer.readAll(cluster, workload.allTopics(), workload.allRecords());
    section.figure("(1) raw consume, read_committed, bytes only", read.recordsPerSecond(), "events/s", "", String.format(
        java.util.Locale.ROOT, "%.1f MB/s", read.bytes() / read.seconds() / 1e6));

    StreamsRun.Result streams = measureStreams(cluster, workload, "streams", options.streamsSettings, options);
    section.figure("(2) streams processor, exactly_once_v2", streams.eventsPerSecond(), "events/s", "",
        String.format(java.util.Locale.ROOT, "%.1f s after %.1f s start-up %s", streams.seconds(), streams.startupSeconds(),
            streams.partialNote()));
    section.figure("(2) streams / raw consume", streams.eventsPerSecond() / read.recordsPerSecond(), "ratio", ">= 0.50", "");
    section.figure("(2) streams processor per CPU second of its threads", streams.eventsPerCpuSecond(), "events/s", "",
        String.format(java.util.Locale.ROOT, "%.1f CPU s; independent of what else runs on the machine", streams.cpuSeconds()));
    // yardsticks: Kafka Streams itself, same input, settings and exactly-once, (almost) none of our work
    StreamsRun.Result forward = measure(cluster, workload, "reference-forward", options.streamsSettings, options, false,
        settings -> StreamsApps.start(settings, ReferenceTopologies::decodeAndForward));
    section.figure("(2) yardstick: Kafka Streams, decode + one output per event", forward.eventsPerSecond(), "events/s", "",
        String.format(java.util.Locale.ROOT, "%.0f per CPU second; ratio to raw consume %.2f", forward.eventsPerCpuSecond(),
            forward.eventsPerSecond() / read.recordsPerSecond()));
    StreamsRun.Result count = measure(cluster, workload, "reference-count", options.streamsSettings, options, false,
        settings -> StreamsApps.start(settings, ReferenceTopologies::countPerAgent));
    section.figure("(2) yardstick: ... + one state-store read and write per event", count.eventsPerSecond(), "events/s", "",
        String.format(java.util.Locale.ROOT, "%.0f per CPU second; ratio to raw consume %.2f", count.eventsPerCpuSecond(),
            count.eventsPerSecond() / read.recordsPerSecond()));
    section.figure("(2) streams processor / the stateful yardstick", streams.eventsPerSecond() / count.eventsPerSecond(),
        "ratio", "", "the scoring's own share of the cost");
    StreamsRun.Result traffic = measure(cluster, workload, "reference-store-traffic", options.streamsSettings, options, false,
        settings -> StreamsApps.start(settings, ReferenceTopologies::storeTraffic));
    section.figure("(2) yardstick: the processor's store reads and writes per event, no scoring", traffic.eventsPerSecond(),
        "events/s", "", String.format(java.util.Locale.ROOT, "%.0f per CPU second; / decode + one output %.2f",
            traffic.eventsPerCpuSecond(), traffic.eventsPerSecond() / forward.eventsPerSecond()));
    section.figure("(2) streams processor / decode + one output", streams.eventsPerSecond() / forward.eventsPerSecond(),
        "ratio", ">= 0.33", "the performance issue's goal");
    section.figure("(2) state changelog bytes per event", (double) streams.changelogBytes() / workload.allRecords(), "bytes",
        "", "all changelogs of the run / input events");
    section.figure("(2) skill-score output bytes per event", (double) streams.outputBytes() / workload.allRecords(), "bytes",
        "", "outputs of the run / input events");
    return workload;
  }

  /** Drains the workload's whole input with the streams processor (settings: product defaults + overrides). */
  static StreamsRun.Result measureStreams(Cluster cluster, Workload workload, String run,
      Map<String, String> overrides, HarnessOptions options) throws Exception {
    return measure(cluster, workload, run, overrides, options, true, StreamsApps::coachStream);
  }

  /**
   * Drains the workload with the application {@code starter} starts from the run's settings: the roster too
   * when {@code withRoster} (the processor reads it), else interactions and evaluations only.
   */
  private static StreamsRun.Result measure(Cluster cluster, Workload workload, String run, Map<String, String> overrides,
      HarnessOptions options, boolean withRoster, Function<Settings, StreamsRun.Started> starter) throws Exception {
    TopicNames names = workload.forRun(run);
    cluster.createTopics(names, PARTITIONS);
    Path stateDir = Directories.temporary("coachstream-bench-state-");
    try {
      Settings settings = StreamsApps.settings(cluster, names, workload.applicationId(run), stateDir, overrides);
      return StreamsRun.measure(cluster, workload.applicationId(run),
          withRoster ? workload.allTopics() : workload.scorableTopics(),
          withRoster ? workload.allRecords() : workload.scorableRecords(),
          Duration.ofHours(1), workload.outputPrefix(run), options.profiler(), () -> starter.apply(settings));
    } finally {
      Directories.delete(stateDir);
      cluster.deleteTopicsStartingWith(workload.applicationId(run) + "-", workload.outputPrefix(run));
    }
  }
}
