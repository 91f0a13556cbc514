package com.coachstream.notifier.channel;

import java.time.Duration;

/**
 * A failed delivery attempt. {@code retryable} is false for a permanent refusal (a 4xx other than 408/429,
 * a rejected address); {@code retryAfter} is what the receiver asked us to wait (HTTP 429 Retry-After).
 * Messages never contain the target URL or address: they end up in logs and delivery records.
 */
public final class DeliveryException extends RuntimeException {

  private final Integer statusCode;
  private final boolean retryable;
  private final Duration retryAfter;

  public DeliveryException(String message, Integer statusCode, boolean retryable, Duration retryAfter) {
    super(message, null, false, false);
    this.statusCode = statusCode;
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  public static DeliveryException transientFailure(String message) {
    return new DeliveryException(message, null, true, null);
  }

  public static DeliveryException permanent(String message, Integer statusCode) {
    return new DeliveryException(message, statusCode, false, null);
  }

  public Integer statusCode() {
    return statusCode;
  }

  public boolean retryable() {
    return retryable;
  }

  /** Null when the receiver did not say. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
