package com.coachstream.schemas.json;

import com.coachstream.avro.CoachingAction;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.specific.SpecificRecord;

/**
 * Input events as JSON objects with a {@code "type"} of {@code interaction}, {@code qa_evaluation},
 * {@code agent} or {@code action} and the Avro field names beside it: one line of an import file, one element of an HTTP body.
 * An action's own {@code type} (ACKNOWLEDGED, ...) is its {@code actionType} there.
 */
public final class EventJson {

  /** Anything after the object is an error: two events on one line would otherwise lose the second silently. */
  private static final ObjectReader STRICT = AvroJson.MAPPER.readerFor(JsonNode.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The field that carries a {@link CoachingAction}'s own {@code type} in an event line (see {@link #fromJson}). */
  public static final String ACTION_TYPE = "actionType";

  private EventJson() { }

  /**
   * Parses one JSON text (e.g. a line of a JSON-lines file) into its event; malformed JSON and unknown types
   * fail with a reason. The message never quotes the input: it may hold a customer reference. The usual line is
   * read straight from the token stream ({@link StreamingEventReader}); any other goes through the JSON tree,
   * so both give the same event or the same rejection.
   */
  public static SpecificRecord parse(String text) {
    SpecificRecord event = StreamingEventReader.read(text);
    return event != null ? event : parseWithTree(text);
  }

  /** {@link #parse} through the JSON tree: every line the streaming reader leaves, and every rejection. */
  static SpecificRecord parseWithTree(String text) {
    JsonNode node;
    try {
      node = STRICT.readValue(text);
    } catch (JsonProcessingException e) {
      throw new ValidationException(ReasonCode.BAD_JSON, "line", "not valid JSON: " + NoEcho.describe(e));
    }
    return fromJson(node);
  }

  public static SpecificRecord fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ValidationException(ReasonCode.BAD_JSON, "value", "each event must be a JSON object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new ValidationException(ReasonCode.UNKNOWN_TYPE, "type",
          "\"type\" is required: one of \"interaction\", \"qa_evaluation\", \"agent\", \"action\"");
    }
    EventType eventType = EventType.fromWireName(type.textValue()).orElseThrow(() ->
        new ValidationException(ReasonCode.UNKNOWN_TYPE, "type",
            "unknown type '" + type.textValue() + "': expected \"interaction\", \"qa_evaluation\", \"agent\" or \"action\""));
    if (eventType == EventType.ACTION) {
      return actionFromJson(withActionType(node));
    }
    return AvroJson.fromJson(node, eventType.recordClass());
  }

  /**
   * A supervisor's action as a plain JSON object with the Avro field names, its {@code "type"} being the action's
   * type (ACKNOWLEDGED, SNOOZED, DISMISSED, COACHED): the body of {@code POST /v1/actions}.
   */
  public static CoachingAction actionFromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ValidationException(ReasonCode.BAD_JSON, "value", "each action must be a JSON object");
    }
    return AvroJson.fromJson(node, CoachingAction.class);
  }

  /** Among events, "type" names the kind ("action"), so the action's own type travels as {@value #ACTION_TYPE}. */
  private static ObjectNode withActionType(JsonNode node) {
    ObjectNode action = ((ObjectNode) node).deepCopy();
    JsonNode actionType = action.remove(ACTION_TYPE);
    if (actionType == null) {
      throw new ValidationException(ReasonCode.MISSING_FIELD, ACTION_TYPE,
          ACTION_TYPE + " is required for an action: ACKNOWLEDGED, SNOOZED, DISMISSED or COACHED");
    }
    action.set("type", actionType);
    return action;
  }

  /** The JSON object of an event, with its {@code "type"} first. */
  public static ObjectNode toJson(SpecificRecord record) {
    ObjectNode node = AvroJson.MAPPER.createObjectNode();
    node.put("type", EventType.of(record).wireName());
    ObjectNode fields = AvroJson.toJson(record);
    if (record instanceof CoachingAction) {
      node.set(ACTION_TYPE, fields.remove("type"));
    }
    node.setAll(fields);
    return node;
  }
}
