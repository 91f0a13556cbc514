package com.coachstream.benchmarks.harness;

import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options of the operations benchmarks (restart, restore, scale, backfill) and of repeated latency runs. */
public final class OperationsOptions {

  @Option(names = "--processor-jvm", scope = ScopeType.INHERIT, paramLabel = "OPTIONS",
      description = "JVM options of each streams processor process of restart, restore and scale (default: ${DEFAULT-VALUE}).")
  public String processorJvm = "-Xmx256m -XX:+UseSerialGC -XX:MaxTenuringThreshold=3";

  @Option(names = "--restart-rate", scope = ScopeType.INHERIT,
      description = "Events/s of the steady input while the processor is killed and started again (default: ${DEFAULT-VALUE}).")
  public int restartRate = 1_000;

  @Option(names = "--restart-before-kill", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      description = "How long the processor runs on the steady input before kill -9 (default: ${DEFAULT-VALUE}).")
  public Duration restartBeforeKill = Duration.ofSeconds(15);

  @Option(names = "--restart-modes", scope = ScopeType.INHERIT, split = ",",
      description = "Memberships to measure: static (instance.id set), dynamic (default: ${DEFAULT-VALUE}).")
  public java.util.List<String> restartModes = java.util.List.of("static", "dynamic");

  @Option(names = "--restore-agents", scope = ScopeType.INHERIT, description = "Agents of the restore run (default: ${DEFAULT-VALUE}).")
  public int restoreAgents = 10_000;

  @Option(names = "--restore-days", scope = ScopeType.INHERIT, description = "Days of history of the restore run (default: ${DEFAULT-VALUE}).")
  public int restoreDays = 35;

  @Option(names = "--restore-budget", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      description = "Longest the state may take to build before the restore is measured on what was built (default: ${DEFAULT-VALUE}).")
  public Duration restoreBudget = Duration.ofHours(1);

  @Option(names = "--restore-also", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
      description = "Restore the same changelogs a second time, into another fresh instance with this streams setting "
          + "added (repeatable): two restore settings compared on one build, which takes most of the run.")
  public java.util.Map<String, String> restoreAlso = new java.util.LinkedHashMap<>();

  @Option(names = "--scale-events", scope = ScopeType.INHERIT,
      description = "Simulated input events of the scale run (default: ${DEFAULT-VALUE}).")
  public int scaleEvents = 300_000;

  @Option(names = "--backfill-events", scope = ScopeType.INHERIT,
      description = "Events of the backfill run, written as JSON lines, one file per source (default: ${DEFAULT-VALUE}).")
  public int backfillEvents = 1_000_000;

  @Option(names = "--runs", scope = ScopeType.INHERIT,
      description = "Latency: how many runs to make one after another (default: ${DEFAULT-VALUE}).")
  public int runs = 1;

  @Option(names = "--latency-warm-up", scope = ScopeType.INHERIT, paramLabel = "DURATION",
      description = "Latency with --runs above 1: a run of this length first, reported but not counted, so that the "
          + "counted runs measure a warm JVM, not the JIT compiling broker and pipeline; PT0S for none (default: ${DEFAULT-VALUE}).")
  public Duration latencyWarmUp = Duration.ofSeconds(60);
}
