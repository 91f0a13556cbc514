package com.coachstream.notifier.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpResponsePolicyTest {

  private static final Instant NOW = Instant.parse("2024-03-10T12:00:00Z");

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 299})
  void twoHundredsAreDelivered(int status) {
    assertThat(HttpResponsePolicy.failureFor(status, Optional.empty(), NOW)).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 500, 502, 503, 504, 599})
  void timeoutsThrottlingAndServerErrorsAreRetried(int status) {
    DeliveryException e = HttpResponsePolicy.failureFor(status, Optional.empty(), NOW);
    assertThat(e.retryable()).isTrue();
    assertThat(e.statusCode()).isEqualTo(status);
  }

  @ParameterizedTest
  @ValueSource(ints = {300, 301, 302, 400, 401, 403, 404, 405, 409, 410, 413, 422, 499})
  void otherStatusesArePermanent(int status) {
    assertThat(HttpResponsePolicy.failureFor(status, Optional.empty(), NOW).retryable()).isFalse();
  }

  @Test
  void retryAfterSecondsOn429() {
    assertThat(HttpResponsePolicy.failureFor(429, Optional.of("2"), NOW).retryAfter()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void retryAfterHttpDate() {
    assertThat(HttpResponsePolicy.parseRetryAfter("Sun, 10 Mar 2024 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
    assertThat(HttpResponsePolicy.parseRetryAfter("Sun, 10 Mar 2024 11:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void unreadableRetryAfterIsIgnored() {
    assertThat(HttpResponsePolicy.parseRetryAfter("soon", NOW)).isEmpty();
    assertThat(HttpResponsePolicy.parseRetryAfter("-5", NOW)).isEmpty();
    assertThat(HttpResponsePolicy.failureFor(429, Optional.of("soon"), NOW).retryAfter()).isNull();
  }

  @Test
  void retryAfterOnlyCountsOn429() {
    assertThat(HttpResponsePolicy.failureFor(503, Optional.of("5"), NOW).retryAfter()).isNull();
  }
}
