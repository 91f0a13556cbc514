package com.coachstream.producer.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid events with one field moved out of its range (docs/concepts.md): the rules at their boundaries, and times
 * beyond what an epoch-millisecond timestamp can hold.
 */
final class OutOfRange {

  private static final String LATER = Instant.now().plusSeconds(2 * 3_600).toString();
  private static final String BEYOND_EPOCH_MILLIS_FUTURE = "+1000000000-12-31T23:59:59Z";
  private static final String BEYOND_EPOCH_MILLIS_PAST = "-1000000000-01-01T00:00:00Z";

  private static final List<Consumer<ObjectNode>> ANY_EVENT = List.of(
      e -> e.put("agentId", ""),
      e -> e.put("agentId", "agent 1"),
      e -> e.put("agentId", "a".repeat(65)),
      e -> e.put("agentId", "agent/1"),
      e -> e.put("agentId", "agënt-1"));

  private static final List<Consumer<ObjectNode>> INTERACTION = List.of(
      e -> e.put("interactionId", "   "),
      e -> e.put("channel", "FAX"),
      e -> e.put("csat", 0),
      e -> e.put("csat", 6),
      e -> e.put("csat", Integer.MIN_VALUE),
      e -> e.put("sentiment", 1.0001),
      e -> e.put("sentiment", -1.5),
      e -> e.put("holdSeconds", -1),
      e -> e.put("transfers", -2),
      e -> e.withObjectProperty("skillSignals").put("empathy", 100.01),
      e -> e.withObjectProperty("skillSignals").put("compliance", -0.5),
      e -> e.withObjectProperty("skillSignals").put("charisma", 50),
      e -> e.put("startedAt", Instant.parse(e.get("endedAt").asText()).plusSeconds(1).toString()),
      e -> e.put("endedAt", LATER),
      e -> e.put("endedAt", "9999-12-31T23:59:59Z"),
      e -> e.put("endedAt", BEYOND_EPOCH_MILLIS_FUTURE),
      e -> e.put("startedAt", BEYOND_EPOCH_MILLIS_PAST),
      e -> e.put("startedAt", Long.MIN_VALUE),
      e -> e.put("endedAt", "yesterday"));

  private static final List<Consumer<ObjectNode>> EVALUATION = List.of(
      e -> e.put("evaluationId", ""),
      e -> criterion(e).put("score", criterion(e).get("maxScore").asDouble() + 0.5),
      e -> criterion(e).put("score", -1),
      e -> criterion(e).put("maxScore", 0),
      e -> criterion(e).put("maxScore", -5),
      e -> criterion(e).put("weight", 0),
      e -> criterion(e).put("weight", -1),
      e -> criterion(e).put("skill", "Charisma"),
      e -> criterion(e).put("skill", " "),
      e -> e.putArray("criteria"),
      e -> e.put("purpose", "REVIEW"),
      e -> e.put("evaluatedAt", LATER),
      e -> e.put("evaluatedAt", BEYOND_EPOCH_MILLIS_FUTURE),
      e -> e.put("evaluatedAt", BEYOND_EPOCH_MILLIS_PAST));

  private static final List<Consumer<ObjectNode>> AGENT = List.of(
      e -> e.put("displayName", " "),
      e -> e.remove("displayName"));

  private OutOfRange() { }

  /** Copies of the event, each with one field out of range. */
  static Arbitrary<ObjectNode> of(ObjectNode event) {
    List<Consumer<ObjectNode>> edits = new ArrayList<>(ANY_EVENT);
    edits.addAll(switch (event.get("type").asText()) {
      case "interaction" -> INTERACTION;
      case "qa_evaluation" -> EVALUATION;
      default -> AGENT;
    });
    return Arbitraries.of(edits).map(edit -> {
      ObjectNode copy = event.deepCopy();
      edit.accept(copy);
      return copy;
    });
  }

  private static ObjectNode criterion(ObjectNode evaluation) {
    return (ObjectNode) evaluation.get("criteria").get(0);
  }
}
