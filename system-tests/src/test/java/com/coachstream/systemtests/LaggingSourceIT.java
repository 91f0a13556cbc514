package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AgentWindowKey;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.cli.ProduceCommand;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.MapDiff;
import com.coachstream.systemtests.support.OrderedInput;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.RunOutcome;
import com.coachstream.systemtests.support.ServiceProcess;
import com.coachstream.systemtests.support.SimulatedHistory;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The result must not depend on which input topic is read first. Three ways the QA evaluations come behind
 * the interactions — a QA tool that was down four days and catches up, a processor killed while both
 * sources stream in (its restart finds a backlog on both topics), and a backfill imported as one export per
 * system — each end with exactly the final windows of the same history played in event-time order, and no
 * event dead-lettered as LATE in either run.
 */
@Tag("integration")
@Timeout(600)
@ExtendWith(KafkaBrokerExtension.class)
class LaggingSourceIT {

  private static final int PARTITIONS = 2;

  private static SimulationConfig.Builder history(int agents, int days) {
    return SimulationConfig.builder().seed(23).agents(agents).teams(2).days(days).slipFraction(0.3).qaShare(0.15)
        .end(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void aQaSourceFourDaysLateEndsWithTheWindowsOfTheInOrderRun(KafkaTestBroker broker, @TempDir Path dir) throws Exception {
    SimulationConfig config = history(8, 21).build();
    List<SimulatedEvent> events = SimulatedHistory.of(config);
    Instant outage = config.start().plus(Duration.ofDays(10));
    Instant caughtUp = outage.plus(Duration.ofDays(4));
    String prefix = broker.uniqueName("qa-outage");

    TopicSet arrival = TopicSet.create(broker.clientProperties(), prefix + ".arrival", PARTITIONS);
    SimulatedHistory.play(SimulatedHistory.withQaOutage(events, outage, caughtUp),
        new OrderedInput(broker.clientProperties(), arrival.topics(), Instant.now().minusMillis(events.size())));
    RunOutcome actual = StreamsRuns.uninterrupted(broker.clientProperties(), arrival, prefix + "-arrival",
        dir.resolve("arrival"), Duration.ofMinutes(3));
    RunOutcome expected = inOrderRun(broker, prefix, events, dir);

    report("QA outage of 4 days (" + SimulatedHistory.qaEvaluationsBetween(events, outage, caughtUp)
        + " evaluations held back)", events.size(), actual, expected);
    assertThat(SimulatedHistory.qaEvaluationsBetween(events, outage, caughtUp)).isGreaterThan(50);
    assertSameWindowsAndNothingLate(actual, expected, config);
  }

  @Test
  void aProcessorKilledWhileBothSourcesStreamInEndsWithTheWindowsOfTheInOrderRun(KafkaTestBroker broker,
      @TempDir Path dir) throws Exception {
    SimulationConfig config = history(6, 21).pacing(Pacing.compressedTo(Duration.ofSeconds(20))).build();
    String prefix = broker.uniqueName("paced-kill");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix + ".paced", PARTITIONS);
    String app = prefix + "-paced";
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), topics, app, dir.resolve("paced"));
    // the restarted member joins once the killed one's session expired: a backlog builds on both topics meanwhile
    settings.put("kafka.session.timeout.ms", "10000");
    settings.put("kafka.heartbeat.interval.ms", "2000");
    AtomicReference<Double> sent = new AtomicReference<>(0.0);
    RunOutcome actual;
    String killedAt;
    try (ServiceProcess streams = ServiceProcess.streams("streams-paced", settings, Path.of("target", "system-test-logs", prefix));
        GroupProgress progress = new GroupProgress(broker.clientProperties(), app, topics.inputs());
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), topics.topics());
        CoachStreamProducer producer = new CoachStreamProducer(broker.clientProperties(), topics.topics(),
            EventValidator.withDefaults())) {
      streams.start();
      await().atMost(Duration.ofMinutes(2)).until(streams::isReady);
      CompletableFuture<SimulationResult> paced = CompletableFuture.supplyAsync(() -> {
        try {
          return Simulation.run(config, producer, (n, t, fraction) -> sent.set(fraction));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
          .until(() -> sent.get() >= 0.4 && progress.committed() > 0);
      streams.kill();
      killedAt = String.format(Locale.ROOT, "%.0f%% of the history sent, %,d records committed", 100 * sent.get(),
          progress.committed());
      streams.start();
      SimulationResult result = paced.get(3, TimeUnit.MINUTES);
      assertThat(result.complete()).isTrue();
      Quiescence.awaitSettled(progress, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(3),
          () -> !streams.isAlive() || streams.get("/health").status() == 503);
      actual = RunOutcome.of(outputs);
    }
    List<SimulatedEvent> events = SimulatedHistory.of(history(6, 21).end(config.end()).build());
    RunOutcome expected = inOrderRun(broker, prefix, events, dir);

    report("kill -9 during a paced import (killed at " + killedAt + ")", events.size(), actual, expected);
    assertSameWindowsAndNothingLate(actual, expected, config);
  }

  /**
   * The backfill of a new contact center: one export per system, imported with one command. Six weeks, longer
   * than the state kept per agent (window.size + baseline.size), so evaluations sent after all the
   * interactions would be too old to count: the import must send the two files merged in event-time order.
   */
  @Test
  void aSplitExportImportedInOneRunEndsWithTheWindowsOfTheInOrderRun(KafkaTestBroker broker, @TempDir Path dir)
      throws Exception {
    SimulationConfig config = history(4, 42).build();
    List<SimulatedEvent> events = SimulatedHistory.of(config);
    Path ccaas = dir.resolve("ccaas-export.jsonl");
    Path qa = dir.resolve("qa-export.jsonl");
    SimulatedHistory.writeSplitExports(events, ccaas, qa);
    String prefix = broker.uniqueName("split-export");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix + ".import", PARTITIONS);

    List<String> args = new ArrayList<>(List.of("import", "--bootstrap-servers", broker.bootstrapServers()));
    topics.settings().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
    args.addAll(List.of(ccaas.toString(), qa.toString()));
    StringWriter out = new StringWriter();
    int exit = new CommandLine(new ProduceCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
        .execute(args.toArray(String[]::new));
    assertThat(exit).as("produce import: %s", out).isZero();
    RunOutcome actual = StreamsRuns.uninterrupted(broker.clientProperties(), topics, prefix + "-import",
        dir.resolve("import"), Duration.ofMinutes(3));
    RunOutcome expected = inOrderRun(broker, prefix, events, dir);

    report("split export imported in one run (" + out.toString().trim().replace('\n', ' ') + ")", events.size(),
        actual, expected);
    assertSameWindowsAndNothingLate(actual, expected, config);
  }

  /** The same history written in the simulator's (event-time) order and scored by an application of its own. */
  private static RunOutcome inOrderRun(KafkaTestBroker broker, String prefix, List<SimulatedEvent> events, Path dir) {
    TopicSet inOrder = TopicSet.create(broker.clientProperties(), prefix + ".in-order", PARTITIONS);
    SimulatedHistory.play(events,
        new OrderedInput(broker.clientProperties(), inOrder.topics(), Instant.now().minusMillis(events.size())));
    return StreamsRuns.uninterrupted(broker.clientProperties(), inOrder, prefix + "-in-order", dir.resolve("in-order"),
        Duration.ofMinutes(3));
  }

  private static void report(String scenario, int events, RunOutcome actual, RunOutcome expected) {
    MapDiff<AgentWindowKey> diff = actual.windowsAgainst(expected);
    System.out.printf(Locale.ROOT, "Lagging source: %s: %,d events; %,d windows compared, %s; LATE dead letters %d"
            + " (in-order run %d); dead letters %d (%d); alerts %d (%d)%n", scenario, events, diff.compared(),
        diff.summary(3, RunOutcome::describe), actual.lateDeadLetters(), expected.lateDeadLetters(),
        actual.deadLetters(), expected.deadLetters(), actual.alerts().size(), expected.alerts().size());
  }

  private static void assertSameWindowsAndNothingLate(RunOutcome actual, RunOutcome expected, SimulationConfig config) {
    assertThat(expected.windows()).hasSizeGreaterThan(config.agents() * config.days() / 2);
    assertThat(expected.lateDeadLetters()).as("LATE dead letters of the in-order run").isZero();
    assertThat(actual.lateDeadLetters()).as("LATE dead letters").isZero();
    MapDiff<AgentWindowKey> windows = actual.windowsAgainst(expected);
    assertThat(windows.isEmpty()).as("final windows %s", windows.summary(5, RunOutcome::describe)).isTrue();
  }
}
