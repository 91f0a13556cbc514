package com.coachstream.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.EffectStatus;
import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.producer.simulate.CoachingPlan;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.producer.simulate.SimulationResult;
import com.coachstream.streams.StreamsService;
import com.coachstream.systemtests.support.CoachingEffects;
import com.coachstream.systemtests.support.OrderedInput;
import com.coachstream.systemtests.support.StreamsRuns;
import com.coachstream.systemtests.support.TopicSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/concepts.md, "Coaching effect": the simulator's supervisors coach agents with a known effect (+8 or 0)
 * while every agent drifts +5 over the effect window. The measured effects equal the truth within ±2 points,
 * where before/after alone (the coached agent's change) would be off by the drift.
 */
@Tag("integration")
@Timeout(600)
@ExtendWith(KafkaBrokerExtension.class)
class CoachingEffectIT {

  @Test
  void measuredEffectsEqualTheTruthWhileTheWholeTeamDrifts(KafkaTestBroker broker, @TempDir Path stateDir)
      throws Exception {
    String prefix = broker.uniqueName("effect");
    TopicSet topics = TopicSet.create(broker.clientProperties(), prefix, 4);
    SimulationConfig config = CoachingEffects.scenario(5, Duration.ofSeconds(40));
    Map<String, String> settings = StreamsRuns.settings(broker.bootstrapServers(), topics, prefix + "-app",
        stateDir);
    settings.put("http.port", "0");
    long began = System.nanoTime();
    Map<String, CoachingEffect> effects;
    GroundTruth truth;
    try (StreamsService service = StreamsService.start(Settings.of(settings))) {
      SimulationResult input = Simulation.run(config,
          new OrderedInput(broker.clientProperties(), topics.topics(), Instant.now().minusSeconds(3600)), (n, t, f) -> { });
      truth = input.groundTruth();
      System.out.printf(Locale.ROOT, "Coaching effect: %,d events, %d agents in %d teams, %d sessions, played in %.0f s%n",
          input.events(), config.agents(), config.teams(), truth.sessions().size(), input.wallTime().toMillis() / 1000.0);
      effects = CoachingEffects.awaitClosed(broker.clientProperties(), topics.topics(), truth.sessions().size(),
          Duration.ofMinutes(6));
    }
    System.out.printf(Locale.ROOT, "Coaching effect: every effect closed %.1f s after the start (season drift %+.0f"
        + " per effect window)%n%s", (System.nanoTime() - began) / 1e9, CoachingPlan.standard().seasonDrift(),
        CoachingEffects.table(truth, effects));

    assertThat(truth.sessions()).hasSize(9);
    double driftSeen = 0;
    for (CoachingPlan.Session session : truth.sessions()) {
      CoachingEffect effect = effects.get(session.sessionId());
      assertThat(effect.getStatus()).as(session.sessionId()).isEqualTo(EffectStatus.FINAL);
      assertThat(effect.getEffect()).as(session.sessionId()).isCloseTo(session.trueLift(), within(2.0));
      // the team's 8 agents less the 3 coached in SOFT within the window
      assertThat(effect.getComparisonAgents()).as(session.sessionId()).isEqualTo(5);
      driftSeen += effect.getChange() - session.trueLift();
    }
    // before/after alone credits coaching with the season: the comparison group is what removes it
    assertThat(driftSeen / truth.sessions().size()).isCloseTo(5.0, within(1.5));
  }
}
