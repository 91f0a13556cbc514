package com.coachstream.producer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.schemas.skills.SkillTaxonomy;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The messages a sender sees for a bad event, exactly as the import summary and HTTP answers show them. */
class EventCheckerTest {

  static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
  final EventChecker checker = new EventChecker(new EventValidator(SkillTaxonomy.defaults(), Clock.fixed(NOW, ZoneOffset.UTC)));

  static String interaction(String extra) {
    return "{\"type\":\"interaction\",\"interactionId\":\"i-1\",\"agentId\":\"agent-1\",\"channel\":\"VOICE\","
        + "\"startedAt\":\"2026-03-02T10:00:00Z\",\"endedAt\":\"2026-03-02T10:05:00Z\"" + extra + "}";
  }

  @Test
  void validInteractionPasses() {
    Checked checked = checker.parse(interaction(",\"csat\":5,\"skillSignals\":{\"Active Listening\":80}"));
    assertThat(checked.isValid()).isTrue();
    assertThat(checked.violations()).isEmpty();
  }

  @Test
  void malformedJsonIsBadJson() {
    Checked checked = checker.parse("{\"type\":\"interaction\",");
    assertThat(checked.reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(checked.message()).startsWith("line: not valid JSON");
  }

  @Test
  void missingOrUnknownTypeSaysWhichTypesExist() {
    assertThat(checker.parse("{\"agentId\":\"a\"}").message())
        .isEqualTo("type: \"type\" is required: one of \"interaction\", \"qa_evaluation\", \"agent\", \"action\"");
    Checked unknown = checker.parse("{\"type\":\"call\"}");
    assertThat(unknown.reason()).isEqualTo(ReasonCode.UNKNOWN_TYPE);
    assertThat(unknown.message()).contains("unknown type 'call'");
  }

  @Test
  void missingRequiredFieldNamesTheField() {
    Checked checked = checker.parse("{\"type\":\"interaction\",\"agentId\":\"agent-1\",\"channel\":\"VOICE\","
        + "\"startedAt\":\"2026-03-02T10:00:00Z\",\"endedAt\":\"2026-03-02T10:05:00Z\"}");
    assertThat(checked.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
    assertThat(checked.message()).isEqualTo("interactionId: interactionId is required");
  }

  @Test
  void everyBrokenRuleIsListedFirstOneIsTheReason() {
    Checked checked = checker.parse(interaction(",\"csat\":7,\"sentiment\":-3,\"skillSignals\":{\"charm\":50,\"empathy\":101}"));
    assertThat(checked.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
    assertThat(checked.violations()).extracting(Violation::reason).containsExactlyInAnyOrder(
        ReasonCode.OUT_OF_RANGE, ReasonCode.OUT_OF_RANGE, ReasonCode.UNKNOWN_SKILL, ReasonCode.OUT_OF_RANGE);
    assertThat(checked.message())
        .contains("csat: csat must be between 1 and 5, was 7")
        .contains("sentiment: sentiment must be between -1 and 1, was -3")
        .contains("skillSignals.charm: 'charm' is not a skill of the taxonomy nor a configured alias")
        .contains("skillSignals.empathy: skillSignals.empathy must be between 0 and 100, was 101");
  }

  @Test
  void endBeforeStartAndFutureTimestamps() {
    Checked reversed = checker.parse("{\"type\":\"interaction\",\"interactionId\":\"i\",\"agentId\":\"a\",\"channel\":\"CHAT\","
        + "\"startedAt\":\"2026-03-02T10:05:00Z\",\"endedAt\":\"2026-03-02T10:00:00Z\"}");
    assertThat(reversed.reason()).isEqualTo(ReasonCode.END_BEFORE_START);
    Checked future = checker.parse("{\"type\":\"interaction\",\"interactionId\":\"i\",\"agentId\":\"a\",\"channel\":\"CHAT\","
        + "\"startedAt\":\"2026-03-02T13:00:00Z\",\"endedAt\":\"2026-03-02T13:00:01Z\"}");
    assertThat(future.reason()).isEqualTo(ReasonCode.FUTURE_TIMESTAMP);
    assertThat(future.message()).contains("more than 60 minutes in the future");
  }

  @Test
  void badAgentIdAndEnum() {
    assertThat(checker.parse(interaction("").replace("agent-1", "agent 1")).reason()).isEqualTo(ReasonCode.INVALID_ID);
    Checked channel = checker.parse(interaction("").replace("VOICE", "PIGEON"));
    assertThat(channel.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
    assertThat(channel.message()).contains("channel must be one of [VOICE, CHAT, EMAIL, VIDEO, SOCIAL, SMS], was 'PIGEON'");
  }

  @Test
  void qaEvaluationScoreAboveMaxAndNoCriteria() {
    Checked over = checker.parse("{\"type\":\"qa_evaluation\",\"evaluationId\":\"e\",\"agentId\":\"a\","
        + "\"evaluatedAt\":\"2026-03-02T10:00:00Z\",\"criteria\":[{\"skill\":\"Empathy\",\"score\":6,\"maxScore\":5}]}");
    assertThat(over.message()).isEqualTo("criteria[0].score: criteria[0].score must be between 0 and 5, was 6");
    Checked none = checker.parse("{\"type\":\"qa_evaluation\",\"evaluationId\":\"e\",\"agentId\":\"a\","
        + "\"evaluatedAt\":\"2026-03-02T10:00:00Z\",\"criteria\":[]}");
    assertThat(none.reason()).isEqualTo(ReasonCode.MISSING_FIELD);
    assertThat(none.message()).isEqualTo("criteria: at least one criterion is required");
  }

  @Test
  void wrongJsonTypeOfAField() {
    Checked checked = checker.parse(interaction(",\"holdSeconds\":\"long\""));
    assertThat(checked.reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(checked.message()).isEqualTo("holdSeconds: holdSeconds must be an integer");
  }

  @Test
  void twoEventsOnOneLineAreRejectedNotHalfImported() {
    Checked checked = checker.parse(interaction("") + " " + interaction(""));
    assertThat(checked.reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(checked.message()).startsWith("line: not valid JSON: Trailing token");
  }

  @Test
  void anUnquotedCustomerRefIsNotRepeatedInTheMessage() {
    Checked checked = checker.parse(interaction(",\"customerRef\":CR88231x7"));
    assertThat(checked.reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(checked.message()).startsWith("line: not valid JSON: Unrecognized token '…'").contains("(column ")
        .doesNotContain("CR88231x7");
  }

  @Test
  void aTimestampBeyondEpochMillisecondsIsOutOfRangeNotAFailedSend() {
    Checked checked = checker.parse(interaction("").replace("\"startedAt\":\"2026-03-02T10:00:00Z\"",
        "\"startedAt\":\"-1000000000-01-01T00:00:00Z\""));
    assertThat(checked.reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
    assertThat(checked.message()).isEqualTo("startedAt: startedAt -1000000000-01-01T00:00:00Z is outside the timestamps Avro "
        + "can carry (epoch milliseconds, years -292275055 to 292278994)");
  }
}
