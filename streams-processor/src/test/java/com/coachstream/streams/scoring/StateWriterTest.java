package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateWriterTest {

  @Test
  void compactDoublesComeBackBitForBit() {
    List<Double> values = List.of(0.0, -0.0, 83.27, 100.0, 7.5, -0.25, 66.66666666666667, 1e-3, 1e300, -1e15,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 12345678.91);
    StateWriter out = new StateWriter(4);
    values.forEach(out::writeCompactDouble);
    StateReader in = new StateReader(out.toByteArray());
    for (double expected : values) {
      assertThat(Double.doubleToRawLongBits(in.readCompactDouble())).as(Double.toString(expected))
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
    assertThat(in.atEnd()).isTrue();
  }

  @Test
  void scoresWithTwoDecimalsTakeAFewBytes() {
    StateWriter out = new StateWriter(4);
    out.writeCompactDouble(83.27);
    assertThat(out.toByteArray()).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void timeDeltasInMinutesOrMilliseconds() {
    List<Long> deltas = List.of(0L, 3_600_000L, -86_400_000L, 1L, -7L, 60_001L, Long.MAX_VALUE / 4);
    StateWriter out = new StateWriter(4);
    deltas.forEach(out::writeTimeDelta);
    StateReader in = new StateReader(out.toByteArray());
    deltas.forEach(expected -> assertThat(in.readTimeDelta()).isEqualTo(expected));
  }

  @Test
  void varintsStringsAndTruncation() {
    StateWriter out = new StateWriter(1);
    out.writeVarLong(Long.MAX_VALUE);
    out.writeZigZag(Long.MIN_VALUE);
    out.writeNullableString(null);
    out.writeNullableString("team-é");
    byte[] bytes = out.toByteArray();
    StateReader in = new StateReader(bytes);
    assertThat(in.readVarLong()).isEqualTo(Long.MAX_VALUE);
    assertThat(in.readZigZag()).isEqualTo(Long.MIN_VALUE);
    assertThat(in.readNullableString()).isNull();
    assertThat(in.readNullableString()).isEqualTo("team-é");
    StateReader truncated = new StateReader(java.util.Arrays.copyOf(bytes, 3));
    org.assertj.core.api.Assertions.assertThatThrownBy(truncated::readVarLong).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aReusedWriterStartsEmptyAndAnEncodingWithinAnEncodingGetsItsOwn() {
    StateWriter first = StateWriter.reused();
    first.writeString("a longer record than the next one");
    byte[] firstBytes = first.toByteArray();

    StateWriter outer = StateWriter.reused();
    assertThat(outer).isSameAs(first);
    outer.writeVarInt(7);
    StateWriter inner = StateWriter.reused();
    assertThat(inner).isNotSameAs(outer);
    inner.writeVarInt(9);
    assertThat(inner.toByteArray()).containsExactly(9);
    assertThat(outer.toByteArray()).containsExactly(7);
    assertThat(new StateReader(firstBytes).readString()).isEqualTo("a longer record than the next one");
  }

  @Test
  void stringsAreLengthPrefixedUtf8WhateverTheirCharacters() {
    // ASCII ids take the copy without an array; any other character the JDK's encoder: the same bytes either way
    List<String> values = List.of("", "communication.empathy", "x", "héllo wörld", "日本語のスキル", "emoji 🎧 ok", "tail é");
    for (String value : values) {
      StateWriter out = new StateWriter(1);
      out.writeString(value);
      byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      StateWriter expected = new StateWriter(1);
      expected.writeBytes(utf8);
      byte[] written = out.toByteArray();
      assertThat(written).as(value).isEqualTo(expected.toByteArray());
      assertThat(new StateReader(written).readString()).isEqualTo(value);
    }
  }
}
