package com.coachstream.schemas.json;

import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * Maps Avro records to and from JSON, driven by the schema: the field names are Avro's (camelCase),
 * timestamps are ISO-8601 strings, enums are their symbol, an optional field is its value or {@code null}
 * (no Avro union wrappers). Used by the import, the HTTP ingest and {@code coachstream consume}.
 */
public final class AvroJson {

  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() { }

  // ---------------------------------------------------------------- Avro -> JSON

  /** The JSON form of a record (specific or generic). */
  public static ObjectNode toJson(IndexedRecord record) {
    return (ObjectNode) toJson(record, record.getSchema());
  }

  public static JsonNode toJson(Object value, Schema schema) {
    if (value == null) {
      return NODES.nullNode();
    }
    switch (schema.getType()) {
      case RECORD: {
        IndexedRecord record = (IndexedRecord) value;
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
          node.set(field.name(), toJson(record.get(field.pos()), field.schema()));
        }
        return node;
      }
      case UNION:
        return toJson(value, nonNullBranch(schema, value));
      case ARRAY: {
        ArrayNode node = NODES.arrayNode();
        for (Object item : (Iterable<?>) value) {
          node.add(toJson(item, schema.getElementType()));
        }
        return node;
      }
      case MAP: {
        ObjectNode node = NODES.objectNode();
        ((Map<?, ?>) value).entrySet().stream()
            .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
            .forEach(e -> node.set(e.getKey().toString(), toJson(e.getValue(), schema.getValueType())));
        return node;
      }
      case LONG:
        if (isTimestamp(schema)) {
          Instant instant = value instanceof Instant i ? i : Instant.ofEpochMilli((Long) value);
          return NODES.textNode(instant.toString());
        }
        return NODES.numberNode(((Number) value).longValue());
      case INT:
        return NODES.numberNode(((Number) value).intValue());
      case DOUBLE:
      case FLOAT:
        return NODES.numberNode(((Number) value).doubleValue());
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case BYTES: {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      case NULL:
        return NODES.nullNode();
      default: // STRING, ENUM, FIXED
        return NODES.textNode(value.toString());
    }
  }

  /**
   * The branch of a union that holds a non-null {@code value}: the only non-null branch of an optional field
   * (Avro's generic resolution does not know logical-type values such as an {@link Instant} there), else Avro's.
   */
  private static Schema nonNullBranch(Schema union, Object value) {
    List<Schema> nonNull = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    return nonNull.size() == 1 ? nonNull.get(0) : union.getTypes().get(GenericData.get().resolveUnion(union, value));
  }

  // ---------------------------------------------------------------- JSON -> Avro

  /**
   * The record of {@code type} that a JSON object describes. Unknown fields are ignored (senders may
   * carry more than we read); a missing required field or a value of the wrong JSON type fails with a
   * {@link ValidationException} naming the field.
   */
  public static <T extends IndexedRecord> T fromJson(JsonNode json, Class<T> type) {
    Schema schema = SpecificData.get().getSchema(type);
    return type.cast(read(json, schema, ""));
  }

