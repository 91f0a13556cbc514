package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.OperationsOptions;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.benchmarks.harness.Workload;
import com.coachstream.benchmarks.micro.MicroBenchmarks;
import com.coachstream.benchmarks.quality.QualityBenchmark;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The benchmark harness: {@code java -jar benchmarks/target/benchmarks.jar all} runs every measurement of
 * docs/performance.md on the in-process broker, prints a table and writes JSON to {@code benchmarks/results/}.
 * Each figure also has its own subcommand.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true,
    description = "CoachStream benchmarks: throughput, window cost, latency, memory, JMH micro-benchmarks, alert quality.",
    subcommands = {CommandLine.HelpCommand.class})
public final class BenchmarkRunner {

  @Mixin
  HarnessOptions options;

  @Mixin
  OperationsOptions operations;

  public static void main(String[] args) {
    // before any logger exists: the harness's own logging configuration (quiet broker, no log file)
    System.setProperty("logback.configurationFile", "logback-benchmarks.xml");
    System.exit(run(args));
  }

  /** Runs the harness with these arguments and returns its exit code (the smoke test calls this). */
  public static int run(String... args) {
    return new CommandLine(new BenchmarkRunner()).execute(args);
  }

  @Command(name = "all", description = "Every figure: throughput, window cost, latency, memory, micro-benchmarks.")
  int all() throws Exception {
    return measure("all", (cluster, report) -> {
      Workload workload = ThroughputBenchmark.run(cluster, options, report);
      WindowCostBenchmark.run(cluster, workload, options, report);
      cluster.deleteTopicsStartingWith(workload.base());
      LatencyBenchmark.run(cluster, options, report);
      MemoryBenchmark.run(cluster, options, report);
      MicroBenchmarks.run(options, report);
    });
  }

  @Command(name = "throughput", description = "(1) raw produce/consume and (2) the streams processor with exactly-once.")
  int throughput() throws Exception {
    return measure("throughput", (cluster, report) ->
        cluster.deleteTopicsStartingWith(ThroughputBenchmark.run(cluster, options, report).base()));
  }

  @Command(name = "windows", description = "(3) window cost: 7d/1d, 30d/1d, 30d/1h against the DSL's hopping windows.")
  int windows() throws Exception {
    return measure("windows", (cluster, report) -> {
      Workload workload = ThroughputBenchmark.run(cluster, options, report);
      WindowCostBenchmark.run(cluster, workload, options, report);
      cluster.deleteTopicsStartingWith(workload.base());
    });
  }

