package com.coachstream.producer.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The ways senders get an event wrong (issue 8 item 6), applied to the valid events of {@link FuzzEvents}:
 * fields out of range ({@link OutOfRange}), wrong JSON types, missing and extra fields, unicode and control
 * characters, very long strings, huge numbers, NaN and Infinity, deep nesting, truncated JSON, unquoted values,
 * values that are not objects, and random bytes. Each input names what was done to it, for the printed counts.
 */
public final class Mutations {

  /** One input: its bytes (not always UTF-8, not always JSON), what was done to it, and the customerRef it carried. */
  public record EventInput(String kind, byte[] bytes, String customerRef) {
    public String text() {
      return new String(bytes, UTF_8);
    }

    @Override
    public String toString() {
      String text = text();
      return kind + ": " + (text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + " chars)" : text);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Writes non-ASCII characters as \\u escapes: how lone surrogates reach a parser intact. */
  private static final ObjectWriter ASCII_ONLY = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  /** Stands in for a value a JSON node cannot hold (NaN, 1e400, an unquoted word); replaced in the written text. */
  private static final String RAW = "\u0000raw\u0000";

  private static final List<JsonNode> OTHER_TYPES = List.of(
      json("1"), json("-2.5"), json("true"), json("\"text\""), json("[]"), json("{}"), json("[1,\"a\",null]"),
      json("{\"k\":{\"v\":[]}}"), json("null"));
  private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1e-400", "2147483648", "9223372036854775808",
      "-9223372036854775809", "123456789012345678901234567890.5", "1".repeat(1_200), "0." + "0".repeat(2_000) + "1",
      "1E+2147483647");
  private static final List<String> NOT_FINITE = List.of("NaN", "Infinity", "-Infinity", "+Infinity", "\"NaN\"",
      "\"Infinity\"", "-0", "1e309");
  private static final List<String> TRICKY_TEXT = List.of("", " ", "\u0000", "\uD800", "x\uDC00", "e\u0301",
      "\uD83D\uDC4D\uD83C\uDFFD", "\u202Eevil", "\uFEFFagent-1", "\u2028\u2029", "tab\there", "line\nbreak", "\u001F",
      "\\\"quoted\\\"", "'; DROP TABLE events; --");
  private static final List<String> NOT_OBJECTS = List.of("[]", "[{\"type\":\"agent\"}]", "42", "\"interaction\"",
      "null", "true", "[1,2,3]", "{}", "{\"type\":null}", "{\"type\":\"call\"}", "{\"type\":[\"interaction\"]}");

  private Mutations() { }

