package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.DismissReason;
import com.coachstream.avro.SkillCategory;
import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.actions.AgentActions;
import com.coachstream.streams.actions.AlertStatus;
import com.coachstream.streams.actions.RulePrecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The semantics of supervisors' actions in the production topology (docs/concepts.md, the coaching loop). */
class ActionsTopologyTest {

  private static final String FORWARDED = "test.forwarded-actions";
  private static final Instant DAY3 = T0.plus(Duration.ofDays(3));
  private static final String NOTE = "private-note-7731";

  private final TopologyFixture fixture = new TopologyFixture(topology -> topology.addSink("test-forwarded-sink",
      FORWARDED, Serdes.String().serializer(), Topics.defaults().actions().valueSerde().serializer(),
      CoachingTopology.APPLY_ACTIONS));
  private final TestOutputTopic<String, CoachingAction> forwarded = fixture.driver.createOutputTopic(FORWARDED,
      Serdes.String().deserializer(), fixture.topics.actions().valueSerde().deserializer());
  private int evaluations;
  private Instant clock = DAY3;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void actionsAreAppliedInTheScoringSubTopologyByNamedNodesAndStores() {
    org.apache.kafka.streams.TopologyDescription description = CoachingTopology.topology(
        StreamsSettings.from(com.coachstream.common.config.Settings.of(Map.of()))).describe();
    // actions are applied next to the agent's state: in the scoring sub-topology (the other one measures effects)
    assertThat(description.subtopologies()).filteredOn(sub -> sub.toString().contains(CoachingTopology.SCORE_PROCESSOR))
        .singleElement().satisfies(sub -> assertThat(sub.toString()).contains(CoachingTopology.APPLY_ACTIONS));
    assertThat(description.toString()).contains(CoachingTopology.ACTIONS_SOURCE, CoachingTopology.VALIDATE_ACTIONS,
        CoachingTopology.APPLY_ACTIONS, CoachingTopology.AGENT_ACTIONS_STORE, CoachingTopology.ACTION_IDS_STORE,
        CoachingTopology.ALERT_STATUS_STORE, CoachingTopology.PENDING_ACTIONS_STORE, CoachingTopology.RULE_PRECISION_STORE);
    assertThat(CoachingTopology.APPLY_ACTIONS).isEqualTo("apply-actions");
  }

  @Test
  void aSnoozeHoldsSlipAlertsUntilItEndsThenTheStillSlippingAgentIsAlerted() {
    fixture.actions.pipeInput("a1", action("s1", ActionType.SNOOZED, null, SkillCategory.SOFT, DAY3)
        .setUntil(DAY3.plus(Duration.ofHours(2))).build());
    poorEvaluations(fixture, "a1", DAY3);
    assertThat(fixture.alerts.isEmpty()).as("held back by the snooze").isTrue();
    fixture.evaluations.pipeInput("a1", evaluation("late-1", "a1", DAY3.plus(Duration.ofHours(1)), Map.of("empathy", 5.0)));
    assertThat(fixture.alerts.isEmpty()).as("still snoozed").isTrue();

    fixture.evaluations.pipeInput("a1", evaluation("after", "a1", DAY3.plus(Duration.ofHours(2)), Map.of("empathy", 5.0)));
    assertThat(fixture.alerts.readValuesToList()).singleElement().satisfies(a -> {
      assertThat(a.getType()).isEqualTo(AlertType.SLIP);
      assertThat(a.getSourceId()).isEqualTo("after");
    });
  }

  @Test
  void aSnoozeOfTheOtherCategoryOrAnotherAgentHoldsNothing() {
    fixture.actions.pipeInput("a1", action("s1", ActionType.SNOOZED, null, SkillCategory.HARD, DAY3)
        .setUntil(DAY3.plus(Duration.ofDays(2))).build());
    fixture.actions.pipeInput("a2", action("s2", ActionType.SNOOZED, null, SkillCategory.SOFT, DAY3).setAgentId("a2")
        .setUntil(DAY3.plus(Duration.ofDays(2))).build());
    slip("a1", DAY3);
  }

