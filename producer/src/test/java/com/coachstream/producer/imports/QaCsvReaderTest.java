package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.EvaluationPurpose;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QaCsvReaderTest {

  static final String HEADER = "Evaluation ID,Interaction ID,Agent ID,Evaluator ID,Scorecard ID,Evaluated At,Criterion,Score,Max Score,Weight,Comment,Auto Fail,Purpose\n";

  static List<SourceRecord> read(String csv) throws Exception {
    List<SourceRecord> records = new ArrayList<>();
    try (QaCsvReader reader = new QaCsvReader(new BufferedReader(new StringReader(csv)), new EventChecker(EventValidator.withDefaults()))) {
      for (SourceRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  @Test
  void rowsOfOneEvaluationBecomeItsCriteria() throws Exception {
    List<SourceRecord> records = read(HEADER
        + "e-1,i-1,agent-1,rev-1,sc-voice,2026-01-05T10:00:00Z,Empathy,8,10,2,\"kind, calm\",no,\n"
        + "e-1,i-1,agent-1,rev-1,sc-voice,2026-01-05T10:00:00Z,Compliance,10,10,,,no,\n"
        + "e-2,i-2,agent-2,rev-2,sc-chat,2026-01-05T11:00:00Z,Active Listening,4,5,1,,yes,calibration\n");
    assertThat(records).hasSize(2);
    assertThat(records.get(0).line()).isEqualTo(2);
    assertThat(records.get(1).line()).isEqualTo(4);
    QaEvaluation first = (QaEvaluation) records.get(0).checked().event();
    assertThat(first.getCriteria()).hasSize(2);
    assertThat(first.getCriteria().get(0).getComment()).isEqualTo("kind, calm");
    assertThat(first.getCriteria().get(0).getWeight()).isEqualTo(2.0);
    assertThat(first.getCriteria().get(1).getWeight()).as("blank weight is the default 1").isEqualTo(1.0);
    assertThat(first.getEvaluatorId()).isEqualTo("rev-1");
    QaEvaluation second = (QaEvaluation) records.get(1).checked().event();
    assertThat(second.getAutoFail()).isTrue();
    assertThat(second.getPurpose()).isEqualTo(EvaluationPurpose.CALIBRATION);
  }

  @Test
  void badRowsAreRejectedWithTheirReasonAndTheRestGoesOn() throws Exception {
    List<SourceRecord> records = read(HEADER
        + "e-1,i-1,agent-1,rev-1,sc,2026-01-05T10:00:00Z,Empathy,12,10,1,,,\n"
        + "e-2,i-2,agent-2,rev-1,sc,2026-01-05T10:00:00Z,Charisma,3,5,1,,,\n"
        + "e-3,i-3,agent-3,rev-1,sc,yesterday,Empathy,3,5,1,,,\n"
        + "e-4,i-4,agent-4,rev-1,sc,2026-01-05T10:00:00Z,Empathy,three,5,1,,,\n"
        + "e-5,i-5,agent-5,rev-1,sc,2026-01-05T10:00:00Z,Empathy,3,5,1,,,\n");
    assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(records.get(0).checked().reason()).isEqualTo(ReasonCode.OUT_OF_RANGE);
    assertThat(records.get(1).checked().reason()).isEqualTo(ReasonCode.UNKNOWN_SKILL);
    assertThat(records.get(2).checked().reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(records.get(2).checked().message()).contains("evaluatedAt must be an ISO-8601 timestamp");
    assertThat(records.get(3).checked().message()).isEqualTo("criteria[0].score: criteria[0].score must be a number");
    assertThat(records.get(4).checked().isValid()).isTrue();
  }

  @Test
  void missingRequiredColumnIsNamed() throws Exception {
    List<SourceRecord> records = read("evaluationId,agentId,criterion,score,maxScore\ne-1,agent-1,Empathy,3,5\n");
    assertThat(records.get(0).checked().reason()).isEqualTo(ReasonCode.MISSING_FIELD);
    assertThat(records.get(0).checked().message()).isEqualTo("evaluatedAt: evaluatedAt is required");
  }

  @Test
  void anEmptyOrBlankFileHasNoEvaluations() throws Exception {
    assertThat(read("")).isEmpty();
    assertThat(read(" \n\n")).isEmpty();
    assertThat(read(HEADER)).isEmpty();
  }

  @Test
  void aHeaderThatCannotBeReadIsOneRejectionAtLineOne() throws Exception {
    List<SourceRecord> records = read("\"Evaluation ID,Agent ID\ne-1,agent-1\n");
    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.checked().reason()).isEqualTo(ReasonCode.BAD_JSON);
      assertThat(r.checked().message()).startsWith("header: malformed CSV header: Missing closing quote");
    });
  }

  @Test
  void aRowWithMoreOrFewerCellsThanTheHeaderIsMalformedAndItsCellsAreNotQuoted() throws Exception {
    String header = "evaluationId,agentId,evaluatedAt,criterion,score,maxScore,customerRef\n";
    List<SourceRecord> records = read(header
        + "e-1,agent-1,2026-01-05T10:00:00Z,Empathy,3,5,CR77120ab,extra\n"
        + "e-2,agent-2,2026-01-05T10:00:00Z,Empathy\n"
        + "e-3,agent-3,2026-01-05T10:00:00Z,Empathy,3,5,CR77120ab\n");
    assertThat(records).extracting(r -> r.checked().isValid() ? "valid" : r.checked().reason().name())
        .containsExactly("BAD_JSON", "BAD_JSON", "valid");
    assertThat(records.get(0).checked().message()).startsWith("row: malformed CSV row: Too many entries").doesNotContain("extra");
    assertThat(records.get(1).checked().message()).startsWith("row: malformed CSV row: Not enough column values");
  }

  @Test
  void aCellUnderTheWrongHeaderIsNotQuotedBack() throws Exception {
    // A stray quote joins two rows into one of the right length: the customer reference lands under "evaluatedAt".
    List<SourceRecord> records = read("evaluationId,agentId,evaluatedAt,criterion,score,maxScore\n"
        + "e-1,agent-1,CR77120ab,Empathy,3,5\n");
    assertThat(records.get(0).checked().reason()).isEqualTo(ReasonCode.BAD_JSON);
    assertThat(records.get(0).checked().message()).contains("evaluatedAt must be an ISO-8601 timestamp").doesNotContain("CR77120ab");
  }
}