  /** A valid event, or one broken in one way; about a third are valid. */
  public static Arbitrary<EventInput> eventInputs() {
    return FuzzEvents.anyEvent().flatMap(event -> Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.just(written("valid", event, event, false))),
        Tuple.of(6, OutOfRange.of(event).map(edit -> written("out of range", edit, event, false))),
        Tuple.of(2, replaced("wrong type", event, n -> true, Arbitraries.of(OTHER_TYPES))),
        Tuple.of(2, missingField(event)),
        Tuple.of(2, extraFields(event)),
        Tuple.of(2, unicode(event)),
        Tuple.of(1, longString(event)),
        Tuple.of(2, raw("huge number", event, JsonNode::isNumber, Arbitraries.of(HUGE_NUMBERS))),
        Tuple.of(2, raw("NaN/Infinity", event, JsonNode::isNumber, Arbitraries.of(NOT_FINITE))),
        Tuple.of(1, raw("deep nesting", event, n -> true, deepNesting())),
        Tuple.of(2, truncated(event)),
        Tuple.of(2, unquoted(event)),
        Tuple.of(1, Arbitraries.of(NOT_OBJECTS).map(text -> new EventInput("not an event object", text.getBytes(UTF_8), null))),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(bytes -> new EventInput("random bytes", bytes, null)))));
  }

  private static Arbitrary<EventInput> replaced(String kind, ObjectNode event, Predicate<JsonNode> where, Arbitrary<JsonNode> values) {
    return Combinators.combine(Arbitraries.integers().between(0, 99), values).as((index, value) -> {
      ObjectNode copy = event.deepCopy();
      Slot.pick(copy, where, index).set(value.deepCopy());
      return written(kind, copy, event, false);
    });
  }

  private static Arbitrary<EventInput> raw(String kind, ObjectNode event, Predicate<JsonNode> where, Arbitrary<String> tokens) {
    return Combinators.combine(Arbitraries.integers().between(0, 99), tokens).as((index, token) -> {
      ObjectNode copy = event.deepCopy();
      Slot.pick(copy, where, index).set(TextNode.valueOf(RAW));
      return withRawToken(kind, copy, token, customerRef(event));
    });
  }

  private static Arbitrary<EventInput> missingField(ObjectNode event) {
    return Arbitraries.integers().between(0, 99).map(index -> {
      ObjectNode copy = event.deepCopy();
      Slot slot = Slot.pick(copy, n -> true, index);
      slot.parent().remove(slot.field());
      return written("missing field", copy, event, false);
    });
  }

  private static Arbitrary<EventInput> extraFields(ObjectNode event) {
    Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.of(TRICKY_TEXT));
    Arbitrary<JsonNode> values = Arbitraries.oneOf(Arbitraries.of(OTHER_TYPES), Arbitraries.strings().ofMaxLength(30).map(TextNode::valueOf));
    return Arbitraries.maps(names, values).ofMinSize(1).ofMaxSize(5).map(extra -> {
      ObjectNode copy = event.deepCopy();
      extra.forEach((name, value) -> copy.set(name, value.deepCopy()));
      return written("extra fields", copy, event, false);
    });
  }

  private static Arbitrary<EventInput> unicode(ObjectNode event) {
    Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40), Arbitraries.of(TRICKY_TEXT));
    return Combinators.combine(Arbitraries.integers().between(0, 99), texts, Arbitraries.of(true, false))
        .as((index, text, escaped) -> {
          ObjectNode copy = event.deepCopy();
          Slot.pick(copy, JsonNode::isTextual, index).set(TextNode.valueOf(text));
          return written("unicode", copy, event, escaped);
        });
  }

  private static Arbitrary<EventInput> longString(ObjectNode event) {
    return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.integers().between(1_000, 100_000),
            Arbitraries.of("x", "é", "\uD83D\uDE00", "\\", "\""))
        .as((index, length, unit) -> {
          ObjectNode copy = event.deepCopy();
          Slot.pick(copy, JsonNode::isTextual, index).set(TextNode.valueOf(unit.repeat(length)));
          return written("very long string", copy, event, false);
        });
  }

  private static Arbitrary<String> deepNesting() {
    return Combinators.combine(Arbitraries.integers().between(1, 3_000), Arbitraries.of(true, false))
        .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  private static Arbitrary<EventInput> truncated(ObjectNode event) {
    byte[] whole = write(event, false).getBytes(UTF_8);
    return Arbitraries.integers().between(1, whole.length - 1)
        .map(length -> new EventInput("truncated JSON", Arrays.copyOf(whole, length), customerRef(event)));
  }

  /** A text value written without its quotes, as hand-made exports do; half the time the customer reference. */
  private static Arbitrary<EventInput> unquoted(ObjectNode event) {
    return Combinators.combine(Arbitraries.integers().between(0, 99), Arbitraries.of(true, false)).as((index, reference) -> {
      ObjectNode copy = event.deepCopy();
      Slot slot = reference && copy.has("customerRef") ? new Slot(copy, "customerRef") : Slot.pick(copy, JsonNode::isTextual, index);
      String value = slot.parent().path(slot.field()).asText();
      slot.set(TextNode.valueOf(RAW));
      return withRawToken("unquoted value", copy, value.isEmpty() ? "x" : value, customerRef(event));
    });
  }

  private static EventInput withRawToken(String kind, ObjectNode node, String token, String customerRef) {
    String placeholder = write(TextNode.valueOf(RAW), false);
    return new EventInput(kind, write(node, false).replace(placeholder, token).getBytes(UTF_8), customerRef);
  }

  /** The mutated node's text, carrying the customer reference of the event it was made from. */
  private static EventInput written(String kind, ObjectNode node, ObjectNode original, boolean asciiOnly) {
    return new EventInput(kind, write(node, asciiOnly).getBytes(UTF_8), customerRef(original));
  }

  private static String customerRef(ObjectNode event) {
    return event.path("customerRef").textValue();
  }

  private static String write(JsonNode node, boolean asciiOnly) {
    try {
      return asciiOnly ? ASCII_ONLY.writeValueAsString(node) : JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A field of the event or of an object nested in it (a criterion, the skill signals) that a mutation replaces. */
  record Slot(ObjectNode parent, String field) {

    void set(JsonNode value) {
      parent.set(field, value);
    }

    /** The index-th (modulo) field whose value matches; a new top-level field when none does. */
    static Slot pick(ObjectNode event, Predicate<JsonNode> where, int index) {
      List<Slot> slots = new ArrayList<>();
      collect(event, where, slots);
      return slots.isEmpty() ? new Slot(event, "extra") : slots.get(index % slots.size());
    }

    private static void collect(JsonNode node, Predicate<JsonNode> where, List<Slot> slots) {
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          if (where.test(field.getValue())) {
            slots.add(new Slot((ObjectNode) node, field.getKey()));
          }
          collect(field.getValue(), where, slots);
        }
      } else if (node.isArray()) {
        node.forEach(element -> collect(element, where, slots));
      }
    }
  }
}
