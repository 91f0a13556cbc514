package com.coachstream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.coachstream.avro.Channel;
import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

  @Test
  void everyRecordTypeRoundTripsThroughJson() {
    for (SpecificRecord record : Fixtures.everyType()) {
      JsonNode json = AvroJson.toJson(record);
      assertThat(AvroJson.fromJson(json, ((SpecificRecordBase) record).getClass())).isEqualTo(record);
    }
  }

  @Test
  void jsonUsesAvroFieldNamesIsoTimestampsAndPlainOptionals() {
    JsonNode json = AvroJson.toJson(Fixtures.interaction());
    assertThat(json.get("endedAt").textValue()).isEqualTo("2026-11-20T10:15:30Z");
    assertThat(json.get("channel").textValue()).isEqualTo("VOICE");
    assertThat(json.get("csat").intValue()).isEqualTo(4);
    assertThat(json.get("skillSignals").get("empathy").doubleValue()).isEqualTo(82.5);
  }

  @Test
  void missingOptionalFieldsTakeTheirDefaults() {
    InteractionEvent event = (InteractionEvent) EventJson.parse("""
        {"type":"interaction","interactionId":"i1","agentId":"a1","channel":"chat",
         "startedAt":"2026-11-20T10:00:00Z","endedAt":"2026-11-20T10:05:00+01:00"}""");
    assertThat(event.getChannel()).isEqualTo(Channel.CHAT);
    assertThat(event.getEndedAt()).isEqualTo(Instant.parse("2026-11-20T09:05:00Z"));
    assertThat(event.getHoldSeconds()).isZero();
    assertThat(event.getCsat()).isNull();
    assertThat(event.getSkillSignals()).isEmpty();

    QaEvaluation evaluation = (QaEvaluation) EventJson.parse("""
        {"type":"qa_evaluation","evaluationId":"e1","agentId":"a1","evaluatedAt":1763600000000,
         "criteria":[{"skill":"empathy","score":4,"maxScore":5}]}""");
    assertThat(evaluation.getPurpose()).isEqualTo(EvaluationPurpose.STANDARD);
    assertThat(evaluation.getCriteria().get(0).getWeight()).isEqualTo(1.0);
    assertThat(evaluation.getRetracted()).isFalse();
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"interaction","agentId":"a1","channel":"CHAT","startedAt":"2026-11-20T10:00:00Z","endedAt":"2026-11-20T10:05:00Z"}"""))
        .isInstanceOf(ValidationException.class)
        .hasMessage("MISSING_FIELD interactionId: interactionId is required");
  }

  @Test
  void aWrongJsonTypeIsNamedWithWhatWasExpected() {
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"interaction","interactionId":"i","agentId":"a1","channel":"CHAT","startedAt":"2026-11-20T10:00:00Z",
         "endedAt":"2026-11-20T10:05:00Z","csat":"five"}"""))
        .isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.BAD_JSON))
        .hasMessageContaining("csat must be an integer");
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"qa_evaluation","evaluationId":"e","agentId":"a1","evaluatedAt":"yesterday","criteria":[]}"""))
        .hasMessageContaining("evaluatedAt must be an ISO-8601 timestamp");
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"qa_evaluation","evaluationId":"e","agentId":"a1","evaluatedAt":"2026-11-20T10:00:00Z",
         "criteria":[{"skill":"empathy","maxScore":5}]}"""))
        .hasMessage("MISSING_FIELD criteria[0].score: criteria[0].score is required");
  }

  @Test
  void anUnknownEnumSymbolIsOutOfRange() {
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"interaction","interactionId":"i","agentId":"a1","channel":"PIGEON","startedAt":"2026-11-20T10:00:00Z","endedAt":"2026-11-20T10:05:00Z"}"""))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.OUT_OF_RANGE))
        .hasMessageContaining("channel must be one of [VOICE, CHAT, EMAIL, VIDEO, SOCIAL, SMS], was 'PIGEON'");
  }

  @Test
  void linesWithoutAKnownTypeOrNotJsonAreRejectedWithTheirReason() {
    assertThatThrownBy(() -> EventJson.parse("{\"interactionId\":\"i\"}"))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.UNKNOWN_TYPE));
    assertThatThrownBy(() -> EventJson.parse("{\"type\":\"call\"}"))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.UNKNOWN_TYPE))
        .hasMessageContaining("unknown type 'call'");
    assertThatThrownBy(() -> EventJson.parse("{not json"))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.BAD_JSON));
    assertThatThrownBy(() -> EventJson.parse("[1,2]"))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.BAD_JSON));
  }

  @Test
  void eventJsonPutsTheTypeFirst() {
    assertThat(EventJson.toJson(Fixtures.evaluation()).fieldNames().next()).isEqualTo("type");
    assertThat(EventJson.toJson(Fixtures.agent()).get("type").textValue()).isEqualTo("agent");
    assertThat(EventJson.fromJson(EventJson.toJson(Fixtures.evaluation()))).isEqualTo(Fixtures.evaluation());
  }

  @Test
  void twoEventsOnOneLineAndTimestampsAvroCannotCarryAreRejected() {
    assertThatThrownBy(() -> EventJson.parse("{\"type\":\"agent\",\"agentId\":\"a\",\"displayName\":\"A\"} {\"type\":\"agent\"}"))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.BAD_JSON));
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"qa_evaluation","evaluationId":"e","agentId":"a1","evaluatedAt":"-999999999-01-01T00:00:00Z",
         "criteria":[{"skill":"empathy","score":4,"maxScore":5}]}"""))
        .satisfies(e -> assertThat(((ValidationException) e).reason()).isEqualTo(ReasonCode.OUT_OF_RANGE));
  }

  @Test
  void parseErrorsNeverQuoteTheInput() {
    assertThatThrownBy(() -> EventJson.parse("{\"type\":\"interaction\",\"customerRef\":CR7731ab}"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CR7731ab"));
    assertThatThrownBy(() -> EventJson.parse("""
        {"type":"qa_evaluation","evaluationId":"e","agentId":"a1","evaluatedAt":"CR7731ab","criteria":[]}"""))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CR7731ab"));
  }
}
