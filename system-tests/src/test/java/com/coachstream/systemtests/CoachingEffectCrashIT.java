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
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.streams.StreamsService;
import com.coachstream.systemtests.support.CoachingEffects;
import com.coachstream.systemtests.support.GroupProgress;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md for the coaching effect: the streams processor, as a child JVM, is killed with kill -9
 * while effects are being measured (at 50 % and 70 % of the input committed: sessions start at ~42 % and
 * close at ~87 %) and restarted with its state directory; every session's final effect equals that of an
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
    SimulationResult input = Simulation.run(CoachingEffects.scenario(7),
        new OrderedInput(broker.clientProperties(), crashed.topics(), Instant.now().minusSeconds(3600)), (n, t, f) -> { });
    GroundTruth truth = input.groundTruth();
    int sessions = truth.sessions().size();

    Map<String, CoachingEffect> expected;
    Map<String, String> referenceSettings = StreamsRuns.settings(broker.bootstrapServers(), reference,
        prefix + "-reference", stateDir.resolve("reference"));
    referenceSettings.put("http.port", "0");
    try (StreamsService service = StreamsService.start(Settings.of(referenceSettings))) {
      expected = CoachingEffects.awaitClosed(broker.clientProperties(), reference.topics(), sessions, Duration.ofMinutes(6));
    }

    String crashedApp = prefix + "-crashed";
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), crashed, crashedApp,
        stateDir.resolve("crashed"));
    settings.put("kafka.session.timeout.ms", "6000");
    settings.put("kafka.heartbeat.interval.ms", "1500");
    List<String> kills = new ArrayList<>();
    Map<String, CoachingEffect> actual;
    try (ServiceProcess streams = ServiceProcess.streams("streams-effect-crashed", settings,
            Path.of("target", "system-test-logs", prefix));
        GroupProgress progress = new GroupProgress(broker.clientProperties(), crashedApp, crashed.inputs());
        TopicReader effects = new TopicReader(broker.clientProperties(), List.of(crashed.names().effects()))) {
      streams.start();
      // sessions start at ~42 % of the input and close at ~87 %: both kills fall inside the measurement
      for (double target : new double[] {0.5, 0.7}) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50)).until(() -> progress.fraction() >= target);
        streams.kill();
        double at = progress.fraction();
        List<EffectStatus> committed = new ArrayList<>();
        effects.readToEnd().forEach(r -> committed.add(crashed.topics().effects().valueSerde().deserializer()
            .deserialize(r.topic(), r.value()).getStatus()));
        kills.add(String.format(Locale.ROOT, "at %.0f%% committed, %d effect records read so far", 100 * at,
            committed.size()));
        assertThat(at).as("killed before the input was all processed").isLessThan(1.0);
        streams.start();
      }
      actual = CoachingEffects.awaitClosed(broker.clientProperties(), crashed.topics(), sessions, Duration.ofMinutes(6));
    }
    System.out.printf(Locale.ROOT, "Coaching effect crash: killed %d times (%s)%nUninterrupted:%n%sAfter the kills:%n%s",
        kills.size(), kills, CoachingEffects.table(truth, expected), CoachingEffects.table(truth, actual));
    assertThat(expected).hasSize(sessions);
    assertThat(actual).isEqualTo(expected);
  }
}
