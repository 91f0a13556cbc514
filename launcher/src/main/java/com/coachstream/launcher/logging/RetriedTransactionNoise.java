package com.coachstream.launcher.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;

/**
 * Keeps the Kafka producer's "retrying" warnings about a transaction still being completed off the console.
 * Right after a commit, an exactly-once producer's next sends can meet the coordinator still writing the
 * previous transaction's markers: the broker answers CONCURRENT_TRANSACTIONS (and the sends queued behind
 * answer OUT_OF_ORDER_SEQUENCE_NUMBER), the client retries on its own and the sends succeed. A user sees dozens
 * of warnings about nothing; every other producer warning, and any send that finally fails, still shows.
 */
public final class RetriedTransactionNoise extends Filter<ILoggingEvent> {

  static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
  private static final List<String> RETRIED_ERRORS = List.of("Error: CONCURRENT_TRANSACTIONS",
      "Error: OUT_OF_ORDER_SEQUENCE_NUMBER");

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (!SENDER.equals(event.getLoggerName()) || event.getLevel() != Level.WARN) {
      return FilterReply.NEUTRAL;
    }
    String message = event.getFormattedMessage();
    boolean retried = message != null && message.contains(", retrying (")
        && RETRIED_ERRORS.stream().anyMatch(message::contains);
    return retried ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
