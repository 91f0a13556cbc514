package com.coachstream.producer.support;

import com.coachstream.avro.Channel;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid input events as JSON objects (docs/concepts.md), the raw material {@link Mutations} breaks. Ids come from small
 * pools, so an input of a few dozen events holds identical re-sends and re-sends with changed content.
 * Interactions, and some evaluations as an extra field, carry a customer reference the tests look for in
 * every output.
 */
public final class FuzzEvents {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Event times lie in the 30 days before the tests started: valid, whenever a try runs. */
  private static final Instant NOW = Instant.now();
  private static final List<String> SKILLS = new ArrayList<>();

  static {
    SKILLS.addAll(SkillTaxonomy.DEFAULT_SOFT_SKILLS);
    SKILLS.addAll(SkillTaxonomy.DEFAULT_HARD_SKILLS);
  }

  /** Scorecard criterion names as QA tools spell them: the taxonomy resolves case, spaces and hyphens. */
  private static final List<String> CRITERIA = List.of("Empathy", "Active Listening", "active-listening", "COMPLIANCE",
      "Product Knowledge", "data_accuracy", "Problem Solving", "rapport");

  private FuzzEvents() { }

  public static Arbitrary<ObjectNode> anyEvent() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, interactions()),
        Tuple.of(3, evaluations()),
        Tuple.of(1, agents()));
  }

  /**
   * Customer references as contact-center systems make them up: hex with a dash, or letters and digits in one
   * token (which a JSON parser would quote back in full if it were left unquoted).
   */
  public static Arbitrary<String> customerRefs() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("0123456789abcdef").ofLength(10).map(hex -> "cust-" + hex),
        Arbitraries.strings().alpha().numeric().ofMinLength(10).ofMaxLength(16).map(token -> "CR" + token));
  }

  public static Arbitrary<ObjectNode> interactions() {
    Arbitrary<ObjectNode> base = Combinators.combine(ids("int-"), agentIds(), Arbitraries.of(Channel.class), eventTimes(),
            Arbitraries.integers().between(0, 3_600), Arbitraries.integers().between(1, 5).injectNull(0.6),
            Arbitraries.doubles().between(-1, 1).ofScale(2).injectNull(0.3), skillSignals())
        .as((id, agentId, channel, endedAt, handleSeconds, csat, sentiment, signals) -> {
          ObjectNode node = event("interaction");
          node.put("interactionId", id);
          node.put("agentId", agentId);
          node.put("channel", channel.name());
          node.put("startedAt", endedAt.minusSeconds(handleSeconds).toString());
          node.put("endedAt", endedAt.toString());
          node.put("holdSeconds", handleSeconds / 10);
          node.put("transfers", handleSeconds % 3);
          if (csat != null) {
            node.put("csat", csat);
          }
          if (sentiment != null) {
            node.put("sentiment", sentiment);
          }
          ObjectNode signalNode = node.putObject("skillSignals");
          signals.forEach(signalNode::put);
          node.put("source", "speech-analytics");
          return node;
        });
    return withCustomerRef(base, 0.15);
  }

  public static Arbitrary<ObjectNode> evaluations() {
    Arbitrary<ObjectNode> criterion = Combinators.combine(Arbitraries.of(CRITERIA), Arbitraries.of(5.0, 10.0, 100.0),
            Arbitraries.doubles().between(0, 1), Arbitraries.of(0.5, 1.0, 2.0))
        .as((skill, maxScore, share, weight) -> {
          ObjectNode node = NODES.objectNode();
          node.put("skill", skill);
          node.put("score", Math.round(share * maxScore * 2) / 2.0);
          node.put("maxScore", maxScore);
          node.put("weight", weight);
          return node;
        });
    Arbitrary<ObjectNode> base = Combinators.combine(ids("qa-"), agentIds(), eventTimes(), criterion.list().ofMinSize(1).ofMaxSize(6),
            Arbitraries.of("STANDARD", "CALIBRATION"), Arbitraries.of(true, false), Arbitraries.of(true, false))
        .as((id, agentId, evaluatedAt, criteria, purpose, autoFail, retracted) -> {
          ObjectNode node = event("qa_evaluation");
          node.put("evaluationId", id);
          node.put("agentId", agentId);
          node.put("evaluatorId", "qa-reviewer-01");
          node.put("evaluatedAt", evaluatedAt.toString());
          ArrayNode list = node.putArray("criteria");
          criteria.forEach(list::add);
          node.put("purpose", purpose);
          node.put("autoFail", autoFail);
          node.put("retracted", retracted);
          return node;
        });
    // QA evaluations have no customerRef; some senders add it anyway, and unknown fields are ignored.
    return withCustomerRef(base, 0.7);
  }

  public static Arbitrary<ObjectNode> agents() {
    return Combinators.combine(agentIds(), Arbitraries.of("Ava Adams", "Émile Zoë", "李雷", "O'Brien"),
            Arbitraries.of("team-01", "team-02").injectNull(0.3), Arbitraries.of(true, false))
        .as((agentId, name, teamId, active) -> {
          ObjectNode node = event("agent");
          node.put("agentId", agentId);
          node.put("displayName", name);
          if (teamId != null) {
            node.put("teamId", teamId);
          }
          node.put("active", active);
          return node;
        });
  }

  private static Arbitrary<ObjectNode> withCustomerRef(Arbitrary<ObjectNode> events, double noneShare) {
    return Combinators.combine(events, customerRefs().injectNull(noneShare)).as((event, ref) -> {
      if (ref != null) {
        event.put("customerRef", ref);
      }
      return event;
    });
  }

  private static ObjectNode event(String type) {
    ObjectNode node = NODES.objectNode();
    node.put("type", type);
    return node;
  }

  private static Arbitrary<String> ids(String prefix) {
    return Arbitraries.integers().between(1, 30).map(i -> prefix + i);
  }

  private static Arbitrary<String> agentIds() {
    return Arbitraries.integers().between(1, 20).map(i -> "agent-" + i);
  }

  private static Arbitrary<Instant> eventTimes() {
    return Arbitraries.longs().between(3_600, 30L * 86_400).map(NOW::minusSeconds);
  }

  private static Arbitrary<Map<String, Double>> skillSignals() {
    return Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.doubles().between(0, 100).ofScale(2)).ofMaxSize(4);
  }
}
