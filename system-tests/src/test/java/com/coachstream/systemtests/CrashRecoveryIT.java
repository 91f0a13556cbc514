package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.AgentWindowKey;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.streams.StreamsService;
import com.coachstream.systemtests.support.GroupProgress;
import com.coachstream.systemtests.support.MapDiff;
import com.coachstream.systemtests.support.OrderedInput;
import com.coachstream.systemtests.support.PipelineOutputs;
import com.coachstream.systemtests.support.Quiescence;
import com.coachstream.systemtests.support.RunOutcome;
import com.coachstream.systemtests.support.ServiceProcess;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicSet;
import com.coachstream.systemtests.support.TopicSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md: a kill -9 of the streams processor at any moment loses no event and double-counts none. The
 * processor runs as a child JVM ({@code StreamsMain}, configured on its command line) over a simulated
 * contact center's history and is killed at random moments — three times while it processes, once while it
 * starts up and restores its state — and started again each time with the same state directory. Its final
 * windows (latest value per key) and its alerts must equal those of an uninterrupted run of a second
 * application over the same input, and no alert may be committed twice.
 */
@Tag("integration")
@Tag("faults")
@Timeout(600)
@ExtendWith(KafkaBrokerExtension.class)
class CrashRecoveryIT {

  /**
   * Input events. The issue asks for 200,000; on the 2-core machine that takes far longer than this module's
   * share of the build (figures in this module's README), so the build runs 40,000 and
   * {@code -Dsystemtests.crash.events=200000} runs the full figure.
   */
  private static final int EVENTS = Integer.getInteger("systemtests.crash.events", 40_000);
  private static final int DAYS = 14;
  private static final int PARTITIONS = 4;
  private static final int KILLS_WHILE_PROCESSING = 3;

  @Test
  void killedProcessorEndsWithTheWindowsAndAlertsOfAnUninterruptedRun(KafkaTestBroker broker, @TempDir Path stateDir)
      throws Exception {
    String prefix = broker.uniqueName("crash");
    TopicSet crashed = TopicSet.create(broker.clientProperties(), prefix + ".crashed", PARTITIONS);
    TopicSet reference = crashed.withOwnOutputs(broker.clientProperties(), prefix + ".reference", PARTITIONS);

    // the input, written once: both applications read exactly these records
    SimulationConfig config = SimulationConfig.builder().seed(11).agents(Math.max(8, EVENTS / (DAYS * 23))).teams(8)
        .days(DAYS).slipFraction(0.25).end(Instant.now().truncatedTo(ChronoUnit.SECONDS)).maxEvents(EVENTS).build();
    SimulationResult input = Simulation.run(config,
        new OrderedInput(broker.clientProperties(), crashed.topics(), Instant.now().minusMillis(EVENTS)), (n, t, f) -> { });
    System.out.printf(Locale.ROOT, "Crash recovery: %,d events (%d agents, %d days) written in %.1f s%n",
        input.events(), config.agents(), DAYS, input.wallTime().toMillis() / 1000.0);

    long began = System.nanoTime();
    String referenceApp = prefix + "-reference";
    RunOutcome expected = StreamsRuns.uninterrupted(broker.clientProperties(), reference, referenceApp,
        stateDir.resolve("reference"), Duration.ofMinutes(6));
    long changelog = TopicSizes.bytesOfTopicsStartingWith(broker.clientProperties(), referenceApp + "-");
    System.out.printf(Locale.ROOT, "Crash recovery: uninterrupted run settled in %.1f s: %,d windows, %d alerts,"
            + " %d dead letters; its state changelogs hold %,d bytes (%,d per input event)%n", seconds(began),
        expected.windows().size(), expected.alerts().size(), expected.deadLetters(), changelog, changelog / input.events());

    long seed = System.nanoTime();
    List<Double> killPoints = new Random(seed).doubles(KILLS_WHILE_PROCESSING, 0.1, 0.9).sorted().boxed().toList();
    String crashedApp = prefix + "-crashed";
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), crashed, crashedApp,
        stateDir.resolve("crashed"));
    // a killed member leaves the group when its session expires: 6 s is the broker's minimum
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    List<String> kills = new ArrayList<>();
    began = System.nanoTime();
    try (ServiceProcess streams = ServiceProcess.streams("streams-crashed", settings,
            Path.of("target", "system-test-logs", prefix));
        GroupProgress progress = new GroupProgress(broker.clientProperties(), crashedApp, crashed.inputs());
        PipelineOutputs outputs = new PipelineOutputs(broker.clientProperties(), crashed.topics())) {
      streams.start();
      double lastKill = 0;
      for (int k = 0; k < killPoints.size(); k++) {
        // at the random point, or once it has committed more since the last kill: it is processing, not restoring
        double target = Math.max(killPoints.get(k), lastKill + 0.02);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).until(() -> progress.fraction() >= target);
        streams.kill();
        lastKill = progress.fraction();
        kills.add(String.format(Locale.ROOT, "while processing, %.0f%% committed", 100 * lastKill));
        streams.start();
        if (k == 0) {
          // and once while it starts up again: Kafka Streams started, rebalancing and restoring its stores
          await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
              .until(() -> streams.logContains(StreamsService.class.getSimpleName() + " - Streams processor"));
          streams.kill();
          kills.add(String.format(Locale.ROOT, "while starting up, %.0f%% committed", 100 * progress.fraction()));
          streams.start();
        }
      }
      // a processor that cannot restart says so on /health (503 once Kafka Streams is in ERROR): fail at once
      Quiescence.awaitSettled(progress, outputs, StreamsRuns.PUBLISH_INTERVAL, Duration.ofMinutes(6),
          () -> !streams.isAlive() || streams.get("/health").status() == 503);
      RunOutcome actual = RunOutcome.of(outputs);
      System.out.printf(Locale.ROOT, "Crash recovery: killed %d times (kill points from seed %d): %s; settled %.1f s after"
          + " the first start%n", kills.size(), seed, kills, seconds(began));
      System.out.printf(Locale.ROOT, "Crash recovery: after the kills %,d windows, %d alerts (%d distinct ids), %d dead"
              + " letters; %,d window records committed in all%n", actual.windows().size(), actual.alertIds().size(),
          new HashSet<>(actual.alertIds()).size(), actual.deadLetters(), outputs.windowUpdates());

      assertThat(kills).hasSize(KILLS_WHILE_PROCESSING + 1);
      assertThat(expected.windows()).hasSizeGreaterThan(config.agents() * DAYS / 2);
      assertThat(expected.alerts()).isNotEmpty();
      MapDiff<AgentWindowKey> windows = actual.windowsAgainst(expected);
      assertThat(windows.isEmpty()).as("final windows %s", windows.summary(5, RunOutcome::describe)).isTrue();
      MapDiff<String> alerts = actual.alertsAgainst(expected);
      assertThat(alerts.isEmpty()).as("alerts %s", alerts.summary(5, Function.identity())).isTrue();
      assertThat(actual.alertIds()).as("alert ids committed twice").doesNotHaveDuplicates();
      assertThat(expected.alertIds()).doesNotHaveDuplicates();
      assertThat(actual.deadLetters()).isEqualTo(expected.deadLetters());
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
