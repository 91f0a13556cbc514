package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.EffectStatus;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.streams.StreamsService;
import com.coachstream.systemtests.support.CoachingEffects;
import com.coachstream.systemtests.support.OrderedInput;
import com.coachstream.systemtests.support.ServiceProcess;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicReader;
import com.coachstream.systemtests.support.TopicSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

/**
 * docs/guarantees.md for the coaching effect: the streams processor, as a child JVM, is killed with kill -9
 * while effects are being measured (right after its first PENDING effect is committed, and again in the middle
 * of the after periods), and restarted with its state directory, while the history is played as live traffic
 * into it and into a second application; every session's final effect equals that of an
 * uninterrupted run of a second application over the same input.
 */
@Tag("integration")
@Tag("faults")
@Timeout(900)
@ExtendWith(KafkaBrokerExtension.class)
class CoachingEffectCrashIT {

  @Test
  void effectsAfterKillsDuringMeasurementEqualThoseOfAnUninterruptedRun(KafkaTestBroker broker, @TempDir Path stateDir)
      throws Exception {
    String prefix = broker.uniqueName("effect-crash");
    TopicSet crashed = TopicSet.create(broker.clientProperties(), prefix + ".crashed", 4);
    TopicSet reference = crashed.withOwnOutputs(broker.clientProperties(), prefix + ".reference", 4);
    SimulationConfig config = CoachingEffects.scenario(7, Duration.ofSeconds(60));
    Instant firstSession = config.start().plus(Duration.ofDays(15));

    Map<String, String> referenceSettings = StreamsRuns.settings(broker.bootstrapServers(), reference,
        prefix + "-reference", stateDir.resolve("reference"));
    referenceSettings.put("http.port", "0");
    String crashedApp = prefix + "-crashed";
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), crashed, crashedApp,
        stateDir.resolve("crashed"));
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    List<String> kills = new ArrayList<>();
    AtomicReference<Instant> simulatedUpTo = new AtomicReference<>(config.start());
    Map<String, CoachingEffect> expected;
    Map<String, CoachingEffect> actual;
    GroundTruth truth;
    try (StreamsService referenceRun = StreamsService.start(Settings.of(referenceSettings));
        ServiceProcess streams = ServiceProcess.streams("streams-effect-crashed", settings,
            Path.of("target", "system-test-logs", prefix));
        TopicReader effects = new TopicReader(broker.clientProperties(), List.of(crashed.names().effects()))) {
      streams.start();
      await().atMost(Duration.ofMinutes(2)).until(streams::isReady);
      // both applications run while the history is played, as live traffic
      CompletableFuture<SimulationResult> input = CompletableFuture.supplyAsync(() -> {
        try {
          return Simulation.run(config, new OrderedInput(broker.clientProperties(), crashed.topics(),
              Instant.now().minusSeconds(3600)), (n, t, f) -> simulatedUpTo.set(t));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // during measurement: once the first PENDING effect is committed, then in the middle of the after periods
      List<EffectStatus> seen = new ArrayList<>();
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100)).until(() -> {
        effects.readToEnd().forEach(r -> seen.add(crashed.topics().effects().valueSerde().deserializer()
            .deserialize(r.topic(), r.value()).getStatus()));
        return !seen.isEmpty();
      });
      assertThat(seen).first().isEqualTo(EffectStatus.PENDING);
      streams.kill();
      kills.add("after its first PENDING effect, history played up to " + simulatedUpTo.get());
      streams.start();
      Instant midAfter = firstSession.plus(Duration.ofDays(8));
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
          .until(() -> simulatedUpTo.get().isAfter(midAfter));
      streams.kill();
      kills.add("in the after periods, history played up to " + simulatedUpTo.get());
      streams.start();
      truth = input.get(5, TimeUnit.MINUTES).groundTruth();
      int sessions = truth.sessions().size();
      expected = CoachingEffects.awaitClosed(broker.clientProperties(), reference.topics(), sessions, Duration.ofMinutes(6));
      actual = CoachingEffects.awaitClosed(broker.clientProperties(), crashed.topics(), sessions, Duration.ofMinutes(6));
    }
    System.out.printf(Locale.ROOT, "Coaching effect crash: killed %d times (%s)%nUninterrupted:%n%sAfter the kills:%n%s",
        kills.size(), kills, CoachingEffects.table(truth, expected), CoachingEffects.table(truth, actual));
    assertThat(expected).hasSize(truth.sessions().size());
    assertThat(actual).isEqualTo(expected);
  }
}
