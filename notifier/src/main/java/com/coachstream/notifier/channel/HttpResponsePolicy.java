package com.coachstream.notifier.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an HTTP status means for delivery (docs/concepts.md): 2xx delivered; 408, 429 and 5xx worth retrying (429
 * with its Retry-After); every other status permanent, including 3xx, because a webhook that redirects is
 * misconfigured and following it could post the alert somewhere unintended.
 */
public final class HttpResponsePolicy {

  private HttpResponsePolicy() { }

  /** Null when {@code status} means delivered, else the failure to throw. */
  public static DeliveryException failureFor(int status, Optional<String> retryAfterHeader, Instant now) {
    if (status >= 200 && status < 300) {
      return null;
    }
    String message = "HTTP " + status;
    if (status == 429) {
      Duration retryAfter = retryAfterHeader.flatMap(h -> parseRetryAfter(h, now)).orElse(null);
      return new DeliveryException(message, status, true, retryAfter);
    }
    if (status == 408 || status >= 500) {
      return new DeliveryException(message, status, true, null);
    }
    return DeliveryException.permanent(message, status);
  }

  /** A Retry-After header: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); empty when unreadable. */
  public static Optional<Duration> parseRetryAfter(String header, Instant now) {
    String value = header.trim();
    if (value.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