  @Test
  void acknowledgedDismissedAndCoachedCloseTheAlertWithActorAndTime() {
    String first = slip("a1", DAY3);
    assertThat(status(first).status()).isEqualTo(AlertStatus.Status.OPEN);
    assertThat(agentActions("a1").openIn(SkillCategory.SOFT)).containsExactly(first);

    Instant ackAt = DAY3.plus(Duration.ofHours(1));
    fixture.actions.pipeInput("a1", action("ack", ActionType.ACKNOWLEDGED, first, null, ackAt).build());
    assertThat(status(first)).satisfies(s -> {
      assertThat(s.status()).isEqualTo(AlertStatus.Status.ACKNOWLEDGED);
      assertThat(s.actorId()).isEqualTo("sup-1");
      assertThat(s.actedAt()).isEqualTo(ackAt.toEpochMilli());
    });
    assertThat(agentActions("a1")).as("no open alert left, no snooze").isNull();

    // a category without alertId applies to the agent's open alerts of that category
    String second = recoverAndSlipAgain("a1");
    fixture.actions.pipeInput("a1", action("dis", ActionType.DISMISSED, null, SkillCategory.SOFT, clock)
        .setReason(DismissReason.KNOWN_CAUSE).build());
    assertThat(status(second).status()).isEqualTo(AlertStatus.Status.DISMISSED);
    assertThat(status(second).dismissReason()).isEqualTo(DismissReason.KNOWN_CAUSE);

    String third = recoverAndSlipAgain("a1");
    fixture.actions.pipeInput("a1", action("coach", ActionType.COACHED, third, null, clock)
        .setSessionAt(clock).setSkills(List.of("empathy")).build());
    assertThat(status(third).status()).isEqualTo(AlertStatus.Status.COACHED);
    assertThat(forwarded.readValuesToList()).extracting(CoachingAction::getActionId, CoachingAction::getCategory)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ack", SkillCategory.SOFT),
            org.assertj.core.groups.Tuple.tuple("dis", SkillCategory.SOFT),
            org.assertj.core.groups.Tuple.tuple("coach", SkillCategory.SOFT));
  }

  @Test
  void aReSentActionIsIgnoredAndNotForwardedAgain() {
    String alert = slip("a1", DAY3);
    CoachingAction dismissal = action("d1", ActionType.DISMISSED, alert, null, at(1)).setReason(DismissReason.FALSE_ALARM).build();
    fixture.actions.pipeInput("a1", dismissal);
    fixture.actions.pipeInput("a1", dismissal);
    fixture.actions.pipeInput("a1", action("d1", ActionType.ACKNOWLEDGED, alert, null, at(2)).build());

    assertThat(precision("threshold:BELOW_FLOOR")).isEqualTo(new RulePrecision(1, 1));
    assertThat(status(alert).status()).isEqualTo(AlertStatus.Status.DISMISSED);
    assertThat(forwarded.readValuesToList()).hasSize(1);
    assertThat(metric("action-duplicates-total")).isEqualTo(2.0);
  }

  @Test
  void falseAlarmsLowerTheRulesPrecisionAndOtherDismissalsDoNot() {
    String first = slip("a1", DAY3);
    String second = slip("a2", DAY3);
    String third = slip("a3", DAY3);
    assertThat(precision("threshold:BELOW_FLOOR")).isEqualTo(new RulePrecision(3, 0));

    fixture.actions.pipeInput("a1", action("x1", ActionType.DISMISSED, first, null, at(1)).setReason(DismissReason.FALSE_ALARM).build());
    fixture.actions.pipeInput("a2", action("x2", ActionType.DISMISSED, second, null, at(1)).setAgentId("a2")
        .setReason(DismissReason.KNOWN_CAUSE).build());
    fixture.actions.pipeInput("a3", action("x3", ActionType.ACKNOWLEDGED, third, null, at(1)).setAgentId("a3").build());
    fixture.actions.pipeInput("a3", action("x4", ActionType.DISMISSED, third, null, at(2)).setAgentId("a3")
        .setReason(DismissReason.FALSE_ALARM).build());

    assertThat(precision("threshold:BELOW_FLOOR")).isEqualTo(new RulePrecision(3, 2));
    assertThat(precision("threshold:BELOW_FLOOR").precision()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(metric("rule-false-alarms")).isEqualTo(2.0);
    assertThat(metric("rule-alerts-raised")).isEqualTo(3.0);
  }

  @Test
  void anActionThatRacesAheadOfItsAlertIsAppliedWhenTheAlertArrives() {
    String alertId;
    try (TopologyFixture earlier = new TopologyFixture()) {
      alertId = slipIn(earlier, "a1", DAY3);
    }
    evaluations = 0;
    // the alert id is deterministic: the same events raise the same alert
    fixture.actions.pipeInput("a1", action("early-dismiss", ActionType.DISMISSED, alertId, null, DAY3)
        .setReason(DismissReason.FALSE_ALARM).build());
    fixture.actions.pipeInput("a1", action("early-snooze", ActionType.SNOOZED, alertId, null, DAY3)
        .setUntil(DAY3.plus(Duration.ofDays(5))).build());
    assertThat(forwarded.isEmpty()).as("waiting for the alert's category").isTrue();

    assertThat(slip("a1", DAY3)).isEqualTo(alertId);
    assertThat(status(alertId).status()).isEqualTo(AlertStatus.Status.DISMISSED);
    assertThat(status(alertId).snoozedUntil()).isEqualTo(DAY3.plus(Duration.ofDays(5)).toEpochMilli());
    assertThat(precision("threshold:BELOW_FLOOR")).isEqualTo(new RulePrecision(1, 1));
    assertThat(forwarded.readValuesToList()).extracting(CoachingAction::getActionId, CoachingAction::getCategory)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("early-dismiss", SkillCategory.SOFT),
            org.assertj.core.groups.Tuple.tuple("early-snooze", SkillCategory.SOFT));
    assertThat(agentActions("a1").toSnoozes().holds(SkillCategory.SOFT, DAY3.plus(Duration.ofDays(4)).toEpochMilli())).isTrue();
  }

  @Test
  void invalidActionsAreDeadLetteredWithTheirReasonAndTheStreamGoesOn() {
    fixture.actions.pipeInput("a1", action("n1", ActionType.SNOOZED, null, SkillCategory.SOFT, DAY3).build());
    fixture.actions.pipeInput("a1", action("n2", ActionType.DISMISSED, "some-alert", null, DAY3).build());
    fixture.actions.pipeInput("a1", action("n3", ActionType.ACKNOWLEDGED, null, null, DAY3).build());
    fixture.actions.pipeInput("a1", action("n4", ActionType.COACHED, null, SkillCategory.HARD, DAY3)
        .setSessionAt(DAY3).setSkills(List.of("juggling")).build());
    fixture.actions.pipeInput("other", action("n5", ActionType.ACKNOWLEDGED, "some-alert", null, DAY3).build());
    fixture.actions.pipeInput("a1", action("ok", ActionType.ACKNOWLEDGED, "some-alert", null, DAY3).build());

    List<TestRecord<byte[], byte[]>> dead = fixture.deadLetters.readRecordsToList();
    assertThat(dead).extracting(r -> DeadLetter.header(r.headers(), DeadLetter.REASON))
        .containsExactly("MISSING_FIELD", "MISSING_FIELD", "MISSING_FIELD", "UNKNOWN_SKILL", "INVALID_ID");
    assertThat(dead).extracting(r -> DeadLetter.header(r.headers(), DeadLetter.STAGE)).containsOnly("validate");
    assertThat(DeadLetter.header(dead.get(0).headers(), DeadLetter.MESSAGE)).contains("until");
    assertThat(DeadLetter.header(dead.get(1).headers(), DeadLetter.MESSAGE)).contains("reason");
    assertThat(status("some-alert").status()).isEqualTo(AlertStatus.Status.ACKNOWLEDGED);
  }

  @Test
  void notesReachNoStoreChildMetricLogLineNorOtherTopic() {
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.coachstream");
    ch.qos.logback.classic.Level before = ours.getLevel();
    logs.start();
    root.addAppender(logs);
    ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      notesStayOnTheActionsTopic();
    } finally {
      root.detachAppender(logs);
      ours.setLevel(before);
    }
    List<String> lines = new ArrayList<>();
    synchronized (logs) {
      logs.list.forEach(e -> lines.add(e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())));
    }
    assertThat(lines).as("a dead letter is logged").anyMatch(line -> line.contains("Dead letter"));
    assertThat(lines).noneMatch(line -> line.contains(NOTE));
  }

  private void notesStayOnTheActionsTopic() {
    // an invalid action with a note is dead-lettered: its reason is logged, its note never
    fixture.actions.pipeInput("a1", action("bad", ActionType.COACHED, null, SkillCategory.SOFT, DAY3).setNote(NOTE).build());
    fixture.deadLetters.readRecordsToList();
    String alert = slip("a1", DAY3);
    fixture.actions.pipeInput("a1", action("c1", ActionType.COACHED, alert, null, at(1)).setSessionAt(at(1)).setNote(NOTE).build());
    fixture.actions.pipeInput("a1", action("d1", ActionType.DISMISSED, "not-yet-raised", null, at(1))
        .setReason(DismissReason.OTHER).setNote(NOTE).build());

    List<String> seen = new ArrayList<>();
    forwarded.readValuesToList().forEach(a -> seen.add(a.toString()));
    fixture.alerts.readValuesToList().forEach(a -> seen.add(a.toString()));
    fixture.publishCurrentWindows();
    fixture.scores.readValuesToList().forEach(s -> seen.add(String.valueOf(s)));
    fixture.deadLetters.readRecordsToList().forEach(r -> seen.add(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
    for (String store : List.of(CoachingTopology.AGENT_ACTIONS_STORE, CoachingTopology.ACTION_IDS_STORE,
        CoachingTopology.ALERT_STATUS_STORE, CoachingTopology.PENDING_ACTIONS_STORE, CoachingTopology.RULE_PRECISION_STORE)) {
      fixture.driver.<String, Object>getKeyValueStore(store).all().forEachRemaining(kv -> seen.add(kv.key + "=" + kv.value));
    }
    fixture.driver.metrics().forEach((name, m) -> seen.add(name + "=" + m.metricValue()));
    assertThat(seen).isNotEmpty().noneMatch(text -> text.contains(NOTE));
    assertThat(seen).anyMatch(text -> text.contains("c1"));
  }

  // --- helpers

  private String slip(String agent, Instant from) {
    return slipIn(fixture, agent, from);
  }

  /** Six poor evaluations: the fifth raises a SOFT SLIP (BELOW_FLOOR, no baseline); returns its alert id. */
  private String slipIn(TopologyFixture target, String agent, Instant from) {
    poorEvaluations(target, agent, from);
    List<CoachingAlert> raised = target.alerts.readValuesToList();
    assertThat(raised).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP);
    return raised.get(0).getAlertId();
  }

  /**
   * Recovers the agent (good evaluations in a window of their own), then slips it again in the next one
   * (cooldown long past); the new SLIP's id.
   */
  private String recoverAndSlipAgain(String agent) {
    clock = clock.plus(Duration.ofDays(8));
    for (int i = 0; i < 25; i++) {
      fixture.evaluations.pipeInput(agent, evaluation(agent + "-g" + evaluations++, agent, clock.plusSeconds(i), Map.of("empathy", 10.0)));
    }
    assertThat(fixture.alerts.readValuesToList()).extracting(CoachingAlert::getType).containsExactly(AlertType.RECOVERY);
    clock = clock.plus(Duration.ofDays(8));
    for (int i = 0; i < 6; i++) {
      fixture.evaluations.pipeInput(agent, evaluation(agent + "-p" + evaluations++, agent, clock.plusSeconds(i), Map.of("empathy", 0.0)));
    }
    List<CoachingAlert> raised = fixture.alerts.readValuesToList();
    assertThat(raised).extracting(CoachingAlert::getType).containsExactly(AlertType.SLIP);
    return raised.get(0).getAlertId();
  }

  private void poorEvaluations(TopologyFixture target, String agent, Instant from) {
    for (int i = 0; i < 6; i++) {
      target.evaluations.pipeInput(agent, evaluation(agent + "-e" + evaluations++, agent, from.plusSeconds(i * 60L),
          Map.of("empathy", 5.0)));
    }
  }

  private static Instant at(int hoursAfterDay3) {
    return DAY3.plus(Duration.ofHours(hoursAfterDay3));
  }

  private static CoachingAction.Builder action(String id, ActionType type, String alertId, SkillCategory category, Instant at) {
    return CoachingAction.newBuilder().setActionId(id).setAgentId("a1").setAlertId(alertId).setCategory(category)
        .setType(type).setActorId("sup-1").setAt(at);
  }

  private AlertStatus status(String alertId) {
    KeyValueStore<String, AlertStatus> store = fixture.driver.getKeyValueStore(CoachingTopology.ALERT_STATUS_STORE);
    return store.get(alertId);
  }

  private AgentActions agentActions(String agentId) {
    KeyValueStore<String, AgentActions> store = fixture.driver.getKeyValueStore(CoachingTopology.AGENT_ACTIONS_STORE);
    return store.get(agentId);
  }

  private RulePrecision precision(String rule) {
    KeyValueStore<String, RulePrecision> store = fixture.driver.getKeyValueStore(CoachingTopology.RULE_PRECISION_STORE);
    return store.get(rule);
  }

  /** The sum over tasks of the coachstream metric {@code name}. */
  private double metric(String name) {
    return fixture.driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals(RuleMetrics.GROUP))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
  }
}
