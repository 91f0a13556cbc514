package com.coachstream.schemas.json;

import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.specific.SpecificRecord;

/**
 * Input events as JSON objects with a {@code "type"} of {@code interaction}, {@code qa_evaluation} or
 * {@code agent} and the Avro field names beside it: one line of an import file, one element of an HTTP body.
 */
public final class EventJson {

  /** Anything after the object is an error: two events on one line would otherwise lose the second silently. */
  private static final ObjectReader STRICT = AvroJson.MAPPER.readerFor(JsonNode.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private EventJson() { }

  /**
   * Parses one JSON text (e.g. a line of a JSON-lines file) into its event; malformed JSON and unknown types
   * fail with a reason. The message never quotes the input: it may hold a customer reference.
   */
  public static SpecificRecord parse(String text) {
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
          "\"type\" is required: one of \"interaction\", \"qa_evaluation\", \"agent\"");
    }
    EventType eventType = EventType.fromWireName(type.textValue()).orElseThrow(() ->
        new ValidationException(ReasonCode.UNKNOWN_TYPE, "type",
            "unknown type '" + type.textValue() + "': expected \"interaction\", \"qa_evaluation\" or \"agent\""));
    return AvroJson.fromJson(node, eventType.recordClass());
  }

  /** The JSON object of an event, with its {@code "type"} first. */
  public static ObjectNode toJson(SpecificRecord record) {
    ObjectNode node = AvroJson.MAPPER.createObjectNode();
    node.put("type", EventType.of(record).wireName());
    node.setAll(AvroJson.toJson(record));
    return node;
  }
}
