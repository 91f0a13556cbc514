package com.coachstream.producer.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.coachstream.producer.support.Mutations.EventInput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * {@code POST /v1/events} bodies (docs/operations.md: a JSON object, an array, or NDJSON) made of generated and mutated
 * events, plus bodies that are broken as a whole and bodies over the size limit.
 */
public final class FuzzBodies {

  /** Bodies of events whose count is not known in advance (a broken array, random bytes). */
  public static final int UNKNOWN = -1;

  /** A body, how many events it holds ({@link #UNKNOWN} when it is broken as a whole), and the references in it. */
  public record Body(String kind, byte[] bytes, int events, List<String> customerRefs) {
    @Override
    public String toString() {
      String text = new String(bytes, UTF_8);
      return kind + " (" + bytes.length + " bytes, " + events + " events): " + (text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text);
    }
  }

  /** Kinds of input that could merge with the next NDJSON line into one JSON value, or start a body with '['. */
  private static final Set<String> NOT_ONE_LINE = Set.of("random bytes", "not an event object");
  private static final ObjectReader ONE_VALUE = new ObjectMapper().readerFor(Object.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private FuzzBodies() { }

  /** Bodies below {@code limit} bytes, and now and then one above it. */
  public static Arbitrary<Body> bodies(int limit) {
    Arbitrary<EventInput> events = Mutations.eventInputs();
    return Arbitraries.frequencyOf(
        Tuple.of(4, events.map(FuzzBodies::single)),
        Tuple.of(4, events.list().ofMinSize(0).ofMaxSize(25).map(FuzzBodies::array)),
        Tuple.of(4, events.filter(e -> !NOT_ONE_LINE.contains(e.kind())).list().ofMinSize(2).ofMaxSize(25).map(FuzzBodies::ndjson)),
        Tuple.of(1, Arbitraries.of("", "   \n\t", "[", "]", "{", "[{}", "null", "[]", "\uFEFF{}", "[1]\n[2]")
            .map(text -> new Body("broken body", text.getBytes(UTF_8), UNKNOWN, List.of()))),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(500).map(bytes -> new Body("random body", bytes, UNKNOWN, List.of()))),
        Tuple.of(1, events.map(e -> oversize(e, limit))));
  }

  /** One event: when it is one JSON value it is one event (an array is its elements); otherwise the body is broken. */
  private static Body single(EventInput input) {
    return new Body("object: " + input.kind(), input.bytes(), elements(input.bytes()), refs(List.of(input)));
  }

  /**
   * How many events a body that is one JSON value holds: an array its elements, anything else one. A body that is
   * not one JSON value is refused as a whole (or, spanning lines, read as NDJSON): {@link #UNKNOWN}.
   */
  private static int elements(byte[] body) {
    try {
      return ONE_VALUE.readValue(body) instanceof List<?> list ? list.size() : 1;
    } catch (IOException notOneValue) {
      return UNKNOWN;
    }
  }

  /** The events of a well-formed array are its elements (random bytes may add some or be none); one broken element breaks it. */
  private static Body array(List<EventInput> inputs) {
    byte[] body = joined("[", ",", "]", inputs);
    return new Body("array", body, elements(body), refs(inputs));
  }

  /**
   * One event per line. Each line starts with '{' (no random bytes, no bare arrays) and is balanced or open, so
   * no two lines can form one JSON value: the body is NDJSON with one event per non-blank line.
   */
  private static Body ndjson(List<EventInput> inputs) {
    List<EventInput> lines = inputs.stream().filter(e -> !e.text().contains("\n") && !e.text().contains("\r")).toList();
    if (lines.size() < 2) {
      return array(inputs);
    }
    byte[] body = joined("", "\n", "\n", lines);
    return new Body("ndjson", body, (int) new String(body, UTF_8).lines().filter(l -> !l.isBlank()).count(), refs(lines));
  }

  private static Body oversize(EventInput input, int limit) {
    byte[] padding = " ".repeat(limit).getBytes(UTF_8);
    return new Body("over the limit", joined("[", ",", "]" + new String(padding, UTF_8), List.of(input)), UNKNOWN, refs(List.of(input)));
  }

  private static byte[] joined(String open, String separator, String close, List<EventInput> inputs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(open.getBytes(UTF_8));
    for (int i = 0; i < inputs.size(); i++) {
      out.writeBytes(inputs.get(i).bytes());
      if (i < inputs.size() - 1) {
        out.writeBytes(separator.getBytes(UTF_8));
      }
    }
    out.writeBytes(close.getBytes(UTF_8));
    return out.toByteArray();
  }

  private static List<String> refs(List<EventInput> inputs) {
    return inputs.stream().map(EventInput::customerRef).filter(Objects::nonNull).distinct().toList();
  }
}
