package com.coachstream.producer.cli;

import com.coachstream.common.cli.CommonOptions;
import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.Settings;
import com.coachstream.common.config.keys.Service;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import com.coachstream.producer.simulate.ContactCenter;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.JsonLinesSink;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.ProducerSink;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.validation.ValidationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code produce simulate}: a simulated contact center with agents who slip at known times. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulate a contact center whose agents slip at known times.",
        "Teams and supervisors (roster first), agents with their own soft and hard",
        "skill levels, interactions with automated QA signals, reviewer evaluations, calibrations, re-sends, corrections",
        "and retractions. Some agents slip (level drops 20-30 points) at known times and half of them recover;",
        "the plan is written to the ground-truth file (JSON lines). Event time is independent of wall time:",
        "the history (--days ending at --end, default now) is sent as fast as Kafka accepts it, at --rate",
        "events/s, or compressed into --playback."})
public final class SimulateCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Spec
  CommandSpec spec;

  @Option(names = "--agents", defaultValue = "50", description = "Agents (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--teams", defaultValue = "5", description = "Teams, each with a supervisor (default ${DEFAULT-VALUE}).")
  int teams;

  @Option(names = "--days", defaultValue = "35", description = "Days of event-time history (default ${DEFAULT-VALUE}; >= 21 for slips and recoveries to show).")
  int days;

  @Option(names = "--start", description = "First instant of the history (ISO-8601); default: --days before --end.")
  Instant start;

  @Option(names = "--end", description = "Last instant of the history (ISO-8601), at most now + 1 h; default now.")
  Instant end;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed: the same seed gives the same events (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--slip-fraction", defaultValue = "0.2", description = "Share of agents who slip (default ${DEFAULT-VALUE}).")
  double slipFraction;

  @Option(names = "--qa-share", defaultValue = "0.04", description = "Share of interactions a reviewer evaluates (default ${DEFAULT-VALUE}).")
  double qaShare;

  @Option(names = "--rate", description = "Steady load: at most this many events per second (default: as fast as possible).")
  Double rate;

  @Option(names = "--playback", paramLabel = "DURATION", description = "Play the whole history over this wall time, e.g. 40s.")
  String playback;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this wall time, e.g. 10m.")
  String duration;

  @Option(names = "--events", description = "Stop after this many events.")
  Long events;

  @Option(names = "--ground-truth", defaultValue = "ground-truth.jsonl", description = "Ground-truth file (default ${DEFAULT-VALUE}).")
  Path groundTruth;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the events as JSON lines to this file instead of Kafka.")
  Path output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant last = end != null ? end : start != null ? start.plus(Duration.ofDays(days)) : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    if (last.isAfter(Instant.now().plus(Duration.ofHours(1)))) {
      throw new ParameterException(spec.commandLine(), "The history would end at " + last
          + ", more than 1 h in the future: events that far ahead are rejected. Use an earlier --start/--end.");
    }
    SimulationConfig config = config(last);
    try (CoachStreamProducer producer = output == null ? CoachStreamProducer.create(common.settings(Service.PRODUCER, Map.of())) : null) {
      if (producer != null) {
        producer.awaitBroker();
      }
      // Written first, so whoever watches the pipeline can compare alerts with the plan while it runs.
      GroundTruth.of(ContactCenter.generate(config)).write(groundTruth);
      EventSink sink = producer == null ? new JsonLinesSink(output) : new ProducerSink(producer);
      SimulationResult result = Simulation.run(config, sink, (emitted, eventTime, fraction) -> err.printf(
          "simulated up to %s: %d events (%.0f%%)%n", eventTime.truncatedTo(ChronoUnit.MINUTES), emitted, fraction * 100));
      out.printf("%d events from %s to %s (%s) in %.1f s; %d of %d agents slip; ground truth in %s%n",
          result.events(), config.start(), config.end(), result.complete() ? "complete" : "stopped early",
          result.wallTime().toMillis() / 1000.0, result.groundTruth().slipping().size(), agents, groundTruth);
      return 0;
    } catch (SendFailedException | ValidationException | IOException e) {
      err.println("simulate failed: " + e.getMessage());
      return ProduceCommand.UNAVAILABLE;
    }
  }

  /** The simulation the options ask for; contradictory or out-of-range options are a usage error (exit 2). */
  private SimulationConfig config(Instant last) {
    if (rate != null && playback != null) {
      throw new ParameterException(spec.commandLine(), "--rate and --playback exclude each other");
    }
    try {
      return SimulationConfig.builder()
          .seed(seed).agents(agents).teams(teams).days(days).end(last).slipFraction(slipFraction).qaShare(qaShare)
          .maxEvents(events == null ? Long.MAX_VALUE : events)
          .maxWallTime(duration == null ? null : Settings.parseDuration("--duration", duration))
          .pacing(rate != null ? Pacing.eventsPerSecond(rate)
              : playback != null ? Pacing.compressedTo(Settings.parseDuration("--playback", playback)) : Pacing.asFastAsPossible())
          .build();
    } catch (IllegalArgumentException | ConfigException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
