package com.coachstream.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-11-29T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  };

  @Test
  void refusesAfterTheLimitPerUserAndPerAddressUntilTheWindowPasses() {
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.allowed("sup-a", "10.0.0.1")).isTrue();
      throttle.failed("sup-a", "10.0.0.1");
    }
    assertThat(throttle.allowed("sup-a", "10.0.0.1")).isFalse();
    assertThat(throttle.allowed("sup-a", "10.0.0.2")).as("the user is locked from anywhere").isFalse();
    assertThat(throttle.allowed("sup-b", "10.0.0.1")).as("the address is locked for any user").isFalse();
    assertThat(throttle.allowed("sup-b", "10.0.0.2")).isTrue();
    now = now.plus(Duration.ofMinutes(15));
    assertThat(throttle.allowed("sup-a", "10.0.0.1")).isTrue();
  }
}
