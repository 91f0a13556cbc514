package com.coachstream.producer.ingest;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.json.NoEcho;
import com.coachstream.schemas.json.EventJson;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.coachstream.schemas.validation.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns what a sender gave us (a JSON text, a JSON node, a record) into either a valid event or the full
 * list of rules it breaks: parsing and validation in one place for the library, the import and HTTP.
 */
public final class EventChecker {

  private final EventValidator validator;

  public EventChecker(EventValidator validator) {
    this.validator = validator;
  }

  /** One JSON object text, e.g. a line of a JSON-lines file (strict: nothing may follow the object). */
  public Checked parse(String json) {
    return read(() -> EventJson.parse(json), "event");
  }

  public Checked check(JsonNode node) {
    return read(() -> EventJson.fromJson(node), "event");
  }

  /** A supervisor's action as a plain JSON object (its "type" is the action type): the actions route. */
  public Checked checkAction(JsonNode node) {
    return read(() -> EventJson.actionFromJson(node), "action");
  }

  /** Reads a record, then checks it; a record that cannot be read is rejected with why (never quoting the input). */
  private Checked read(Supplier<SpecificRecord> reader, String what) {
    SpecificRecord record;
    try {
      record = reader.get();
    } catch (ValidationException e) {
      return Checked.rejected(e.violations());
    } catch (RuntimeException e) {
      return Checked.rejected(List.of(new Violation(ReasonCode.BAD_JSON, "value", "cannot read the " + what + ": " + NoEcho.describe(e))));
    }
    return check(record);
  }

  public Checked check(SpecificRecord event) {
    List<Violation> violations = violations(validator, event);
    return violations.isEmpty() ? Checked.valid(event) : Checked.rejected(violations);
  }

  /** The rules of docs/concepts.md that an input event breaks, and any timestamp its Avro encoding cannot hold. */
  public static List<Violation> violations(EventValidator validator, SpecificRecord event) {
    List<Violation> violations = new ArrayList<>(switch (EventType.of(event)) {
      case INTERACTION -> validator.check((InteractionEvent) event);
      case QA_EVALUATION -> validator.check((QaEvaluation) event);
      case AGENT -> validator.check((AgentProfile) event);
      case ACTION -> validator.check((CoachingAction) event);
    });
    violations.addAll(unencodableTimestamps(event));
    return violations;
  }

  /**
   * ISO-8601 reaches years ±1,000,000,000, epoch milliseconds only ±292 million: such a time passes the rules
   * (a start in year -10^9 is not in the future) but would fail the send. Refused here, with its field.
   */
  private static List<Violation> unencodableTimestamps(SpecificRecord event) {
    List<Violation> violations = new ArrayList<>();
    for (Schema.Field field : event.getSchema().getFields()) {
      if (event.get(field.pos()) instanceof Instant time) {
        try {
          time.toEpochMilli();
        } catch (ArithmeticException tooFar) {
          violations.add(new Violation(ReasonCode.OUT_OF_RANGE, field.name(), field.name() + " " + time
              + " is outside the timestamps Avro can carry (epoch milliseconds, years -292275055 to 292278994)"));
        }
      }
    }
    return violations;
  }

  /** A valid event, or why not: never both. */
  public record Checked(SpecificRecord event, List<Violation> violations) {

    public static Checked valid(SpecificRecord event) {
      return new Checked(event, List.of());
    }

    public static Checked rejected(List<Violation> violations) {
      return new Checked(null, List.copyOf(violations));
    }

    public boolean isValid() {
      return event != null;
    }

    /** The first violation's code: the reason a summary or an HTTP answer reports. */
    public ReasonCode reason() {
      return violations.get(0).reason();
    }

    /** Every violation, joined into one line a person can act on. */
    public String message() {
      return violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("");
    }
  }
}
