package com.coachstream.producer.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.InteractionEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentHashTest {

  /** Reference values of XXH64 with seed 0 (computed with lz4-java's XXHash64), through every tail length path. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|ef46db3751d8e999",
      "a|d24ec4f1a98c6e5b",
      "abc|44bc2cf5ad770999",
      "message digest|066ed728fceeb3be",
      "abcdefghijklmnopqrstuvwxyz0123456789|64f23ecf1609b766",
      "The quick brown fox jumps over the lazy dog, 1234567890 times over and over|97c6fa519082ef1c"})
  void isXxHash64(String text, String hex) {
    assertThat(ContentHash.of(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(Long.parseUnsignedLong(hex, 16));
  }

  @Test
  void hashesOnlyTheRangeGiven() {
    byte[] inner = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[inner.length + 10];
    Arrays.fill(padded, (byte) 'x');
    System.arraycopy(inner, 0, padded, 3, inner.length);
    assertThat(ContentHash.of(padded, 3, inner.length)).isEqualTo(ContentHash.of(inner));
  }

  @Test
  void equalEventsHashAlikeAndAnyChangedByteChangesTheHash() throws Exception {
    byte[] first = avro(interaction(0.75));
    byte[] again = avro(interaction(0.75));
    assertThat(again).isNotSameAs(first);
    assertThat(ContentHash.of(again)).isEqualTo(ContentHash.of(first));
    assertThat(ContentHash.of(avro(interaction(0.76)))).isNotEqualTo(ContentHash.of(first));
    Set<Long> hashes = new HashSet<>();
    hashes.add(ContentHash.of(first));
    for (int at = 0; at < first.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] changed = first.clone();
        changed[at] ^= (byte) (1 << bit);
        assertThat(hashes.add(ContentHash.of(changed))).as("byte %d bit %d", at, bit).isTrue();
      }
    }
  }

  @Test
  void aPrefixOrALongerInputHashesDifferently() {
    Random random = new Random(7);
    byte[] bytes = new byte[300];
    random.nextBytes(bytes);
    Set<Long> hashes = new HashSet<>();
    for (int length = 0; length <= bytes.length; length++) {
      assertThat(hashes.add(ContentHash.of(bytes, 0, length))).as("length %d", length).isTrue();
    }
  }

  private static InteractionEvent interaction(double empathy) {
    return InteractionEvent.newBuilder().setInteractionId("i-1").setAgentId("agent-1")
        .setChannel(com.coachstream.avro.Channel.VOICE)
        .setStartedAt(Instant.parse("2026-03-01T10:00:00Z")).setEndedAt(Instant.parse("2026-03-01T10:05:00Z"))
        .setSkillSignals(Map.of("empathy", empathy)).build();
  }

  private static byte[] avro(InteractionEvent event) throws Exception {
    ByteBuffer buffer = event.toByteBuffer();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
