package com.coachstream.systemtests.support;

import static org.awaitility.Awaitility.await;

import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.EffectStatus;
import com.coachstream.producer.simulate.CoachingPlan;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.Pacing;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The coaching-effect scenario of the system tests: a contact center whose supervisors coach with a known
 * effect (+8 for half the sessions, 0 for the others) while every agent drifts +5 per effect window, and the
 * effects the streams processor publishes for it (latest value per session).
 */
public final class CoachingEffects {

  private CoachingEffects() { }

  /**
   * 24 agents in 3 teams over 38 days: 3 sessions per team, measured and closed well before the end; the
   * history is played over {@code playback}, as live traffic, into a pipeline already running. (Played as a
   * backfill, a partition can be processed only once others are weeks ahead, and its agents may then be
   * missing from comparison groups: see docs/concepts.md.)
   */
  public static SimulationConfig scenario(long seed, Duration playback) {
    return SimulationConfig.builder().seed(seed).agents(24).teams(3).days(38).slipFraction(0)
        .end(Instant.now().truncatedTo(ChronoUnit.DAYS)).coaching(CoachingPlan.standard())
        .pacing(Pacing.compressedTo(playback)).build();
  }

  /** Reads the effects topic until every session's effect is closed (FINAL or INSUFFICIENT_DATA). */
  public static Map<String, CoachingEffect> awaitClosed(Properties client, Topics topics, int sessions, Duration atMost) {
    Map<String, CoachingEffect> latest = new TreeMap<>();
    try (TopicReader reader = new TopicReader(client, List.of(topics.effects().name()))) {
      await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
        for (ConsumerRecord<byte[], byte[]> r : reader.readToEnd()) {
          latest.put(topics.effects().keySerde().deserializer().deserialize(r.topic(), r.key()),
              topics.effects().valueSerde().deserializer().deserialize(r.topic(), r.value()));
        }
        return latest.size() == sessions
            && latest.values().stream().allMatch(e -> e.getStatus() != EffectStatus.PENDING);
      });
    }
    return latest;
  }

  /** The effect-vs-truth table, one line per session. */
  public static String table(GroundTruth truth, Map<String, CoachingEffect> effects) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%-16s %-11s %-8s %6s %8s %8s %8s %6s %8s %7s %-17s%n", "session", "agent", "team", "truth", "effect",
        "change", "groupChg", "group", "err", "samples", "status"));
    for (var session : truth.sessions()) {
      CoachingEffect e = effects.get(session.sessionId());
      Double effect = e == null ? null : e.getEffect();
      out.append(String.format(Locale.ROOT, "%-16s %-11s %-8s %6.1f %8s %8s %8s %6s %8s %7s %-17s%n", session.sessionId(),
          session.agent().agentId(), session.agent().team().teamId(), session.trueLift(), num(effect),
          num(e == null ? null : e.getChange()), num(e == null ? null : e.getComparisonChange()),
          e == null ? "-" : String.valueOf(e.getComparisonAgents()),
          effect == null ? "-" : num(effect - session.trueLift()),
          e == null ? "-" : e.getBefore().getSamples() + "/" + e.getAfter().getSamples(),
          e == null ? "MISSING" : e.getStatus().name()));
    }
    return out.toString();
  }

  private static String num(Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
