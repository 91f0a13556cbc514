package com.coachstream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfluentFrameTest {

  @Test
  void aFrameIsAZeroByteTheBigEndianIdAndTheBody() {
    byte[] framed = ConfluentFrame.frame(0x01020304, new byte[] {9, 8});
    assertThat(framed).containsExactly(0, 1, 2, 3, 4, 9, 8);
    assertThat(ConfluentFrame.isFramed(framed)).isTrue();
    assertThat(ConfluentFrame.schemaId(framed)).isEqualTo(0x01020304);
  }

  @Test
  void theFirstByteTellsTheFormatsApart() {
    byte[] singleObject = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
    assertThat(ConfluentFrame.isFramed(singleObject)).isFalse();
    assertThat(ConfluentFrame.isSingleObject(singleObject)).isTrue();
    assertThat(ConfluentFrame.isSingleObject(ConfluentFrame.frame(7, new byte[0]))).isFalse();
  }

  @Test
  void aTruncatedHeaderOrNothingIsNotAFrame() {
    assertThat(ConfluentFrame.isFramed(new byte[] {0, 0, 0, 1})).isFalse();
    assertThat(ConfluentFrame.isFramed(null)).isFalse();
    assertThat(ConfluentFrame.isSingleObject(new byte[] {(byte) 0xC3})).isFalse();
    assertThatThrownBy(() -> ConfluentFrame.schemaId(new byte[] {1, 0, 0, 0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a registry-framed record");
  }

  @Test
  void anEmptyBodyAndTheLargestIdSurvive() {
    byte[] framed = ConfluentFrame.frame(Integer.MAX_VALUE, new byte[0]);
    assertThat(framed).hasSize(ConfluentFrame.HEADER_LENGTH);
    assertThat(ConfluentFrame.schemaId(framed)).isEqualTo(Integer.MAX_VALUE);
  }
}
