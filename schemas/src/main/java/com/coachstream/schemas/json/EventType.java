package com.coachstream.schemas.json;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** The input event kinds, by the {@code "type"} name that JSON lines and the HTTP ingest use (docs/operations.md). */
public enum EventType {
  INTERACTION("interaction", InteractionEvent.class),
  QA_EVALUATION("qa_evaluation", QaEvaluation.class),
  AGENT("agent", AgentProfile.class),
  /** A supervisor's action on an alert (docs/concepts.md, the coaching loop); goes to the actions topic. */
  ACTION("action", CoachingAction.class);

  private static final EventType[] TYPES = values();

  private final String wireName;
  private final Class<? extends SpecificRecord> recordClass;

  EventType(String wireName, Class<? extends SpecificRecord> recordClass) {
    this.wireName = wireName;
    this.recordClass = recordClass;
  }

  public String wireName() {
    return wireName;
  }

  public Class<? extends SpecificRecord> recordClass() {
    return recordClass;
  }

  // plain loops: both run for every event an import reads, where a stream per call showed in a profile
  public static Optional<EventType> fromWireName(String name) {
    for (EventType type : TYPES) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public static EventType of(SpecificRecord record) {
    for (EventType type : TYPES) {
      if (type.recordClass.isInstance(record)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Not an input event: " + record.getClass().getName());
  }
}
