package com.coachstream.producer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.Criterion;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.ingest.DuplicateTracker.Verdict;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateTrackerTest {

  static QaEvaluation evaluation(String id, double score) {
    return QaEvaluation.newBuilder().setEvaluationId(id).setAgentId("agent-1")
        .setEvaluatedAt(Instant.parse("2026-03-01T10:00:00Z"))
        .setCriteria(List.of(Criterion.newBuilder().setSkill("empathy").setScore(score).setMaxScore(10).build()))
        .build();
  }

  @Test
  void firstIsNewIdenticalIsDuplicateChangedIsCorrection() {
    DuplicateTracker tracker = new DuplicateTracker();
    assertThat(tracker.observe(evaluation("e-1", 8))).isEqualTo(Verdict.NEW);
    assertThat(tracker.observe(evaluation("e-1", 8))).isEqualTo(Verdict.DUPLICATE);
    assertThat(tracker.observe(evaluation("e-1", 6))).isEqualTo(Verdict.CHANGED);
    assertThat(tracker.observe(evaluation("e-1", 6))).isEqualTo(Verdict.DUPLICATE);
    assertThat(tracker.observe(evaluation("e-1", 8))).as("back to the first version is a change again").isEqualTo(Verdict.CHANGED);
    assertThat(tracker.observe(evaluation("e-2", 8))).isEqualTo(Verdict.NEW);
    assertThat(tracker.size()).isEqualTo(2);
  }

  @Test
  void theImportsAvroEncodingTellsDuplicatesFromCorrectionsAlike() throws Exception {
    DuplicateTracker tracker = new DuplicateTracker();
    assertThat(tracker.observe(evaluation("e-1", 8), avro(evaluation("e-1", 8)))).isEqualTo(Verdict.NEW);
    assertThat(tracker.observe(evaluation("e-1", 8), avro(evaluation("e-1", 8)))).isEqualTo(Verdict.DUPLICATE);
    assertThat(tracker.observe(evaluation("e-1", 6), avro(evaluation("e-1", 6)))).isEqualTo(Verdict.CHANGED);
  }

  private static byte[] avro(QaEvaluation evaluation) throws Exception {
    java.nio.ByteBuffer buffer = evaluation.toByteBuffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  @Test
  void idsOfDifferentKindsDoNotCollide() {
    assertThat(DuplicateTracker.identity(evaluation("x", 1))).isNotEqualTo("interaction\u0000x");
  }
}
