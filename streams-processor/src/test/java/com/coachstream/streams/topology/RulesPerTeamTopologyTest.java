package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.RuleSet;
import com.coachstream.schemas.deadletter.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rules per team through the production topology: changed live, {@code *} for the rest, refused ones dead-lettered. */
class RulesPerTeamTopologyTest {

  private final TopologyFixture fixture = new TopologyFixture();
  private final Instant start = T0.plus(Duration.ofDays(3));
  private int sent;

  @AfterEach
  void stop() {
    fixture.close();
  }

  private void member(String agent, String team) {
    fixture.agents.pipeInput(agent, AgentProfile.newBuilder().setAgentId(agent).setDisplayName(agent).setTeamId(team).build());
  }

  /** Evaluations scoring empathy 75: above the default floor of 70, below a floor of 80. */
  private void evaluations(String agent, int count) {
    evaluations(agent, count, 7.5);
  }

  /** Evaluations scoring empathy 50: below the default floor of 70, above a floor of 40. */
  private void lowEvaluations(String agent, int count) {
    evaluations(agent, count, 5.0);
  }

  private void evaluations(String agent, int count, double empathy) {
    for (int i = 0; i < count; i++) {
      sent++;
      fixture.evaluations.pipeInput(agent, evaluation("e" + sent, agent, start.plusSeconds(sent * 60L), Map.of("empathy", empathy)));
    }
  }

  private void rules(String team, long version, Map<String, String> settings) {
    fixture.rules.pipeInput(team, RuleSet.newBuilder().setTeamId(team).setVersion(version).setSettings(settings)
        .setUpdatedBy("qa-lead").setUpdatedAt(T0).setComment("test").build());
  }

  private List<CoachingAlert> slips() {
    return fixture.alerts.readValuesToList().stream().filter(a -> a.getType() == AlertType.SLIP).toList();
  }

  @Test
  void withNoRulesTheConfigurationDecidesAndAlertsSaySo() {
    member("a1", "blue");
    for (int i = 0; i < 5; i++) {
      fixture.evaluations.pipeInput("a1", evaluation("low-" + i, "a1", start.plusSeconds(i), Map.of("empathy", 5.0)));
    }
    assertThat(slips()).singleElement().satisfies(a -> assertThat(a.getRuleSet()).isEqualTo("defaults"));
  }

  @Test
  void aTeamsRuleChangeAppliesFromTheNextEvent() {
    member("a1", "blue");
    evaluations("a1", 5);
    assertThat(slips()).isEmpty();

    rules("blue", 1, Map.of("slip.floor", "80"));
    evaluations("a1", 1);

    assertThat(slips()).singleElement().satisfies(a -> {
      assertThat(a.getRuleSet()).isEqualTo("blue@1");
      assertThat(a.getFloor()).isEqualTo(80.0);
      assertThat(a.getTeamId()).isEqualTo("blue");
    });
  }

  @Test
  void everyTeamsRulesApplyToTeamsWithoutTheirOwn() {
    member("a1", "blue");
    member("a2", "green");
    rules("*", 1, Map.of("slip.floor", "80"));
    rules("blue", 1, Map.of("slip.floor", "60"));

    evaluations("a1", 6);
    evaluations("a2", 6);

    assertThat(slips()).singleElement().satisfies(a -> {
      assertThat(a.getAgentId()).isEqualTo("a2");
      assertThat(a.getRuleSet()).isEqualTo("*@1");
    });
  }

  @Test
  void aTeamsOwnRulesAndEveryTeamsAreBothNamedWhenBothApply() {
    member("a1", "blue");
    rules("*", 2, Map.of("slip.min-samples", "3"));
    rules("blue", 4, Map.of("slip.floor", "80"));

    evaluations("a1", 3);

    assertThat(slips()).singleElement().satisfies(a -> {
      assertThat(a.getRuleSet()).isEqualTo("blue@4,*@2");
      assertThat(a.getSamples()).isEqualTo(3);
    });
  }

  @Test
  void removingATeamsRulesFallsBackToEveryTeams() {
    member("a1", "blue");
    rules("*", 1, Map.of("slip.floor", "80"));
    rules("blue", 1, Map.of("slip.floor", "60"));
    evaluations("a1", 5);
    assertThat(slips()).isEmpty();

    fixture.rules.pipeInput("blue", (RuleSet) null);
    evaluations("a1", 1);

    assertThat(slips()).singleElement().satisfies(a -> assertThat(a.getRuleSet()).isEqualTo("*@1"));
  }

