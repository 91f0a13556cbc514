package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertReason;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statistical mode through the production topology, beside threshold mode on the same events. */
class StatisticalModeTopologyTest {

  private static final Map<String, String> STATISTICAL = Map.of("alert.mode", "statistical");

  /** Plays {@code empathy(day, n)} for each of the agent's interactions, {@code perDay} a day. */
  static List<CoachingAlert> play(Map<String, String> settings, int days, int perDay,
      java.util.function.BiFunction<Integer, Integer, Double> empathy) {
    try (TopologyFixture fixture = new TopologyFixture(settings)) {
      for (int day = 0; day < days; day++) {
        for (int n = 0; n < perDay; n++) {
          Instant t = T0.plus(Duration.ofDays(day)).plusSeconds(3600L * (n + 1));
          fixture.interactions.pipeInput("a1", interaction("i" + day + "-" + n, "a1", t,
              Map.of("empathy", empathy.apply(day, n))));
        }
      }
      return fixture.alerts.readValuesToList().stream().filter(a -> a.getCategory() == SkillCategory.SOFT).toList();
    }
  }

  @Test
  void aClearSustainedDropRaisesOneSlipWithItsProbabilityAndInterval() {
    List<CoachingAlert> alerts = play(STATISTICAL, 40, 4, (day, n) -> day < 32 ? 85.0 + (n % 2) * 4 : 62.0 + (n % 2) * 4);

    assertThat(alerts).first().satisfies(a -> {
      assertThat(a.getType()).isEqualTo(AlertType.SLIP);
      assertThat(a.getReason()).isIn(AlertReason.BOTH, AlertReason.DROP_FROM_BASELINE, AlertReason.BELOW_FLOOR);
      assertThat(a.getProbability()).isBetween(0.95, 1.0);
      assertThat(a.getIntervalLow()).isLessThan(a.getIntervalHigh());
      // the 7-day window is half new scores by day 35-36: as soon as threshold mode would see the drop
      assertThat(a.getEventTime()).isBefore(T0.plus(Duration.ofDays(37)));
    });
    assertThat(alerts).filteredOn(a -> a.getType() == AlertType.SLIP).hasSize(1);
  }

  @Test
  void thresholdModeAlertsCarryNoProbability() {
    List<CoachingAlert> alerts = play(Map.of(), 40, 4, (day, n) -> day < 32 ? 85.0 : 60.0);
    assertThat(alerts).isNotEmpty().allSatisfy(a -> {
      assertThat(a.getProbability()).isNull();
      assertThat(a.getIntervalLow()).isNull();
      assertThat(a.getIntervalHigh()).isNull();
    });
  }

  @Test
  void noiseAroundAGoodAverageAlertsInThresholdModeButNotInStatisticalMode() {
    // a steady agent at 80 scored by noisy evaluators: ±25 points, a bad stretch of draws on days 30-31
    java.util.function.BiFunction<Integer, Integer, Double> noisy = (day, n) -> {
      double draw = ((day * 7 + n * 13) % 11 - 5) * 5.0;
      return Math.max(0, Math.min(100, (day >= 30 && day < 32 ? 64 : 80) + draw));
    };
    assertThat(play(Map.of(), 40, 1, noisy)).filteredOn(a -> a.getType() == AlertType.SLIP).isNotEmpty();
    assertThat(play(STATISTICAL, 40, 1, noisy)).filteredOn(a -> a.getType() == AlertType.SLIP).isEmpty();
  }

  @Test
  void recoversWhenSureTheAgentIsBack() {
    List<CoachingAlert> alerts = play(STATISTICAL, 60, 4, (day, n) -> day < 30 ? 85.0 + n : (day < 40 ? 55.0 + n : 88.0 + n));
    assertThat(alerts).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP, AlertType.RECOVERY);
    assertThat(alerts.get(1).getProbability()).isGreaterThanOrEqualTo(0.95);
  }
}
