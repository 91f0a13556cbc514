package com.coachstream.streams.topology;

import static com.coachstream.streams.TestEvents.T0;
import static com.coachstream.streams.TestEvents.evaluation;
import static com.coachstream.streams.TestEvents.interaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.AlertType;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.SkillCategory;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.deadletter.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoachingTopologyTest {

  private final TopologyFixture fixture = new TopologyFixture();

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void everyNodeAndStoreIsNamed() {
    TopologyDescription description = CoachingTopology.topology(StreamsSettings.from(Settings.of(Map.of()))).describe();
    String text = description.toString();
    assertThat(text).contains("interactions-source", "qa-evaluations-source", "agents-source", "validate-interactions",
        "validate-qa-evaluations", "roster-update", "score-events", "skill-scores-sink", "alerts-sink",
        "agent-state-store", "roster-store", "alerts-store", "start-effect-measurements",
        "effect-inputs-by-team-sink", "effect-inputs-by-team-source", "measure-effects", "effects-sink",
        "team-days-store", "team-sessions-store", "team-clock-store", "effects-store",
        "team-scores-by-team-sink", "team-scores-by-team-source", "rank-in-teams", "team-distributions-store",
        "team-member-scores-store", "team-distributions-sink", "team-distributions-global-store",
        "team-distributions-source", "team-distributions-update", "rules-source", "rules-update", "rules-store",
        "report-refused-rules", "refused-rules-sink");
    // agents' scoring, then behind the repartitions by team the teams' effect measurement and their distributions
    assertThat(description.subtopologies()).hasSize(3);
    // what every instance reads whole: the rules per team, the teams' distributions (the team-relative rule)
    assertThat(description.globalStores()).hasSize(2);
  }

  @Test
  void scoresTheCurrentWindowEveryCommitIntervalAndEveryOtherChangedWindowOnPublication() {
    try (TopologyFixture fixture = new TopologyFixture(Map.of("scores.publish.interval", "10s"))) {
      currentWindowFirstThenTheOthers(fixture);
    }
  }

  private static void currentWindowFirstThenTheOthers(TopologyFixture fixture) {
    fixture.agents.pipeInput("a1", AgentProfile.newBuilder().setAgentId("a1").setDisplayName("Ann").setTeamId("roster-team").build());
    Instant t = T0.plus(Duration.ofDays(10)).plusSeconds(3600);
    fixture.interactions.pipeInput("a1", interaction("i1", "a1", t, Map.of("empathy", 80.0, "Product Knowledge", 60.0)));
    fixture.interactions.pipeInput("a1", interaction("i2", "a1", t.plusSeconds(60), Map.of("empathy", 90.0)));
    assertThat(fixture.scores.isEmpty()).as("published per commit interval, not per event").isTrue();

    fixture.publishCurrentWindows();
    List<TestRecord<AgentWindowKey, AgentSkillWindow>> immediate = fixture.scores.readRecordsToList();
    assertThat(immediate).singleElement().satisfies(r -> {
      assertThat(r.key().getWindowStart()).isEqualTo(T0.plus(Duration.ofDays(4)));
      assertThat(r.value().getWindowEnd()).isEqualTo(T0.plus(Duration.ofDays(11)));
      assertThat(r.value().getTeamId()).isEqualTo("roster-team");
      assertThat(r.value().getSkills()).extracting(s -> s.getSkill()).containsExactly("empathy", "product_knowledge");
      assertThat(r.value().getCategories()).hasSize(2);
      assertThat(r.value().getKpis().getInteractions()).isEqualTo(2);
      assertThat(r.value().getKpis().getMeanHandleSeconds()).isEqualTo(300.0);
      assertThat(r.value().toString()).doesNotContain("cust-secret-42");
    });

    fixture.driver.advanceWallClockTime(Duration.ofSeconds(10));
    Map<Instant, AgentSkillWindow> published = new HashMap<>();
    fixture.scores.readRecordsToList().forEach(r -> published.put(r.key().getWindowStart(), r.value()));
    assertThat(published).hasSize(7);
    for (int day = 4; day <= 10; day++) {
      assertThat(published.get(T0.plus(Duration.ofDays(day)))).isNotNull();
    }
    fixture.driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(fixture.scores.isEmpty()).as("nothing changed since").isTrue();
  }

  @Test
  void undecodableBytesDoNotStopTheStream() {
    // TopologyTestDriver drops the deserialization handler's dead letters; their headers are asserted on the
    // real broker in StreamsServiceIT
    fixture.rawInteractions.pipeInput("a1".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
    fixture.interactions.pipeInput("a1", interaction("i1", "a1", T0.plusSeconds(60), Map.of("empathy", 80.0)));
    fixture.publishCurrentWindows();
    assertThat(fixture.scores.readRecordsToList()).isNotEmpty();
  }

  @Test
  void invalidEventsAreDeadLetteredWithTheirOriginalBytesAndReason() {
    InteractionEvent bad = interaction("i1", "a1", T0.plusSeconds(60), Map.of("juggling", 80.0));
    byte[] original = fixture.topics.interactions().valueSerde().serializer().serialize("t", bad);
    fixture.rawInteractions.pipeInput("a1".getBytes(StandardCharsets.UTF_8), original);
    fixture.interactions.pipeInput("someone-else", interaction("i2", "a1", T0.plusSeconds(60), Map.of("empathy", 80.0)));

    List<TestRecord<byte[], byte[]>> dead = fixture.deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(dead.get(0).value()).isEqualTo(original);
    assertThat(DeadLetter.header(dead.get(0).headers(), DeadLetter.STAGE)).isEqualTo("validate");
    assertThat(DeadLetter.header(dead.get(0).headers(), DeadLetter.REASON)).isEqualTo("UNKNOWN_SKILL");
    assertThat(DeadLetter.header(dead.get(0).headers(), DeadLetter.MESSAGE)).contains("juggling");
    assertThat(DeadLetter.header(dead.get(1).headers(), DeadLetter.REASON)).isEqualTo("INVALID_ID");
    assertThat(DeadLetter.header(dead.get(1).headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("1");
    assertThat(fixture.scores.isEmpty()).isTrue();
  }

  @Test
  void lateEventsAreDeadLetteredAsLateAndDuplicatesIgnored() {
    Instant newest = T0.plus(Duration.ofDays(20));
    fixture.interactions.pipeInput("a1", interaction("i1", "a1", newest, Map.of("empathy", 80.0)));
    fixture.interactions.pipeInput("a1", interaction("i1", "a1", newest, Map.of("empathy", 80.0)));
    fixture.interactions.pipeInput("a1", interaction("i2", "a1", newest.minus(Duration.ofHours(48)), Map.of("empathy", 70.0)));
    fixture.interactions.pipeInput("a1", interaction("i3", "a1", newest.minus(Duration.ofHours(48)).minusMillis(1), Map.of("empathy", 10.0)));

    List<TestRecord<byte[], byte[]>> dead = fixture.deadLetters.readRecordsToList();
    assertThat(dead).singleElement().satisfies(r -> {
      assertThat(DeadLetter.header(r.headers(), DeadLetter.STAGE)).isEqualTo("late");
      assertThat(DeadLetter.header(r.headers(), DeadLetter.REASON)).isEqualTo("LATE");
      assertThat(DeadLetter.header(r.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("3");
    });
    fixture.publishCurrentWindows();
    Map<Instant, AgentSkillWindow> latest = new HashMap<>();
    fixture.scores.readRecordsToList().forEach(r -> latest.put(r.key().getWindowStart(), r.value()));
    AgentSkillWindow current = latest.get(newest.minus(Duration.ofDays(6)).truncatedTo(java.time.temporal.ChronoUnit.DAYS));
    assertThat(current.getKpis().getInteractions()).as("the duplicate and the late event are not counted").isEqualTo(2);
  }

  @Test
  void aSlippingAgentGetsOneSlipAlertWithTheRosterTeamAndARecoveryLater() {
    fixture.agents.pipeInput("a1", AgentProfile.newBuilder().setAgentId("a1").setDisplayName("Ann").setTeamId("blue").build());
    Instant t = T0.plus(Duration.ofDays(3));
    for (int i = 0; i < 6; i++) {
      fixture.evaluations.pipeInput("a1", evaluation("e" + i, "a1", t.plusSeconds(i * 60L), Map.of("empathy", 5.0)));
    }
    List<CoachingAlert> raised = fixture.alerts.readValuesToList();
    assertThat(raised).singleElement().satisfies(a -> {
      assertThat(a.getType()).isEqualTo(AlertType.SLIP);
      assertThat(a.getCategory()).isEqualTo(SkillCategory.SOFT);
      assertThat(a.getTeamId()).isEqualTo("blue");
      assertThat(a.getSourceId()).isEqualTo("e4");
      assertThat(a.getSamples()).isEqualTo(5);
      assertThat(a.getEvidence()).hasSize(3);
      assertThat(a.getFocus()).extracting(f -> f.getSkill()).containsExactly("empathy");
    });
    for (int i = 10; i < 30; i++) {
      fixture.evaluations.pipeInput("a1", evaluation("e" + i, "a1", t.plusSeconds(i * 60L), Map.of("empathy", 10.0)));
    }
    assertThat(fixture.alerts.readValuesToList()).extracting(CoachingAlert::getType).containsExactly(AlertType.RECOVERY);
    fixture.agents.pipeInput("a1", (AgentProfile) null);
  }
}