  @Test
  void aRefusedRuleSetIsDeadLetteredOnceAndTheRulesInForceStay() {
    member("a1", "blue");
    rules("blue", 1, Map.of("slip.floor", "80"));
    rules("blue", 2, Map.of("slip.flor", "60"));
    fixture.driver.advanceWallClockTime(RefusedRulesReporter.INTERVAL);
    fixture.driver.advanceWallClockTime(RefusedRulesReporter.INTERVAL);

    List<TestRecord<byte[], byte[]>> dead = fixture.deadLetters.readRecordsToList();
    assertThat(dead).singleElement().satisfies(d -> {
      assertThat(new String(d.key(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("blue");
      assertThat(DeadLetter.header(d.headers(), DeadLetter.STAGE)).isEqualTo("validate");
      assertThat(DeadLetter.header(d.headers(), DeadLetter.REASON)).isEqualTo("INVALID_RULES");
      assertThat(DeadLetter.header(d.headers(), DeadLetter.MESSAGE)).isEqualTo("Rule set blue@2 refused, the rules "
          + "in force stay: `slip.flor` (rules of blue) is not a rule setting; did you mean `slip.floor`?");
      assertThat(DeadLetter.header(d.headers(), DeadLetter.SOURCE_TOPIC)).isEqualTo(fixture.topics.rules().name());
      assertThat(fixture.topics.rules().valueSerde().deserializer().deserialize("t", d.value()).getVersion()).isEqualTo(2);
    });

    evaluations("a1", 5);
    assertThat(slips()).singleElement().satisfies(a -> assertThat(a.getRuleSet()).isEqualTo("blue@1"));
  }

  @Test
  void aWrongValueAStaleVersionAndAKeyOtherThanTheTeamAreRefused() {
    member("a1", "blue");
    rules("blue", 3, Map.of("slip.floor", "80"));
    rules("blue", 4, Map.of("slip.floor", "high"));
    fixture.driver.advanceWallClockTime(RefusedRulesReporter.INTERVAL);
    rules("blue", 3, Map.of("slip.floor", "60"));
    fixture.driver.advanceWallClockTime(RefusedRulesReporter.INTERVAL);
    fixture.rules.pipeInput("blue", RuleSet.newBuilder().setTeamId("green").setVersion(9).setSettings(Map.of())
        .setUpdatedBy("x").setUpdatedAt(T0).build());
    fixture.driver.advanceWallClockTime(RefusedRulesReporter.INTERVAL);

    assertThat(fixture.deadLetters.readRecordsToList()).extracting(d -> DeadLetter.header(d.headers(), DeadLetter.MESSAGE))
        .satisfiesExactly(
            m -> assertThat(m).contains("blue@4", "slip.floor", "high"),
            m -> assertThat(m).contains("Version 3 of the rules of blue is not above the version in force, 3"),
            m -> assertThat(m).contains("The record key must be the rule set's teamId 'green', was 'blue'"));
    evaluations("a1", 5);
    assertThat(slips()).singleElement().satisfies(a -> assertThat(a.getRuleSet()).isEqualTo("blue@3"));
  }

  @Test
  void anUpdatedRuleSetAppliesFromTheNextEvent() {
    member("a1", "blue");
    member("a2", "blue");
    rules("blue", 1, Map.of("slip.floor", "80"));
    evaluations("a1", 5);
    assertThat(slips()).singleElement().satisfies(a -> assertThat(a.getRuleSet()).isEqualTo("blue@1"));

    rules("blue", 2, Map.of("slip.floor", "60"));
    evaluations("a2", 5);
    assertThat(slips()).isEmpty();

    rules("blue", 3, Map.of("slip.floor", "80"));
    evaluations("a2", 1);
    assertThat(slips()).singleElement().satisfies(a -> {
      assertThat(a.getAgentId()).isEqualTo("a2");
      assertThat(a.getRuleSet()).isEqualTo("blue@3");
    });
  }

  @Test
  void removingEveryTeamsRulesFallsBackToTheConfiguration() {
    member("a1", "blue");
    rules("*", 1, Map.of("slip.floor", "40"));
    lowEvaluations("a1", 5);
    assertThat(slips()).isEmpty();

    fixture.rules.pipeInput("*", (RuleSet) null);
    lowEvaluations("a1", 1);

    assertThat(slips()).singleElement().satisfies(a -> assertThat(a.getRuleSet()).isEqualTo("defaults"));
  }

  /** Reads go through the store's own serde, as the scorer's do: the same object until the rule set changes. */
  @Test
  void aStoredRuleSetIsDecodedOncePerUpdateNotPerRead() {
    KeyValueStore<String, StoredRules> store = fixture.driver.getKeyValueStore(CoachingTopology.RULES_STORE);
    rules("blue", 1, Map.of("slip.floor", "80"));
    StoredRules first = store.get("blue");

    for (int i = 0; i < 100; i++) {
      assertThat(store.get("blue")).isSameAs(first);
    }

    rules("blue", 2, Map.of("slip.floor", "60"));
    StoredRules updated = store.get("blue");
    assertThat(updated).isNotSameAs(first);
    assertThat(updated.inForce().version()).isEqualTo(2);
    assertThat(store.get("blue")).isSameAs(updated);

    fixture.rules.pipeInput("blue", (RuleSet) null);
    assertThat(store.get("blue")).isNull();
  }
}
