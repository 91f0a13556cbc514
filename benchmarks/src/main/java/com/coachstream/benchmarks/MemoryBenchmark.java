package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.KafkaSink;
import com.coachstream.benchmarks.harness.ProcessMemory;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.StreamsMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Figure 5: the streams processor alone in its own JVM ({@code StreamsMain}, as in a container) processes
 * the history of many agents; its resident memory (peak and settled) and the size of its state stores
 * (RocksDB files on disk, changelog topics on the broker) are measured.
 */
public final class MemoryBenchmark {

  private static final Duration SETTLE = Duration.ofSeconds(15);

  private MemoryBenchmark() { }

  public static void run(Cluster cluster, HarnessOptions options, Report report) throws Exception {
    String base = "mem-" + System.currentTimeMillis();
    TopicNames names = TopicNames.DEFAULTS.withPrefix(base + ".");
    cluster.createTopics(names, ThroughputBenchmark.PARTITIONS);
    SimulationConfig config = SimulationConfig.builder().seed(5).agents(options.memoryAgents)
        .teams(Math.max(1, options.memoryAgents / 30)).days(options.memoryDays)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).build();
    Report.progress("memory: simulating " + options.memoryAgents + " agents x " + options.memoryDays + " days into Kafka");
    SimulationResult produced = Simulation.run(config, new KafkaSink(cluster.clientProperties(), new Topics(names)),
        ProgressListener.NONE);
    List<String> inputs = List.of(names.interactions(), names.qaEvaluations(), names.agents());
    long input = cluster.endOffsets(inputs);

    String applicationId = base + "-streams";
    Path stateDir = Directories.temporary("coachstream-bench-memory-");
    Path log = Files.createTempFile("coachstream-bench-memory-", ".log");
    Report.Section section = report.section("5 memory and state")
        .setting("agents, days", options.memoryAgents + ", " + options.memoryDays)
        .setting("simulated events", produced.events())
        .setting("input records", input)
        .setting("process", "StreamsMain in its own JVM: " + options.memoryJvm
            + (options.memoryMallocArenas > 0 ? ", MALLOC_ARENA_MAX=" + options.memoryMallocArenas : ""))
        .setting("streams settings", options.streamsSettings.isEmpty() ? "product defaults" : options.streamsSettings.toString())
        .setting("process log", log.toString());
    Report.progress("memory: " + input + " input records; starting the streams processor process");
    Process process = start(cluster, names, applicationId, stateDir, options, log);
    try {
      long began = System.nanoTime();
      long deadline = began + options.memoryBudget.toNanos();
      long committed = 0;
      long reported = began;
      while (committed < input && process.isAlive() && System.nanoTime() < deadline) {
        sleep(Duration.ofSeconds(1));
        committed = cluster.committed(applicationId, inputs);
        if (System.nanoTime() - reported > Duration.ofSeconds(30).toNanos()) {
          reported = System.nanoTime();
          Report.progress(String.format(Locale.ROOT, "memory: %,d of %,d processed, RSS %,d MiB", committed, input,
              ProcessMemory.rss(process.pid()).orElse(0) >> 20));
        }
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      if (!process.isAlive()) {
        throw new IllegalStateException("The streams process ended early (exit " + process.exitValue() + "); see " + log);
      }
      sleep(SETTLE); // a publication interval or so: the settled state, not the end of a burst
      long peak = ProcessMemory.peakRss(process.pid()).orElse(-1);
      long rss = ProcessMemory.rss(process.pid()).orElse(-1);
      section.figure("processed", committed, "events", "", String.format(Locale.ROOT,
          "%.0f events/s including start-up (%.0f s)%s", committed / seconds, seconds,
          committed < input ? "; partial: the memory budget ran out" : ""));
      section.figure("peak RSS (VmHWM)", peak / 1048576.0, "MiB", "<= 512", "");
      section.figure("settled RSS (VmRSS) after " + SETTLE.toSeconds() + " s idle", rss / 1048576.0, "MiB", "<= 512", "");
      double gc = ProcessMemory.gcSeconds(process.pid()).orElse(-1);
      section.figure("GC time", gc, "s", "< 5 % of the run", String.format(Locale.ROOT, "%.1f %% of the %.0f s run",
          100 * gc / (seconds + SETTLE.toSeconds()), seconds + SETTLE.toSeconds()));
      Map<String, Long> jvm = ProcessMemory.jvmCommitted(process.pid());
      if (jvm.containsKey("Total")) {
        section.figure("  JVM committed (Native Memory Tracking)", jvm.get("Total") / 1048576.0, "MiB", "",
            "heap " + mib(jvm.get("Java Heap")) + ", class " + mib(jvm.get("Class")) + ", threads " + mib(jvm.get("Thread"))
            + ", code " + mib(jvm.get("Code")) + ", GC " + mib(jvm.get("GC")) + ", other " + mib(jvm.get("Other")));
        section.figure("  beyond the JVM's own (RocksDB, C library)", (rss - jvm.get("Total")) / 1048576.0, "MiB", "",
            "settled RSS minus JVM committed; state.rocksdb.memory.mb bounds RocksDB's block cache");
      }
      if (jvm.containsKey("Other")) {
        section.figure("  direct buffers (NMT Other)", jvm.get("Other") / 1048576.0, "MiB", "", "Kafka clients' and RocksDB's JNI buffers");
      }
      // last: the histogram runs a full collection
      section.figure("  heap live set after a full GC", ProcessMemory.liveHeap(process.pid()).orElse(-1) / 1048576.0, "MiB",
          "", "jcmd GC.class_histogram total; the rest of the committed heap is garbage between collections");
      section.figure("state stores on disk (RocksDB)", Directories.size(stateDir) / 1048576.0, "MiB");
      storeSizes(stateDir).forEach((store, bytes) -> section.figure("  store " + store, bytes / 1048576.0, "MiB"));
      section.figure("changelog topics on the broker", cluster.bytesOfTopicsStartingWith(applicationId + "-") / 1048576.0,
          "MiB", "", "before compaction");
      section.figure("state per agent on disk", (double) Directories.size(stateDir) / options.memoryAgents, "bytes");
    } finally {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Directories.delete(stateDir);
      cluster.deleteTopicsStartingWith(base);
    }
  }

  private static Process start(Cluster cluster, TopicNames names, String applicationId, Path stateDir,
      HarnessOptions options, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(options.memoryJvm.trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), StreamsMain.class.getName(),
        "--bootstrap-servers", cluster.bootstrapServers(), "--application-id", applicationId, "--http-port", "0"));
    Map<String, String> settings = new TreeMap<>(names.asMap());
    settings.put("state.dir", stateDir.toString());
    settings.put("http.host", "127.0.0.1");
    settings.putAll(options.streamsSettings);
    settings.forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (options.memoryMallocArenas > 0) {
      builder.environment().put("MALLOC_ARENA_MAX", String.valueOf(options.memoryMallocArenas));
    }
    return builder.start();
  }

  /** Bytes per state store: the files under each {@code <task>/rocksdb/<store>} directory, summed over tasks. */
  static Map<String, Long> storeSizes(Path stateDir) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        Path relative = stateDir.relativize(f);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
          if (relative.getName(i).toString().equals("rocksdb")) {
            sizes.merge(relative.getName(i + 1).toString(), f.toFile().length(), Long::sum);
            return;
          }
        }
      });
    }
    return sizes;
  }

  private static String mib(Long bytes) {
    return bytes == null ? "?" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis()); // the harness polls progress; it is not a test waiting on state
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
