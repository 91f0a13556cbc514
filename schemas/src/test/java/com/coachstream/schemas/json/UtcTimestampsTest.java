package com.coachstream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-UTC fast path reads exactly what {@link Instant#parse} reads, and leaves everything else to it. */
class UtcTimestampsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-23T10:15:30Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
      "2026-11-23T10:15:30.1Z", "2026-11-23T10:15:30.120Z", "2026-11-23T10:15:30.123456789Z",
      "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z"})
  void readsThePlainFormLikeInstantParse(String text) {
    assertThat(UtcTimestamps.parsePlainUtc(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-11-23T10:15:30+01:00", "2026-11-23t10:15:30z", "2026-11-23T10:15:30.Z",
      "2026-11-23T10:15:60Z", "2026-11-23T24:00:00Z", "2025-02-29T10:15:30Z", "2026-13-01T10:15:30Z",
      "2026-00-10T10:15:30Z", "2026-04-31T10:15:30Z", "+12026-11-23T10:15:30Z", "2026-11-23 10:15:30Z",
      "2026-11-23T10:15Z", "2026-11-23T10:15:30.1234567890Z", "2026-11-2xT10:15:30Z", "2026-11-23T10:15:30",
      "2026-11-23T10:15:3-Z", "2026-11-23T10:15:30,5Z", "２026-11-23T10:15:30Z", ""})
  void leavesEveryOtherFormToInstantParse(String text) {
    assertThat(UtcTimestamps.parsePlainUtc(text)).isNull();
  }

  @Test
  void agreesWithInstantParseOnRandomTexts() {
    Random random = new Random(7);
    String alphabet = "0123456789-:TZ.";
    int read = 0;
    for (int i = 0; i < 200_000; i++) {
      char[] text = (i % 2 == 0 ? "2026-11-23T10:15:30.123Z" : "2024-02-29T23:59:59Z").toCharArray();
      for (int changes = 1 + random.nextInt(2); changes > 0; changes--) {
        text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      String candidate = new String(text);
      Instant fast = UtcTimestamps.parsePlainUtc(candidate);
      if (fast != null) {
        read++;
        assertThat(fast).as(candidate).isEqualTo(Instant.parse(candidate));
      }
    }
    assertThat(read).as("many mutated texts are still plain timestamps").isGreaterThan(10_000);
  }

  @Test
  void agreesWithInstantParseOnRandomInstants() {
    Random random = new Random(11);
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
          random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
      String text = instant.toString();
      assertThat(UtcTimestamps.parsePlainUtc(text)).as(text).isEqualTo(instant);
    }
  }
}
