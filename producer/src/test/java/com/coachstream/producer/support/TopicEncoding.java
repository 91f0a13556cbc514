package com.coachstream.producer.support;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;

/** Encodes an input event with its topic's serde, as the producer does before sending: an accepted event must encode. */
public final class TopicEncoding {

  private static final Topics TOPICS = Topics.defaults();

  private TopicEncoding() { }

  public static byte[] encode(SpecificRecord event) {
    return switch (EventType.of(event)) {
      case INTERACTION -> TOPICS.interactions().valueSerde().serializer().serialize(TOPICS.interactions().name(), (InteractionEvent) event);
      case QA_EVALUATION -> TOPICS.qaEvaluations().valueSerde().serializer().serialize(TOPICS.qaEvaluations().name(), (QaEvaluation) event);
      case AGENT -> TOPICS.agents().valueSerde().serializer().serialize(TOPICS.agents().name(), (AgentProfile) event);
      case ACTION -> TOPICS.actions().valueSerde().serializer().serialize(TOPICS.actions().name(), (CoachingAction) event);
    };
  }
}
