package com.coachstream.producer;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Kafka did not take a record: the broker did not answer within the producer's time limits, or refused
 * it. The message says which, with the bootstrap servers and topic, so an operator knows what to fix.
 */
public final class SendFailedException extends RuntimeException {

  private final boolean brokerUnreachable;

  private SendFailedException(String message, Throwable cause, boolean brokerUnreachable) {
    super(message, cause);
    this.brokerUnreachable = brokerUnreachable;
  }

  /** True when the broker did not answer in time (down, unreachable, or the topic does not exist). */
  public boolean brokerUnreachable() {
    return brokerUnreachable;
  }

  /** True when the record is larger than Kafka takes ({@code max.request.size}, the topic's message size): no retry helps. */
  public boolean recordTooLarge() {
    return getCause() instanceof RecordTooLargeException;
  }

  /** The input topics did not become writable in time ({@code awaitBroker}): the reason names the partitions. */
  static SendFailedException notReady(RuntimeException error, String bootstrapServers) {
    return new SendFailedException("Kafka at " + bootstrapServers + " is not ready for writes: " + error.getMessage()
        + " (is the broker running and reachable, and do the topics exist? coachstream topics create)", error, true);
  }

  /**
   * A batch of sends in which some records were not stored: {@code what} says how many of how many, and
   * the first send's failure follows it, so the sender knows both the extent and the cause.
   */
  public static SendFailedException notWritten(Throwable firstFailure, String what) {
    SendFailedException first = firstFailure instanceof SendFailedException known ? known
        : new SendFailedException(String.valueOf(firstFailure), firstFailure, false);
    return new SendFailedException(what + ". First error: " + first.getMessage(), first, first.brokerUnreachable);
  }

  static SendFailedException explain(Throwable error, String bootstrapServers, String topic) {
    if (error instanceof SendFailedException already) {
      return already;
    }
    if (error instanceof TimeoutException) {
      return new SendFailedException("Kafka at " + bootstrapServers + " did not answer in time for topic '" + topic
          + "': is the broker running and reachable, and does the topic exist (coachstream topics create)? ("
          + error.getMessage() + ")", error, true);
    }
    return new SendFailedException("Kafka at " + bootstrapServers + " refused a record for topic '" + topic + "': "
        + error, error, false);
  }
}
