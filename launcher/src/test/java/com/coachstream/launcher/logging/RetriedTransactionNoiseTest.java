package com.coachstream.launcher.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class RetriedTransactionNoiseTest {

  private static final String RETRY = "[Producer clientId=app-1-producer, transactionalId=app-1] Got error produce "
      + "response with correlation id 27 on topic-partition coaching.skill-scores.v1-4, retrying (2147483646 attempts "
      + "left). Error: ";

  private final RetriedTransactionNoise filter = new RetriedTransactionNoise();

  @Test
  void retriedConcurrentTransactionAndTheSequenceErrorsBehindItAreDropped() {
    assertThat(filter.decide(event(RetriedTransactionNoise.SENDER, Level.WARN, RETRY + "CONCURRENT_TRANSACTIONS")))
        .isEqualTo(FilterReply.DENY);
    assertThat(filter.decide(event(RetriedTransactionNoise.SENDER, Level.WARN, RETRY + "OUT_OF_ORDER_SEQUENCE_NUMBER")))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void everyOtherWarningStays() {
    assertThat(filter.decide(event(RetriedTransactionNoise.SENDER, Level.WARN, RETRY + "NOT_LEADER_OR_FOLLOWER")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event(RetriedTransactionNoise.SENDER, Level.WARN,
        "Got error produce response on topic-partition t-0, not retrying. Error: CONCURRENT_TRANSACTIONS")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event(RetriedTransactionNoise.SENDER, Level.ERROR, RETRY + "CONCURRENT_TRANSACTIONS")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("org.apache.kafka.clients.NetworkClient", Level.WARN, RETRY + "CONCURRENT_TRANSACTIONS")))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private static LoggingEvent event(String logger, Level level, String message) {
    LoggingEvent event = new LoggingEvent();
    event.setLoggerContext(new LoggerContext());
    event.setLoggerName(logger);
    event.setLevel(level);
    event.setMessage(message);
    return event;
  }
}