  private static Object read(JsonNode json, Schema schema, String path) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      if (schema.getType() == Schema.Type.NULL || isOptional(schema)) {
        return null;
      }
      throw new ValidationException(ReasonCode.MISSING_FIELD, fieldName(path), fieldName(path) + " is required");
    }
    switch (schema.getType()) {
      case RECORD:
        return readRecord(json, schema, path);
      case UNION:
        return read(json, nonNullBranch(schema), path);
      case ARRAY: {
        expect(json.isArray(), path, "an array");
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
          list.add(read(json.get(i), schema.getElementType(), path + "[" + i + "]"));
        }
        return list;
      }
      case MAP: {
        expect(json.isObject(), path, "an object");
        Map<String, Object> map = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          map.put(e.getKey(), read(e.getValue(), schema.getValueType(), path + "." + e.getKey()));
        }
        return map;
      }
      case LONG:
        if (isTimestamp(schema)) {
          return readInstant(json, path);
        }
        expect(json.canConvertToLong() && json.isIntegralNumber(), path, "an integer");
        return json.longValue();
      case INT:
        expect(json.isIntegralNumber() && json.canConvertToInt(), path, "an integer");
        return json.intValue();
      case DOUBLE:
        expect(json.isNumber(), path, "a number");
        return json.doubleValue();
      case FLOAT:
        expect(json.isNumber(), path, "a number");
        return json.floatValue();
      case BOOLEAN:
        expect(json.isBoolean(), path, "true or false");
        return json.booleanValue();
      case STRING:
        expect(json.isTextual(), path, "a string");
        return json.textValue();
      case ENUM: {
        if (!json.isTextual()) { // the message only when it fails: building it for every enum read showed in a profile
          expect(false, path, "one of " + schema.getEnumSymbols());
        }
        String symbol = json.textValue().trim().toUpperCase(java.util.Locale.ROOT);
        if (!schema.getEnumSymbols().contains(symbol)) {
          throw new ValidationException(ReasonCode.OUT_OF_RANGE, fieldName(path),
              fieldName(path) + " must be one of " + schema.getEnumSymbols() + ", was '" + json.textValue() + "'");
        }
        return SpecificData.get().createEnum(symbol, schema);
      }
      default:
        throw new ValidationException(ReasonCode.BAD_JSON, fieldName(path), "unsupported schema type " + schema.getType());
    }
  }

  private static Object readRecord(JsonNode json, Schema schema, String path) {
    expect(json.isObject(), path, "an object");
    IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : schema.getFields()) {
      String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
      JsonNode value = json.get(field.name());
      if ((value == null || value.isNull()) && field.hasDefaultValue() && !isOptional(field.schema())) {
        record.put(field.pos(), SpecificData.get().deepCopy(field.schema(), SpecificData.get().getDefaultValue(field)));
      } else {
        record.put(field.pos(), read(value, field.schema(), fieldPath));
      }
    }
    return record;
  }

  private static Instant readInstant(JsonNode json, String path) {
    if (json.isIntegralNumber()) {
      expect(json.canConvertToLong(), path, "epoch milliseconds or an ISO-8601 timestamp");
      return Instant.ofEpochMilli(json.longValue());
    }
    expect(json.isTextual(), path, "an ISO-8601 timestamp");
    return readInstant(json.textValue(), path);
  }

  /** A timestamp field's text as an instant; shared with {@link StreamingEventReader}. */
  static Instant readInstant(String value, String path) {
    String text = value.trim();
    Instant instant = UtcTimestamps.parsePlainUtc(text);
    if (instant != null) {
      return instant;
    }
    try {
      instant = Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        instant = java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        // the text is not echoed: a malformed line may have slid a customer reference into this field
        throw new ValidationException(ReasonCode.BAD_JSON, fieldName(path),
            fieldName(path) + " must be an ISO-8601 timestamp such as 2026-11-23T10:15:30Z");
      }
    }
    try {
      instant.toEpochMilli();
      return instant;
    } catch (ArithmeticException tooFar) {
      throw new ValidationException(ReasonCode.OUT_OF_RANGE, fieldName(path),
          fieldName(path) + " " + instant + " is outside the timestamps Avro can carry (epoch milliseconds, years "
              + "-292275055 to 292278994)");
    }
  }

  private static void expect(boolean ok, String path, String what) {
    if (!ok) {
      throw new ValidationException(ReasonCode.BAD_JSON, fieldName(path), fieldName(path) + " must be " + what);
    }
  }

  // plain loops: these run for every field of every event read, and a stream per call showed in the profile
  static boolean isOptional(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return false;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() == Schema.Type.NULL) {
        return true;
      }
    }
    return false;
  }

  static Schema nonNullBranch(Schema union) {
    for (Schema branch : union.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    throw new IllegalArgumentException("union without a non-null branch: " + union);
  }

  static boolean isTimestamp(Schema schema) {
    return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
  }

  private static String fieldName(String path) {
    return path.isEmpty() ? "value" : path;
  }
}
