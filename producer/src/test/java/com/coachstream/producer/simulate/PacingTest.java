package com.coachstream.producer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PacingTest {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant END = START.plus(Duration.ofDays(35));

  @Test
  void compressedPlaybackMapsEventTimeToWallTime() {
    Pacing pacing = Pacing.compressedTo(Duration.ofSeconds(35));
    Instant dayTen = START.plus(Duration.ofDays(10));
    assertThat(pacing.waitNanos(0, dayTen, START, END, 0)).isEqualTo(Duration.ofSeconds(10).toNanos());
    assertThat(pacing.waitNanos(0, dayTen, START, END, Duration.ofSeconds(4).toNanos())).isEqualTo(Duration.ofSeconds(6).toNanos());
    assertThat(pacing.waitNanos(0, dayTen, START, END, Duration.ofSeconds(11).toNanos())).as("behind: no wait").isZero();
  }

  @Test
  void steadyRate() {
    Pacing pacing = Pacing.eventsPerSecond(1000);
    assertThat(pacing.waitNanos(500, START, START, END, 0)).isEqualTo(Duration.ofMillis(500).toNanos());
    assertThat(pacing.waitNanos(500, START, START, END, Duration.ofSeconds(1).toNanos())).isZero();
    assertThat(Pacing.asFastAsPossible().waitNanos(1_000_000, END, START, END, 0)).isZero();
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> Pacing.eventsPerSecond(0)).hasMessageContaining("rate must be > 0");
    assertThatThrownBy(() -> Pacing.compressedTo(Duration.ZERO)).hasMessageContaining("playback time must be > 0");
  }
}