  @Command(name = "latency", description = "(4) event produced -> alert at a webhook, at a steady rate; --runs N repeats it.")
  int latency() throws Exception {
    return measure("latency", (cluster, report) -> {
      if (operations.runs <= 1) {
        LatencyBenchmark.run(cluster, options, report);
        return;
      }
      // The runs share this JVM with the broker: the first one would also measure the JIT compiling the broker,
      // processor, notifier and simulator. A warm-up run (not counted) takes that; its p99 is reported beside.
      double coldP99 = Double.NaN;
      if (!operations.latencyWarmUp.isZero()) {
        coldP99 = LatencyBenchmark.run(cluster, options, report, "4 latency, warm-up run (not counted)",
            operations.latencyWarmUp);
      }
      java.util.List<Double> p99 = new java.util.ArrayList<>();
      for (int run = 1; run <= operations.runs; run++) {
        p99.add(LatencyBenchmark.run(cluster, options, report, "4 latency, run " + run + " of " + operations.runs));
      }
      long met = p99.stream().filter(ms -> ms <= 1000).count();
      Report.Section summary = report.section("4 latency over " + operations.runs + " runs")
          .setting("p99 of each run (ms)", p99)
          .setting("warm-up run before them", operations.latencyWarmUp.isZero() ? "none"
              : String.format(java.util.Locale.ROOT, "%s, p99 %.0f ms (a cold JVM; not counted)",
                  operations.latencyWarmUp, coldP99));
      summary.figure("runs with p99 <= 1 s", met, "runs", "= " + operations.runs, "");
      summary.figure("worst p99", p99.stream().anyMatch(ms -> ms.isNaN()) ? Double.NaN
          : p99.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), "ms", "<= 1000",
          "n/a when a run did not keep up");
    });
  }

  @Command(name = "restart", description = "(6) kill -9 and start again on a steady input: launch to first new output, "
      + "with static membership (instance.id) and without.")
  int restart() throws Exception {
    return measure("restart", (cluster, report) -> RestartBenchmark.run(cluster, options, operations, report));
  }

  @Command(name = "restore", description = "(7) a fresh instance restores the state of many agents' history from its "
      + "changelogs: launch to RUNNING, records/s.")
  int restore() throws Exception {
    return measure("restore", (cluster, report) -> RestoreBenchmark.run(cluster, options, operations, report));
  }

  @Command(name = "scale", description = "(8) two processor instances (JVMs of their own) against one on the same input.")
  int scale() throws Exception {
    return measure("scale", (cluster, report) -> ScaleBenchmark.run(cluster, options, operations, report));
  }

  @Command(name = "backfill", description = "(9) produce import of JSON-lines files, one per source, against raw produce.")
  int backfill() throws Exception {
    return measure("backfill", (cluster, report) -> BackfillBenchmark.run(cluster, options, operations, report));
  }

  @Command(name = "operations", description = "(6-9) restart, restore, scale and backfill, one after another.")
  int operationsAll() throws Exception {
    return measure("operations", (cluster, report) -> {
      RestartBenchmark.run(cluster, options, operations, report);
      RestoreBenchmark.run(cluster, options, operations, report);
      ScaleBenchmark.run(cluster, options, operations, report);
      BackfillBenchmark.run(cluster, options, operations, report);
    });
  }

  @Command(name = "memory", description = "(5) RSS and state size of the streams processor for many agents' history.")
  int memory() throws Exception {
    return measure("memory", (cluster, report) -> MemoryBenchmark.run(cluster, options, report));
  }

  @Command(name = "quality", description = "Alert quality of both alert modes on simulated contact centers with known "
      + "truth: recall, precision, detection delay, false alerts per 1,000 agent-days (no Kafka broker).")
  int quality(
      @CommandLine.Option(names = "--quality-agents", defaultValue = "100",
          description = "Agents per scenario family (default: ${DEFAULT-VALUE}).") int agents,
      @CommandLine.Option(names = "--quality-days", defaultValue = "100",
          description = "Simulated days (default: ${DEFAULT-VALUE}).") int days,
      @CommandLine.Option(names = "--seed", defaultValue = "1", description = "Simulation seed (default: ${DEFAULT-VALUE}).")
      long seed,
      @CommandLine.Option(names = "--quality-modes", defaultValue = "threshold,statistical", split = ",",
          description = "Alert modes to measure (default: ${DEFAULT-VALUE}).") java.util.List<String> modes)
      throws Exception {
    Report report = new Report("quality", options.label);
    QualityBenchmark.run(modes, agents, days, seed, options.streamsSettings, report);
    return finish(report);
  }

  @Command(name = "micro", description = "JMH micro-benchmarks of scoring and the state codec (no Kafka).")
  int micro() throws Exception {
    Report report = new Report("micro", options.label);
    MicroBenchmarks.run(options, report);
    return finish(report);
  }

  @FunctionalInterface
  private interface Measurement {
    void run(Cluster cluster, Report report) throws Exception;
  }

  private int measure(String command, Measurement measurement) throws Exception {
    Report report = new Report(command, options.label);
    try (Cluster cluster = Cluster.connect(options.bootstrapServers)) {
      measurement.run(cluster, report);
    }
    return finish(report);
  }

  private int finish(Report report) {
    report.print(System.out);
    Path file = report.write(options.resultsDir);
    System.out.println("Results written to " + file.toAbsolutePath());
    return 0;
  }
}
