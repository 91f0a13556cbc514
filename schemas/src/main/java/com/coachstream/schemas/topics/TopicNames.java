package com.coachstream.schemas.topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The names of CoachStream's topics (docs/topics.md). Each can be changed with a {@code topic.<key>} property,
 * e.g. {@code topic.interactions=acme.interactions.v1}, or the environment variable
 * {@code COACHSTREAM_TOPIC_INTERACTIONS}.
 */
public record TopicNames(
    String interactions,
    String qaEvaluations,
    String agents,
    String skillScores,
    String alerts,
    String deliveries,
    String deadLetter,
    String actions,
    String effects,
    String rules,
    String teamDistributions) {

  public static final TopicNames DEFAULTS = new TopicNames(
      "cc.interactions.v1",
      "cc.qa-evaluations.v1",
      "cc.agents.v1",
      "coaching.skill-scores.v1",
      "coaching.alerts.v1",
      "coaching.deliveries.v1",
      "coaching.dead-letter.v1",
      "coaching.actions.v1",
      "coaching.effects.v1",
      "coaching.rules.v1",
      "coaching.team-distributions.v1");

  /** Topic names from {@code topic.*} properties, defaults for the rest. */
  public static TopicNames from(Properties props) {
    return new TopicNames(
        props.getProperty("topic.interactions", DEFAULTS.interactions),
        props.getProperty("topic.qa-evaluations", DEFAULTS.qaEvaluations),
        props.getProperty("topic.agents", DEFAULTS.agents),
        props.getProperty("topic.skill-scores", DEFAULTS.skillScores),
        props.getProperty("topic.alerts", DEFAULTS.alerts),
        props.getProperty("topic.deliveries", DEFAULTS.deliveries),
        props.getProperty("topic.dead-letter", DEFAULTS.deadLetter),
        props.getProperty("topic.actions", DEFAULTS.actions),
        props.getProperty("topic.effects", DEFAULTS.effects),
        props.getProperty("topic.rules", DEFAULTS.rules),
        props.getProperty("topic.team-distributions", DEFAULTS.teamDistributions));
  }

  /** The same names with a prefix on each, so tests never share topics. */
  public TopicNames withPrefix(String prefix) {
    return new TopicNames(prefix + interactions, prefix + qaEvaluations, prefix + agents, prefix + skillScores,
        prefix + alerts, prefix + deliveries, prefix + deadLetter, prefix + actions, prefix + effects, prefix + rules,
        prefix + teamDistributions);
  }

  /**
   * These names with the input topics (interactions, QA evaluations, agents, actions, rules) of {@code inputs}: a
   * second application reads the same input and writes outputs of its own.
   */
  public TopicNames withInputsOf(TopicNames inputs) {
    return new TopicNames(inputs.interactions, inputs.qaEvaluations, inputs.agents, skillScores, alerts,
        deliveries, deadLetter, inputs.actions, effects, inputs.rules, teamDistributions);
  }

  /** Property key -> name, in the order of docs/topics.md. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("topic.interactions", interactions);
    map.put("topic.qa-evaluations", qaEvaluations);
    map.put("topic.agents", agents);
    map.put("topic.skill-scores", skillScores);
    map.put("topic.alerts", alerts);
    map.put("topic.deliveries", deliveries);
    map.put("topic.dead-letter", deadLetter);
    map.put("topic.actions", actions);
    map.put("topic.effects", effects);
    map.put("topic.rules", rules);
    map.put("topic.team-distributions", teamDistributions);
    return map;
  }
}
