package com.coachstream.benchmarks;

import com.coachstream.benchmarks.harness.Cluster;
import com.coachstream.benchmarks.harness.Directories;
import com.coachstream.benchmarks.harness.HarnessOptions;
import com.coachstream.benchmarks.harness.Report;
import com.coachstream.benchmarks.harness.StreamsApps;
import com.coachstream.benchmarks.harness.StreamsRun;
import com.coachstream.benchmarks.harness.Workload;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.topics.TopicNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 3: the streams processor at window size/advance 7d/1d, 30d/1d and 30d/1h, and beside each the same
 * aggregation with the DSL's hopping windows, all draining the same input in one harness run.
 */
public final class WindowCostBenchmark {


  private WindowCostBenchmark() { }

  public static void run(Cluster cluster, Workload workload, HarnessOptions options, Report report) throws Exception {
    Report.Section section = report.section("3 window cost")
        .setting("input", workload.allRecords() + " records (" + workload.scorableRecords() + " interactions and evaluations)")
        .setting("time budget per run", options.windowBudget.toString())
        .setting("streams settings", options.streamsSettings.isEmpty() ? "product defaults" : options.streamsSettings.toString())
        .setting("DSL comparison", "hopping TimeWindows(size, grace 48h).advanceBy(advance), aggregate into a window"
            + " store, same observations and AgentSkillWindow output, no dedup/corrections/slip detection");
    List<String[]> settings = options.windowSettings.stream().map(WindowCostBenchmark::sizeAndAdvance).toList();
    Map<String, Double> ours = new LinkedHashMap<>();
    Map<String, Double> dsl = new LinkedHashMap<>();
    for (String[] setting : settings) {
      String name = setting[0] + "/" + setting[1];
      Map<String, String> overrides = new LinkedHashMap<>(options.streamsSettings);
      overrides.put("window.size", setting[0]);
      overrides.put("window.advance", setting[1]);
      String tag = setting[0] + setting[1];
      StreamsRun.Result coach = run(cluster, workload, "slices-" + tag, overrides, options, false);
      ours.put(name, coach.eventsPerSecond());
      section.figure("streams processor " + name, coach.eventsPerSecond(), "events/s", "", coach.partialNote());
      section.figure("  per CPU second of its threads", coach.eventsPerCpuSecond(), "events/s");
      section.figure("  output records per input event", (double) coach.outputOffsets() / coach.events(), "records", "",
          "end offsets of the outputs: window records (skill scores) and alerts, and a transaction marker per partition and commit");
      StreamsRun.Result hopping = run(cluster, workload, "dsl-" + tag, overrides, options, true);
      dsl.put(name, hopping.eventsPerSecond());
      section.figure("DSL hopping windows " + name, hopping.eventsPerSecond(), "events/s", "", hopping.partialNote());
      section.figure("  per CPU second of its threads", hopping.eventsPerCpuSecond(), "events/s");
    }
    // Publication of the other changed windows grows with size/advance by nature (each event changes that
    // many windows); the same runs with it deferred beyond the run show the per-event cost alone.
    Map<String, Double> perEvent = new LinkedHashMap<>();
    for (String[] setting : settings) {
      String name = setting[0] + "/" + setting[1];
      Map<String, String> overrides = new LinkedHashMap<>(options.streamsSettings);
      overrides.put("window.size", setting[0]);
      overrides.put("window.advance", setting[1]);
      overrides.put("scores.publish.interval", "24h");
      StreamsRun.Result deferred = run(cluster, workload, "deferred-" + setting[0] + setting[1], overrides, options, false);
      perEvent.put(name, deferred.eventsPerSecond());
      section.figure("streams processor " + name + ", publication deferred", deferred.eventsPerSecond(), "events/s", "",
          "scores.publish.interval=24h: current window per commit interval only " + deferred.partialNote());
      section.figure("  output records per input event", (double) deferred.outputOffsets() / deferred.events(), "records", "",
          "");
    }
    double fastestPerEvent = perEvent.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    double slowestPerEvent = perEvent.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    section.figure("publication deferred: slowest / fastest setting", slowestPerEvent / fastestPerEvent, "ratio", "",
        "the per-event cost alone");
    double fastest = ours.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    double slowest = ours.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    section.figure("streams processor: slowest / fastest setting", slowest / fastest, "ratio", ">= 0.80",
        String.format(Locale.ROOT, "spread %.1f %%", (1 - slowest / fastest) * 100));
    ours.forEach((name, rate) -> section.figure("streams processor / DSL at " + name, rate / dsl.get(name), "ratio",
        name.equals("30d/1h") ? ">= 100" : "", ""));
  }

  /** "30d/1h" as {"30d", "1h"}: the window size and advance a run overrides. */
  private static String[] sizeAndAdvance(String setting) {
    String[] parts = setting.trim().split("/");
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("--window-settings: expected SIZE/ADVANCE such as 7d/1d, got '" + setting + "'");
    }
    return parts;
  }

  private static StreamsRun.Result run(Cluster cluster, Workload workload, String run, Map<String, String> overrides,
      HarnessOptions options, boolean dsl) throws Exception {
    TopicNames names = workload.forRun(run);
    cluster.createTopics(names, ThroughputBenchmark.PARTITIONS);
    Path stateDir = Directories.temporary("coachstream-bench-state-");
    try {
      Settings settings = StreamsApps.settings(cluster, names, workload.applicationId(run), stateDir, overrides);
      List<String> inputs = dsl ? workload.scorableTopics() : workload.allTopics();
      long expected = dsl ? workload.scorableRecords() : workload.allRecords();
      return StreamsRun.measure(cluster, workload.applicationId(run), inputs, expected, options.windowBudget,
          workload.outputPrefix(run), options.profiler(),
          () -> dsl ? StreamsApps.dslHoppingWindows(settings) : StreamsApps.coachStream(settings));
    } finally {
      Directories.delete(stateDir);
      cluster.deleteTopicsStartingWith(workload.applicationId(run) + "-", workload.outputPrefix(run));
    }
  }
}
