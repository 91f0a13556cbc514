package com.coachstream.schemas.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.schemas.validation.ReasonCode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void carriesTheOriginalBytesAndEveryHeaderOfSpecSection8() {
    byte[] key = {1, 2};
    byte[] value = {3, 4, 5};
    DeadLetter letter = new DeadLetter(key, value, DeadLetter.Stage.DESERIALIZE, ReasonCode.BAD_AVRO, "bad header",
        "cc.interactions.v1", 3, 42L, Instant.parse("2026-11-23T10:00:00Z"));
    var record = letter.toProducerRecord("coaching.dead-letter.v1");
    assertThat(record.topic()).isEqualTo("coaching.dead-letter.v1");
    assertThat(record.key()).isEqualTo(key);
    assertThat(record.value()).isEqualTo(value);
    var headers = record.headers();
    assertThat(DeadLetter.header(headers, "coachstream.error.stage")).isEqualTo("deserialize");
    assertThat(DeadLetter.header(headers, "coachstream.error.reason")).isEqualTo("BAD_AVRO");
    assertThat(DeadLetter.header(headers, "coachstream.error.message")).isEqualTo("bad header");
    assertThat(DeadLetter.header(headers, "coachstream.source.topic")).isEqualTo("cc.interactions.v1");
    assertThat(DeadLetter.header(headers, "coachstream.source.partition")).isEqualTo("3");
    assertThat(DeadLetter.header(headers, "coachstream.source.offset")).isEqualTo("42");
    assertThat(DeadLetter.header(headers, "coachstream.failed-at")).isEqualTo("2026-11-23T10:00:00Z");
  }

  @Test
  void longMessagesAreCappedSoAHostileValueCannotBloatHeaders() {
    DeadLetter letter = new DeadLetter(null, null, DeadLetter.Stage.VALIDATE, ReasonCode.OUT_OF_RANGE, "x".repeat(5000),
        "t", 0, 0, Instant.EPOCH);
    assertThat(DeadLetter.header(letter.headers(), DeadLetter.MESSAGE)).hasSize(DeadLetter.MAX_MESSAGE_LENGTH + 3);
  }

  @Test
  void keepsTheOriginalBytesUpToTheSizeLimitInclusive() {
    DeadLetter letter = new DeadLetter(new byte[] {1, 2}, new byte[8], DeadLetter.Stage.DESERIALIZE, ReasonCode.BAD_AVRO,
        "m", "t", 0, 0, Instant.EPOCH);
    var record = letter.toProducerRecord("dlq", 10);
    assertThat(record.value()).hasSize(8);
    assertThat(record.key()).containsExactly(1, 2);
    assertThat(DeadLetter.header(record.headers(), DeadLetter.VALUE_OMITTED_BYTES)).isNull();
  }

  @Test
  void leavesOutAValueOverTheLimitAndSaysHowLargeItWas() {
    DeadLetter letter = new DeadLetter(new byte[] {1, 2}, new byte[9], DeadLetter.Stage.DESERIALIZE, ReasonCode.BAD_AVRO,
        "m", "t", 4, 7, Instant.EPOCH);
    var record = letter.toProducerRecord("dlq", 10);
    assertThat(record.value()).isNull();
    assertThat(record.key()).containsExactly(1, 2);
    assertThat(DeadLetter.header(record.headers(), DeadLetter.VALUE_OMITTED_BYTES)).isEqualTo("9");
    assertThat(DeadLetter.header(record.headers(), DeadLetter.REASON)).isEqualTo("BAD_AVRO");
    assertThat(DeadLetter.header(record.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("7");
  }

  @Test
  void leavesOutAKeyThatAloneIsOverTheLimit() {
    DeadLetter letter = new DeadLetter(new byte[11], new byte[1], DeadLetter.Stage.DESERIALIZE, ReasonCode.BAD_AVRO,
        "m", "t", 0, 0, Instant.EPOCH);
    var record = letter.toProducerRecord("dlq", 10);
    assertThat(record.key()).isNull();
    assertThat(record.value()).isNull();
  }
}
