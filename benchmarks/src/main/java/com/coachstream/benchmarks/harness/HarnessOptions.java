package com.coachstream.benchmarks.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The harness's options (given before or after the subcommand); defaults are the documented full run. */
public final class HarnessOptions {

  @Option(names = "--bootstrap-servers", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT",
      description = "Measure on this Kafka cluster instead of the in-process single-node broker.")
  public String bootstrapServers;

  @Option(names = "--results-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Where the JSON results go (default: ${DEFAULT-VALUE}).")
  public Path resultsDir = Path.of("benchmarks", "results");

  @Option(names = "--label", scope = ScopeType.INHERIT, description = "Free text stored with the results, e.g. before-fix.")
  public String label = "";

  @Option(names = "--events", scope = ScopeType.INHERIT,
      description = "Simulated input events for throughput and window cost (default: ${DEFAULT-VALUE}).")
  public int events = 1_000_000;

  @Option(names = "--agents", scope = ScopeType.INHERIT,
      description = "Simulated agents for throughput and window cost (default: ${DEFAULT-VALUE}).")
  public int agents = 1_200;

  @Option(names = "--window-budget", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      description = "Longest a window-cost run may take; a slower one is measured over what it did (default: ${DEFAULT-VALUE}).")
  public Duration windowBudget = Duration.ofMinutes(5);

  @Option(names = "--window-settings", scope = ScopeType.INHERIT, split = ",", paramLabel = "SIZE/ADVANCE",
      description = "Window settings the window cost compares (default: ${DEFAULT-VALUE}); the smoke test runs one.")
  public java.util.List<String> windowSettings = java.util.List.of("7d/1d", "30d/1d", "30d/1h");

  @Option(names = "--latency-rate", scope = ScopeType.INHERIT, description = "Events/s of the latency run (default: ${DEFAULT-VALUE}).")
  public int latencyRate = 5_000;

  @Option(names = "--latency-duration", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      description = "Length of the latency run (default: ${DEFAULT-VALUE}).")
  public Duration latencyDuration = Duration.ofSeconds(120);

  @Option(names = "--latency-agents", scope = ScopeType.INHERIT,
      description = "Agents of the latency run (default: as many as make 35 days of history last the run's duration).")
  public int latencyAgents;

  /** Simulated events per agent and day (about 30 contacts on working days, QA evaluations, re-sends). */
  static final double EVENTS_PER_AGENT_DAY = 24.5;

  /** The latency run's agents: given, or enough for the whole history (and its slips) to play in the run. */
  public int latencyAgents(int days) {
    if (latencyAgents > 0) {
      return latencyAgents;
    }
    return (int) Math.max(10, Math.round(latencyRate * latencyDuration.toSeconds() / (EVENTS_PER_AGENT_DAY * days)));
  }

  @Option(names = "--memory-agents", scope = ScopeType.INHERIT, description = "Agents of the memory run (default: ${DEFAULT-VALUE}).")
  public int memoryAgents = 10_000;

  @Option(names = "--memory-days", scope = ScopeType.INHERIT, description = "Days of history of the memory run (default: ${DEFAULT-VALUE}).")
  public int memoryDays = 35;

  @Option(names = "--memory-budget", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      description = "Longest the memory run may process; a slower one is measured where it got (default: ${DEFAULT-VALUE}).")
  public Duration memoryBudget = Duration.ofHours(1);

  @Option(names = "--memory-jvm", scope = ScopeType.INHERIT, paramLabel = "OPTIONS",
      description = "JVM options of the streams processor process whose memory is measured (default: ${DEFAULT-VALUE}).")
  public String memoryJvm = "-Xmx256m -XX:+UseSerialGC -XX:MaxTenuringThreshold=3 -XX:NativeMemoryTracking=summary";

  @Option(names = "--memory-malloc-arenas", scope = ScopeType.INHERIT, paramLabel = "N",
      description = "MALLOC_ARENA_MAX of the measured process: glibc's per-thread arenas fragment RocksDB's native "
          + "memory; 0 leaves glibc's default (default: ${DEFAULT-VALUE}).")
  public int memoryMallocArenas = 2;

  @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
      description = "A streams-processor setting for every measured run, e.g. kafka.commit.interval.ms=100 (repeatable).")
  public Map<String, String> streamsSettings = new LinkedHashMap<>();

  @Option(names = "--profile", scope = ScopeType.INHERIT,
      description = "Record a JDK Flight Recorder profile of each measured streams run into the results directory.")
  public boolean profile;

  @Option(names = "--quick", scope = ScopeType.INHERIT,
      description = "JMH with one short iteration and no fork: checks that the micro-benchmarks run, measures little.")
  public boolean quick;

  public Profiler profiler() {
    return profile ? Profiler.into(resultsDir) : Profiler.off();
  }
}
