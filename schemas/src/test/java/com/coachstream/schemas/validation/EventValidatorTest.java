package com.coachstream.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventValidatorTest {

  private final Clock clock = Clock.fixed(Fixtures.T0.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
  private final EventValidator validator = new EventValidator(
      SkillTaxonomy.builder().alias("Listening Skills", "active_listening").build(), clock);

  @Test
  void validRecordsPass() {
    assertThat(validator.check(Fixtures.interaction())).isEmpty();
    assertThat(validator.check(Fixtures.evaluation())).isEmpty();
    assertThat(validator.check(Fixtures.agent())).isEmpty();
  }

  @Test
  void agentIdMustBeShortAndPlain() {
    assertThat(reasons(interaction().setAgentId("a".repeat(64)).build())).isEmpty();
    assertThat(reasons(interaction().setAgentId("a".repeat(65)).build())).containsExactly(ReasonCode.INVALID_ID);
    assertThat(reasons(interaction().setAgentId("agent 7").build())).containsExactly(ReasonCode.INVALID_ID);
    assertThat(reasons(interaction().setAgentId("A-z_0.9:x").build())).isEmpty();
    assertThat(reasons(interaction().setAgentId(" ").build())).containsExactly(ReasonCode.MISSING_FIELD);
  }

  @Test
  void interactionRangesAreCheckedAtTheirEdges() {
    assertThat(reasons(interaction().setCsat(1).build())).isEmpty();
    assertThat(reasons(interaction().setCsat(5).build())).isEmpty();
    assertThat(reasons(interaction().setCsat(0).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setCsat(6).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setSentiment(-1.0).build())).isEmpty();
    assertThat(reasons(interaction().setSentiment(1.0001).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setSentiment(Double.NaN).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setHoldSeconds(-1).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setTransfers(-1).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setSkillSignals(Map.of("empathy", 100.0)).build())).isEmpty();
    assertThat(reasons(interaction().setSkillSignals(Map.of("empathy", 100.5)).build())).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(interaction().setSkillSignals(Map.of("juggling", 50.0)).build())).containsExactly(ReasonCode.UNKNOWN_SKILL);
    assertThat(reasons(interaction().setSkillSignals(Map.of("Listening Skills", 50.0)).build())).isEmpty();
  }

  @Test
  void endBeforeStartAndTheFutureAreRejected() {
    InteractionEvent event = Fixtures.interaction();
    assertThat(reasons(interaction().setStartedAt(event.getEndedAt()).build())).isEmpty();
    assertThat(reasons(interaction().setStartedAt(event.getEndedAt().plusMillis(1)).build()))
        .containsExactly(ReasonCode.END_BEFORE_START);
    var nowPlusHour = clock.instant().plus(Duration.ofHours(1));
    assertThat(reasons(interaction().setStartedAt(nowPlusHour).setEndedAt(nowPlusHour).build())).isEmpty();
    assertThat(reasons(interaction().setStartedAt(nowPlusHour).setEndedAt(nowPlusHour.plusMillis(1)).build()))
        .containsExactly(ReasonCode.FUTURE_TIMESTAMP);
  }

  @Test
  void criteriaAreCheckedOneByOne() {
    assertThat(reasons(evaluation(new Criterion("empathy", 5.0, 5.0, 1.0, null)))).isEmpty();
    assertThat(reasons(evaluation(new Criterion("empathy", 0.0, 5.0, 1.0, null)))).isEmpty();
    assertThat(reasons(evaluation(new Criterion("empathy", 5.5, 5.0, 1.0, null)))).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(evaluation(new Criterion("empathy", -1.0, 5.0, 1.0, null)))).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(evaluation(new Criterion("empathy", 0.0, 0.0, 1.0, null)))).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(evaluation(new Criterion("empathy", 1.0, 5.0, 0.0, null)))).containsExactly(ReasonCode.OUT_OF_RANGE);
    assertThat(reasons(evaluation(new Criterion("juggling", 1.0, 5.0, 1.0, null)))).containsExactly(ReasonCode.UNKNOWN_SKILL);
    assertThat(reasons(evaluation())).containsExactly(ReasonCode.MISSING_FIELD);
  }

  @Test
  void everyViolationIsReportedWithAMessageASenderCanActOn() {
    QaEvaluation bad = QaEvaluation.newBuilder(Fixtures.evaluation()).setEvaluationId("").setAgentId("no spaces")
        .setCriteria(List.of(new Criterion("empathy", 6.0, 5.0, 1.0, null))).build();
    List<Violation> violations = validator.check(bad);
    assertThat(violations).extracting(Violation::toString).containsExactly(
        "MISSING_FIELD evaluationId: evaluationId is required",
        "INVALID_ID agentId: agentId must be 1-64 characters of [A-Za-z0-9._:-], was 'no spaces'",
        "OUT_OF_RANGE criteria[0].score: criteria[0].score must be between 0 and 5, was 6");
    assertThatThrownBy(() -> EventValidator.requireValid(violations))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.MISSING_FIELD));
  }

  @Test
  void agentsNeedANameAndAValidId() {
    assertThat(validator.check(AgentProfile.newBuilder(Fixtures.agent()).setDisplayName("").build()))
        .extracting(Violation::reason).containsExactly(ReasonCode.MISSING_FIELD);
    assertThat(validator.check(AgentProfile.newBuilder(Fixtures.agent()).setAgentId("x/y").build()))
        .extracting(Violation::reason).containsExactly(ReasonCode.INVALID_ID);
  }

  @Test
  void messagesNeverContainTheCustomerReference() {
    InteractionEvent bad = interaction().setCsat(9).setStartedAt(Fixtures.T0.plusSeconds(1)).build();
    assertThat(validator.check(bad)).extracting(Violation::message).noneMatch(m -> m.contains("cust-secret-42"));
  }

  private InteractionEvent.Builder interaction() {
    return InteractionEvent.newBuilder(Fixtures.interaction());
  }

  private QaEvaluation evaluation(Criterion... criteria) {
    return QaEvaluation.newBuilder(Fixtures.evaluation()).setCriteria(List.of(criteria)).build();
  }

  private List<ReasonCode> reasons(InteractionEvent event) {
    return validator.check(event).stream().map(Violation::reason).toList();
  }

  private List<ReasonCode> reasons(QaEvaluation evaluation) {
    return validator.check(evaluation).stream().map(Violation::reason).toList();
  }

  /** The loop that checks agent ids says what the documented pattern says, on every kind of character and length. */
  @Test
  void theAgentIdCheckAgreesWithItsPattern() {
    java.util.Random random = new java.util.Random(64);
    String alphabet = "aZ09._:-/ @\u00e9\u0000\t\uD83D\uDE00";
    List<String> ids = new java.util.ArrayList<>(List.of("", "a", "agent-7", "A.b_c:d-9", "x".repeat(64), "x".repeat(65),
        "agent 7", "agent/7", "\u00e9", "\uD83D\uDE00", "a\n"));
    for (int i = 0; i < 20_000; i++) {
      StringBuilder id = new StringBuilder();
      int length = random.nextInt(70);
      for (int c = 0; c < length; c++) {
        id.append(random.nextInt(10) < 9 ? "abcXYZ019._:-".charAt(random.nextInt(13)) : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      ids.add(id.toString());
    }
    for (String id : ids) {
      assertThat(EventValidator.isAgentId(id)).as(id).isEqualTo(EventValidator.AGENT_ID.matcher(id).matches());
    }
  }
}
