package com.coachstream.schemas.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The quick way to read an event line: straight from Jackson's token stream into the Avro record, without the
 * JSON tree {@link EventJson#parse} builds (a fifth of an import's CPU in a JDK Flight Recorder profile).
 *
 * <p>It only reads lines it can read exactly as the tree path would, and gives up ({@code null}) on everything
 * else: then {@link EventJson#parse} reads the line again with the tree, which decides and words every rejection.
 * So the result of a line never depends on which path took it. It reads a line when: it is one JSON object whose
 * first field is {@code "type"} naming an interaction, a QA evaluation or a roster record (an action's
 * {@code actionType} is left to the tree); every other field, at every level, is a field of the schema and
 * appears once (the tree would keep the last of two); every value has the JSON type the field asks for and passes
 * the tree path's checks (an integer within its range, a known enum symbol, a readable timestamp); and nothing
 * follows the object. Missing and null fields get the same defaults as on the tree path.
 */
final class StreamingEventReader {

  private static final JsonFactory JSON = AvroJson.MAPPER.getFactory();

  /** Where a line leaves this path; thrown without a stack trace, as it is not an error. */
  private static final class NeedsTree extends RuntimeException {
    NeedsTree() {
      super("read with the JSON tree", null, false, false);
    }
  }

  private static final NeedsTree NEEDS_TREE = new NeedsTree();

  private static final Map<EventType, Schema> SCHEMAS = new EnumMap<>(EventType.class);
  /** Each record schema's field names, quoted once: a name in its expected place is matched without a lookup. */
  private static final Map<Schema, SerializedString[]> FIELD_NAMES = new IdentityHashMap<>();

  static {
    for (EventType type : EventType.values()) {
      Schema schema = SpecificData.get().getSchema(type.recordClass());
      SCHEMAS.put(type, schema);
      collectFieldNames(schema);
    }
  }

  private static void collectFieldNames(Schema schema) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!FIELD_NAMES.containsKey(schema)) {
          FIELD_NAMES.put(schema, schema.getFields().stream().map(f -> new SerializedString(f.name())).toArray(SerializedString[]::new));
          schema.getFields().forEach(f -> collectFieldNames(f.schema()));
        }
      }
      case UNION -> schema.getTypes().forEach(StreamingEventReader::collectFieldNames);
      case ARRAY -> collectFieldNames(schema.getElementType());
      case MAP -> collectFieldNames(schema.getValueType());
      default -> { }
    }
  }

  private StreamingEventReader() { }

  /** The event the line holds, or null when the line needs the tree path (anything unusual, any error). */
  static SpecificRecord read(String text) {
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT
          || parser.nextToken() != JsonToken.FIELD_NAME || !"type".equals(parser.currentName())
          || parser.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      EventType type = EventType.fromWireName(parser.getText()).orElse(null);
      if (type == null || type == EventType.ACTION) {
        return null;
      }
      IndexedRecord record = readFields(parser, SCHEMAS.get(type));
      if (parser.nextToken() != null) {
        return null;
      }
      return (SpecificRecord) record;
    } catch (IOException | RuntimeException e) { // NeedsTree among them; any error is the tree path's to word
      return null;
    }
  }

  /** The fields of an object up to its end, the parser being inside it. */
  private static IndexedRecord readFields(JsonParser parser, Schema schema) throws IOException {
    List<Schema.Field> fields = schema.getFields();
    Object[] values = new Object[fields.size()];
    boolean[] seen = new boolean[fields.size()];
    SerializedString[] names = FIELD_NAMES.get(schema);
    int expected = 0; // the fields usually come in the schema's order, as EventJson writes them
    while (true) {
      Schema.Field field;
      if (expected < names.length && parser.nextFieldName(names[expected])) {
        field = fields.get(expected);
      } else {
        JsonToken token = expected < names.length ? parser.currentToken() : parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
          break;
        }
        field = token == JsonToken.FIELD_NAME ? schema.getField(parser.currentName()) : null;
      }
      if (field == null || seen[field.pos()]) {
        throw NEEDS_TREE;
      }
      seen[field.pos()] = true;
      expected = field.pos() + 1;
      JsonToken value = parser.nextToken();
      values[field.pos()] = value == JsonToken.VALUE_NULL ? absent(field) : read(parser, value, field.schema());
    }
    IndexedRecord record = (IndexedRecord) SpecificData.get().newRecord(null, schema);
    for (Schema.Field field : fields) {
      record.put(field.pos(), seen[field.pos()] ? values[field.pos()] : absent(field));
    }
    return record;
  }

  /** A field that is missing or null: its default, or null when optional (as on the tree path). */
  private static Object absent(Schema.Field field) {
    if (field.hasDefaultValue() && !AvroJson.isOptional(field.schema())) {
      return SpecificData.get().deepCopy(field.schema(), SpecificData.get().getDefaultValue(field));
    }
    if (AvroJson.isOptional(field.schema())) {
      return null;
    }
    throw NEEDS_TREE;
  }

  private static Object read(JsonParser parser, JsonToken token, Schema schema) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      if (schema.getType() == Schema.Type.NULL || AvroJson.isOptional(schema)) {
        return null;
      }
      throw NEEDS_TREE;
    }
    switch (schema.getType()) {
      case RECORD:
        expect(token == JsonToken.START_OBJECT);
        return readFields(parser, schema);
      case UNION:
        return read(parser, token, AvroJson.nonNullBranch(schema));
      case ARRAY: {
        expect(token == JsonToken.START_ARRAY);
        List<Object> list = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          list.add(read(parser, item, schema.getElementType()));
        }
        return list;
      }
      case MAP: {
        expect(token == JsonToken.START_OBJECT);
        Map<String, Object> map = new HashMap<>();
        for (JsonToken key = parser.nextToken(); key != JsonToken.END_OBJECT; key = parser.nextToken()) {
          String name = parser.currentName();
          expect(key == JsonToken.FIELD_NAME && !map.containsKey(name));
          map.put(name, read(parser, parser.nextToken(), schema.getValueType()));
        }
        return map;
      }
      case LONG:
        if (AvroJson.isTimestamp(schema)) {
          if (token == JsonToken.VALUE_STRING) {
            return AvroJson.readInstant(parser.getText(), "");
          }
          return Instant.ofEpochMilli(integer(parser, token));
        }
        return integer(parser, token);
      case INT:
        expect(token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT);
        return parser.getIntValue();
      case DOUBLE:
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
          return parser.getDoubleValue();
        }
        return (double) integer(parser, token);
      case BOOLEAN:
        expect(token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE);
        return token == JsonToken.VALUE_TRUE;
      case STRING:
        expect(token == JsonToken.VALUE_STRING);
        return parser.getText();
      case ENUM: {
        expect(token == JsonToken.VALUE_STRING);
        String symbol = parser.getText().trim().toUpperCase(Locale.ROOT);
        expect(schema.hasEnumSymbol(symbol));
        return SpecificData.get().createEnum(symbol, schema);
      }
      default:
        throw NEEDS_TREE;
    }
  }

  /** A JSON integer that fits a long (the tree path's {@code canConvertToLong}); anything else needs the tree. */
  private static long integer(JsonParser parser, JsonToken token) throws IOException {
    expect(token == JsonToken.VALUE_NUMBER_INT);
    JsonParser.NumberType type = parser.getNumberType();
    expect(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
    return parser.getLongValue();
  }

  private static void expect(boolean readable) {
    if (!readable) {
      throw NEEDS_TREE;
    }
  }
}
