package com.coachstream.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.Channel;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.SkillCategory;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.coachstream.schemas.validation.Violation;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Refusals that happen before anything reaches Kafka, and the error when Kafka is not there. */
class CoachStreamProducerTest {

  /** A port nobody listens on: the producer can be built, but no broker ever answers. */
  static Properties nowhere() {
    Properties props = new Properties();
    props.put("bootstrap.servers", "127.0.0.1:1");
    props.put("max.block.ms", "1500");
    props.put("delivery.timeout.ms", "3000");
    props.put("request.timeout.ms", "1000");
    props.put("linger.ms", "0");
    return props;
  }

  @Test
  void invalidEventIsRefusedWithEveryViolation() {
    try (CoachStreamProducer producer = new CoachStreamProducer(nowhere(), Topics.defaults(), EventValidator.withDefaults())) {
      InteractionEvent bad = InteractionEvent.newBuilder().setInteractionId("i-1").setAgentId("agent one")
          .setChannel(Channel.CHAT).setStartedAt(Instant.parse("2026-01-01T10:05:00Z")).setEndedAt(Instant.parse("2026-01-01T10:00:00Z"))
          .setCsat(9).build();
      assertThatThrownBy(() -> producer.send(bad))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.reason()).isEqualTo(ReasonCode.INVALID_ID);
            assertThat(e.violations()).extracting(Violation::reason)
                .containsExactly(ReasonCode.INVALID_ID, ReasonCode.END_BEFORE_START, ReasonCode.OUT_OF_RANGE);
          })
          .hasMessageContaining("agentId must be 1-64 characters")
          .hasMessageContaining("csat must be between 1 and 5, was 9");
      assertThatThrownBy(() -> producer.removeAgent("bad id!")).isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void anInvalidActionIsRefusedBeforeSending() {
    try (CoachStreamProducer producer = new CoachStreamProducer(nowhere(), Topics.defaults(), EventValidator.withDefaults())) {
      CoachingAction snoozeWithoutEnd = CoachingAction.newBuilder().setActionId("a-1").setAgentId("agent-1")
          .setCategory(SkillCategory.SOFT).setType(ActionType.SNOOZED).setActorId("sup-1").setAt(Instant.now()).build();
      assertThatThrownBy(() -> producer.send(snoozeWithoutEnd))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.reason()).isEqualTo(ReasonCode.MISSING_FIELD))
          .hasMessageContaining("until");
    }
  }

  @Test
  void brokerDownIsAClearErrorInBoundedTime() {
    try (CoachStreamProducer producer = new CoachStreamProducer(nowhere(), Topics.defaults(), EventValidator.withDefaults())) {
      InteractionEvent ok = InteractionEvent.newBuilder().setInteractionId("i-1").setAgentId("agent-1")
          .setChannel(Channel.CHAT).setStartedAt(Instant.now().minusSeconds(60)).setEndedAt(Instant.now()).build();
      assertThatThrownBy(() -> producer.send(ok).get())
          .isInstanceOf(ExecutionException.class)
          .cause().isInstanceOfSatisfying(SendFailedException.class, e -> assertThat(e.brokerUnreachable()).isTrue())
          .hasMessageContaining("Kafka at 127.0.0.1:1 did not answer in time for topic 'cc.interactions.v1'");
      assertThatThrownBy(producer::awaitBroker).isInstanceOf(SendFailedException.class)
          .hasMessageContaining("is the broker running");
    }
  }

  @Test
  void guaranteesCannotBeWeakened() {
    Properties weak = nowhere();
    weak.put("acks", "1");
    weak.put("enable.idempotence", "false");
    weak.put("compression.type", "zstd");
    Properties effective = ProducerProperties.withGuarantees(weak);
    assertThat(effective).containsAllEntriesOf(Map.of("acks", "all", "enable.idempotence", "true", "compression.type", "zstd"));
  }
}
