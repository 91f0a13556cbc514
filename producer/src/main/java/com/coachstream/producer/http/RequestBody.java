package com.coachstream.producer.http;

import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.schemas.json.NoEcho;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.coachstream.schemas.validation.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code POST /v1/events} body into its events: one JSON object, a JSON array of objects, or
 * NDJSON (one object per line). In NDJSON a malformed line is one rejected item and the others go on; a
 * body that is neither (e.g. a truncated array) is refused as a whole with {@link ValidationException}.
 */
final class RequestBody {

  private static final ObjectReader STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .readerFor(JsonNode.class);

  /** One element of the body: a JSON value, or why it could not be read. */
  record Item(JsonNode json, Violation error) {

    /** The event this element holds, or why it is rejected. */
    Checked check(EventChecker checker) {
      return error != null ? Checked.rejected(List.of(error)) : checker.check(json);
    }
  }

  private RequestBody() { }

  static List<Item> parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw new ValidationException(ReasonCode.BAD_JSON, "body",
          "the body is empty: send a JSON object, a JSON array of objects or NDJSON");
    }
    try {
      JsonNode whole = STRICT.readValue(text);
      List<Item> items = new ArrayList<>();
      if (whole.isArray()) {
        whole.forEach(element -> items.add(new Item(element, null)));
      } else {
        items.add(new Item(whole, null));
      }
      return items;
    } catch (JsonProcessingException notOneValue) {
      if (text.startsWith("[") || text.lines().count() < 2) {
        throw new ValidationException(ReasonCode.BAD_JSON, "body", "not valid JSON: " + NoEcho.describe(notOneValue));
      }
      return ndjson(text);
    } catch (IOException e) {
      throw new ValidationException(ReasonCode.BAD_JSON, "body", "cannot read the body: " + NoEcho.describe(e));
    }
  }

  private static List<Item> ndjson(String text) {
    List<Item> items = new ArrayList<>();
    text.lines().filter(line -> !line.isBlank()).forEach(line -> {
      try {
        items.add(new Item(STRICT.readValue(line), null));
      } catch (IOException e) {
        items.add(new Item(null, new Violation(ReasonCode.BAD_JSON, "value", "not valid JSON: " + NoEcho.describe(e))));
      }
    });
    return items;
  }
}
