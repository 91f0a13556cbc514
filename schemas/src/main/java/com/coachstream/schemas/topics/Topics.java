package com.coachstream.schemas.topics;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.RuleSet;
import com.coachstream.schemas.serde.AvroSerdes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The catalogue of CoachStream's topics: name, key serde, value serde, cleanup policy (docs/topics.md). */
public final class Topics {

  private final TopicNames names;
  private final Topic<String, InteractionEvent> interactions;
  private final Topic<String, QaEvaluation> qaEvaluations;
  private final Topic<String, AgentProfile> agents;
  private final Topic<AgentWindowKey, AgentSkillWindow> skillScores;
  private final Topic<String, CoachingAlert> alerts;
  private final Topic<String, NotificationDelivery> deliveries;
  private final Topic<byte[], byte[]> deadLetter;
  private final Topic<String, CoachingAction> actions;
  private final Topic<String, CoachingEffect> effects;
  private final Topic<String, RuleSet> rules;
  private final Topic<String, byte[]> teamDistributions;

  private final AvroSerdes avro;

  /** The catalogue in single-object encoding, no registry. */
  public Topics(TopicNames names) {
    this(names, AvroSerdes.singleObject());
  }

  /** The catalogue with every Avro key and value serde made by {@code avro}: the wire format of every topic. */
  public Topics(TopicNames names, AvroSerdes avro) {
    this.names = names;
    this.avro = avro;
    Serde<String> agentKey = Serdes.String();
    this.interactions = new Topic<>(names.interactions(), agentKey, avro.value(InteractionEvent.class), false);
    this.qaEvaluations = new Topic<>(names.qaEvaluations(), agentKey, avro.value(QaEvaluation.class), false);
    this.agents = new Topic<>(names.agents(), agentKey, avro.value(AgentProfile.class), true);
    this.skillScores = new Topic<>(names.skillScores(), avro.key(AgentWindowKey.class),
        avro.value(AgentSkillWindow.class), true);
    this.alerts = new Topic<>(names.alerts(), agentKey, avro.value(CoachingAlert.class), false);
    this.deliveries = new Topic<>(names.deliveries(), Serdes.String(), avro.value(NotificationDelivery.class), false);
    this.deadLetter = new Topic<>(names.deadLetter(), Serdes.ByteArray(), Serdes.ByteArray(), false);
    this.actions = new Topic<>(names.actions(), agentKey, avro.value(CoachingAction.class), false);
    this.effects = new Topic<>(names.effects(), Serdes.String(), avro.value(CoachingEffect.class), false);
    this.rules = new Topic<>(names.rules(), Serdes.String(), avro.value(RuleSet.class), true);
    this.teamDistributions = new Topic<>(names.teamDistributions(), Serdes.String(), Serdes.ByteArray(), true);
  }

  public static Topics defaults() {
    return new Topics(TopicNames.DEFAULTS);
  }

  /** The serdes of this catalogue (its wire format and registry), for records outside a topic's own types. */
  public AvroSerdes avro() {
    return avro;
  }

  public TopicNames names() {
    return names;
  }

  public Topic<String, InteractionEvent> interactions() {
    return interactions;
  }

  public Topic<String, QaEvaluation> qaEvaluations() {
    return qaEvaluations;
  }

  public Topic<String, AgentProfile> agents() {
    return agents;
  }

  public Topic<AgentWindowKey, AgentSkillWindow> skillScores() {
    return skillScores;
  }

  public Topic<String, CoachingAlert> alerts() {
    return alerts;
  }

  public Topic<String, NotificationDelivery> deliveries() {
    return deliveries;
  }

  public Topic<byte[], byte[]> deadLetter() {
    return deadLetter;
  }

  /** Supervisors' actions on alerts (key: agent id). */
  public Topic<String, CoachingAction> actions() {
    return actions;
  }

  /** Measured effect of each coaching session (key: the session's action id). */
  public Topic<String, CoachingEffect> effects() {
    return effects;
  }

  /** The slip rules per team (key: teamId, or {@code *} for every team without its own). */
  public Topic<String, RuleSet> rules() {
    return rules;
  }

  /**
   * Internal to the streams processor: each team's score distribution per category and window (the
   * team-relative rule), written by the team's task and read back by every instance as a global store.
   */
  public Topic<String, byte[]> teamDistributions() {
    return teamDistributions;
  }

  /** Every topic, in the order of docs/topics.md. */
  public List<Topic<?, ?>> all() {
    return List.of(interactions, qaEvaluations, agents, skillScores, alerts, deliveries, deadLetter, actions, effects,
        rules, teamDistributions);
  }

  public Optional<Topic<?, ?>> byName(String name) {
    return all().stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
