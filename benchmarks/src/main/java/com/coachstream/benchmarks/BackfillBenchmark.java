package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.CompilerCpu;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.EncodedEvents;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.OperationsOptions;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.common.config.Settings;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.imports.FileImporter;
import com.coachstream.producer.imports.ImportProgress;
import com.coachstream.producer.imports.ImportSummary;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.JsonLinesSink;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 9: a backfill of simulated history written as JSON lines, one file per source (interactions, QA
 * evaluations, roster), imported as {@code produce import} does (validation, duplicate check, the event-time
 * merge of the files, the producer library), against raw produce of the same events pre-encoded in the same run.
 */
public final class BackfillBenchmark {

  private BackfillBenchmark() { }

  public static void run(Cluster cluster, HarnessOptions options, OperationsOptions operations, Report report) throws Exception {
    String base = "backfill-" + System.currentTimeMillis();
    TopicNames raw = TopicNames.DEFAULTS.withPrefix(base + ".raw.");
    TopicNames imported = TopicNames.DEFAULTS.withPrefix(base + ".import.");
    cluster.createTopics(raw, ThroughputBenchmark.PARTITIONS);
    cluster.createTopics(imported, ThroughputBenchmark.PARTITIONS);
    SimulationConfig config = SimulationConfig.builder().seed(11).agents(options.agents).teams(Math.max(1, options.agents / 30))
        .days(35).end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).maxEvents(operations.backfillEvents).build();
    Path dir = Directories.temporary("coachstream-bench-backfill-");
    try {
      Map<EventType, Path> files = writeFiles(config, dir);
      EncodedEvents events = EncodedEvents.simulate(config, new Topics(raw));
      Report.Section section = report.section("9 backfill: produce import of JSON lines")
          .setting("events", events.size())
          .setting("files", files.values().stream().map(f -> f.getFileName() + " " + Directories.size(f) / 1048576 + " MiB").toList())
          .setting("import", "FileImporter as produce import runs it: 64 MiB sort memory, the producer library's defaults");
      long rawCpu = processCpuNanos();
      double rawJit = CompilerCpu.seconds();
      double rawSeconds = events.produce(cluster.clientProperties());
      double rawRate = events.size() / rawSeconds;
      double rawCpuSeconds = (processCpuNanos() - rawCpu) / 1e9;
      double rawPerCpu = events.size() / rawCpuSeconds;
      section.figure("raw produce of the same events, pre-encoded", rawRate, "events/s", "", String.format(Locale.ROOT,
          "%.0f per CPU second of this process (the in-process broker included); %s", rawPerCpu,
          CompilerCpu.share(rawJit, CompilerCpu.seconds(), rawCpuSeconds)));
      Map<String, String> settings = new HashMap<>(imported.asMap());
      settings.put("bootstrap.servers", cluster.bootstrapServers());
      long began = System.nanoTime();
      long importCpu = processCpuNanos();
      double importJit = CompilerCpu.seconds();
      ImportSummary summary;
      try (CoachStreamProducer producer = CoachStreamProducer.create(Settings.of(settings))) {
        summary = new FileImporter(producer, ImportProgress.NONE, null, FileImporter.DEFAULT_SORT_MEMORY_BYTES, dir)
            .importFiles(List.copyOf(files.values()));
      }
      double importSeconds = (System.nanoTime() - began) / 1e9;
      double importCpuSeconds = (processCpuNanos() - importCpu) / 1e9;
      double importPerCpu = events.size() / importCpuSeconds;
      long written = cluster.endOffsets(List.of(imported.interactions(), imported.qaEvaluations(), imported.agents()));
      double importRate = events.size() / importSeconds;
      section.figure("produce import", importRate, "events/s", "", String.format(Locale.ROOT,
          "%.1f s; %,d accepted, %,d corrections, %,d duplicates, %,d rejected, %,d not written; %,d records on the topics; %s",
          importSeconds, summary.accepted(), summary.corrections(), summary.duplicates(), summary.rejected(),
          summary.notWritten(), written, CompilerCpu.share(importJit, CompilerCpu.seconds(), importCpuSeconds)));
      section.figure("produce import / raw produce", importRate / rawRate, "ratio", ">= 0.5", "wall clock");
      section.figure("produce import / raw produce, per CPU second", importPerCpu / rawPerCpu, "ratio", "",
          String.format(Locale.ROOT, "%.0f against %.0f events per CPU second; compares where the load on the machine "
              + "changed between the two", importPerCpu, rawPerCpu));
    } finally {
      Directories.delete(dir);
      cluster.deleteTopicsStartingWith(base);
    }
  }

  /** CPU time of this whole process (harness, importer and, by default, the broker), in nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The simulated history as JSON lines, one file per source, each in the simulator's (event-time) order. */
  private static Map<EventType, Path> writeFiles(SimulationConfig config, Path dir) throws Exception {
    Map<EventType, Path> files = new EnumMap<>(EventType.class);
    Map<EventType, JsonLinesSink> sinks = new EnumMap<>(EventType.class);
    Simulation.run(config, new EventSink() {
      @Override
      public void accept(SimulatedEvent event) throws Exception {
        EventType type = EventType.of(event.event());
        JsonLinesSink sink = sinks.get(type);
        if (sink == null) {
          Path file = dir.resolve(type.wireName() + ".jsonl");
          files.put(type, file);
          sink = new JsonLinesSink(file);
          sinks.put(type, sink);
        }
        sink.accept(event);
      }

      @Override
      public void close() throws Exception {
        for (JsonLinesSink sink : sinks.values()) {
          sink.close();
        }
      }
    }, ProgressListener.NONE);
    return files;
  }
}
