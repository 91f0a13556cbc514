package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** {@code slip.sustain=X/Y} through the production topology. */
class SustainedRuleTopologyTest {

  /** Steady at 85, then below the floor from day 30 on; a single bad day (day 20) in between. */
  private static final BiFunction<Integer, Integer, Double> SLIP_ON_DAY_30 =
      (day, n) -> day == 20 ? 10.0 : (day < 30 ? 85.0 : 40.0);

  private static Instant firstSlip(List<CoachingAlert> alerts) {
    return alerts.stream().filter(a -> a.getType() == AlertType.SLIP).findFirst().orElseThrow().getEventTime();
  }

  // one-day windows: each day is its own window, so a bad day holds in one window only
  private static final Map<String, String> DAILY = Map.of("window.size", "1d");

  private static Map<String, String> daily(String... more) {
    Map<String, String> settings = new java.util.HashMap<>(DAILY);
    for (int i = 0; i < more.length; i += 2) {
      settings.put(more[i], more[i + 1]);
    }
    return settings;
  }

  @Test
  void oneOfOneAlertsOnTheBadDayAndThreeOfThreeWaitsForTheThirdWindow() {
    List<CoachingAlert> once = StatisticalModeTopologyTest.play(DAILY, 40, 6, SLIP_ON_DAY_30);
    List<CoachingAlert> sustained = StatisticalModeTopologyTest.play(daily("slip.sustain", "3/3"), 40, 6, SLIP_ON_DAY_30);

    assertThat(firstSlip(once)).isBetween(T0.plus(Duration.ofDays(20)), T0.plus(Duration.ofDays(21)));
    // slipping windows on days 30, 31 and 32: the third one raises it
    assertThat(firstSlip(sustained)).isBetween(T0.plus(Duration.ofDays(32)), T0.plus(Duration.ofDays(33)));
    assertThat(sustained).filteredOn(a -> a.getType() == AlertType.SLIP).hasSize(1);
  }

  @Test
  void sustainWorksInStatisticalModeToo() {
    List<CoachingAlert> alerts = StatisticalModeTopologyTest.play(
        daily("alert.mode", "statistical", "slip.sustain", "2/3"), 40, 6, SLIP_ON_DAY_30);
    assertThat(firstSlip(alerts)).isBetween(T0.plus(Duration.ofDays(31)), T0.plus(Duration.ofDays(32)));
  }
}
