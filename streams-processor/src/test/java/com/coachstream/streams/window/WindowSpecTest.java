package com.coachstream.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowSpecTest {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private final WindowSpec spec = WindowSpec.DEFAULTS;

  @Test
  void currentWindowIsTheSevenUtcDaysEndingWithTheEventsDay() {
    long t = Instant.parse("2024-03-10T13:00:00Z").toEpochMilli();
    assertThat(Instant.ofEpochMilli(spec.currentWindowStart(t))).isEqualTo(Instant.parse("2024-03-04T00:00:00Z"));
    assertThat(Instant.ofEpochMilli(spec.currentWindowEnd(t))).isEqualTo(Instant.parse("2024-03-11T00:00:00Z"));
  }

  @Test
  void aTimeExactlyOnABoundaryBelongsToTheWindowEndingOneAdvanceLater() {
    long b = Instant.parse("2024-03-10T00:00:00Z").toEpochMilli();
    assertThat(spec.currentWindowEnd(b)).isEqualTo(b + DAY);
    assertThat(spec.currentWindowEnd(b - 1)).isEqualTo(b);
    assertThat(spec.sliceStart(b)).isEqualTo(b);
    assertThat(spec.sliceStart(b - 1)).isEqualTo(b - DAY);
  }

  @Test
  void windowsAreAlignedToTheEpochIncludingBeforeIt() {
    assertThat(spec.sliceStart(0)).isZero();
    assertThat(spec.currentWindowStart(0)).isEqualTo(-6 * DAY);
    assertThat(spec.sliceStart(-1)).isEqualTo(-DAY);
    WindowSpec hourly = new WindowSpec(Duration.ofHours(5), Duration.ofHours(1), Duration.ZERO, Duration.ofHours(2));
    long t = Duration.ofHours(7).plusMinutes(30).toMillis();
    assertThat(hourly.currentWindowStart(t)).isEqualTo(Duration.ofHours(3).toMillis());
    assertThat(hourly.lastWindowStartContaining(t)).isEqualTo(Duration.ofHours(7).toMillis());
    assertThat(hourly.slicesPerWindow()).isEqualTo(5);
  }

  @Test
  void everyWindowHoldingTStartsBetweenTheCurrentWindowAndTsSlice() {
    long t = 10 * DAY + 5;
    assertThat(spec.firstWindowStartContaining(t)).isEqualTo(4 * DAY);
    assertThat(spec.lastWindowStartContaining(t)).isEqualTo(10 * DAY);
    assertThat(spec.firstWindowStartContaining(t)).isGreaterThan(t - spec.sizeMs());
  }

  @Test
  void keepsEverySliceOfEveryWindowThatAnAcceptedObservationCanStillChange() {
    long newest = 100 * DAY + 3;
    // observations down to day 65 (7 + 28 days back) are accepted; the first window holding day 65 starts day 59
    assertThat(spec.keptStateStart(newest)).isEqualTo(65 * DAY + 3);
    assertThat(spec.oldestUsefulSlice(newest)).isEqualTo(59 * DAY);
  }

  @Test
  void keepsIdsForSizePlusBaselinePlusGraceWhenTheGraceIsLong() {
    WindowSpec longGrace = new WindowSpec(Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(10), Duration.ofDays(28));
    long newest = 100 * DAY + 3;
    // an id of day 55 (45 days back) is still remembered, so a re-send of it is a duplicate
    assertThat(longGrace.oldestUsefulSlice(newest)).isEqualTo(55 * DAY);
  }

  @Test
  void rejectsWindowsThatAreNotWholeSlices() {
    assertThatThrownBy(() -> new WindowSpec(Duration.ofHours(25), Duration.ofDays(1), Duration.ZERO, Duration.ofDays(28)))
        .hasMessageContaining("window.size");
    assertThatThrownBy(() -> new WindowSpec(Duration.ofDays(7), Duration.ofDays(1), Duration.ZERO, Duration.ofHours(30)))
        .hasMessageContaining("baseline.size");
    assertThatThrownBy(() -> new WindowSpec(Duration.ofDays(7), Duration.ZERO, Duration.ZERO, Duration.ofDays(28)))
        .hasMessageContaining("window.advance");
    assertThatThrownBy(() -> new WindowSpec(Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(-1), Duration.ofDays(28)))
        .hasMessageContaining("window.grace");
  }
}
