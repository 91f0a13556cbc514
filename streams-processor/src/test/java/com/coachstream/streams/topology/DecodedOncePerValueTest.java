package com.coachstream.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecodedOncePerValueTest {

  private final List<String> decodes = new ArrayList<>();
  private final DecodedOncePerValue<String> once = new DecodedOncePerValue<>(bytes -> {
    String value = new String(bytes, StandardCharsets.UTF_8);
    decodes.add(value);
    return value;
  });

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theSameArrayIsDecodedOnceHoweverOftenItIsRead() {
    byte[] stored = bytes("blue@1");

    for (int i = 0; i < 1000; i++) {
      assertThat(once.decode(stored)).isEqualTo("blue@1");
    }

    assertThat(decodes).containsExactly("blue@1");
  }

  @Test
  void everyReadOfAnUnchangedArrayGetsTheSameObject() {
    byte[] stored = bytes("blue@1");

    assertThat(once.decode(stored)).isSameAs(once.decode(stored));
  }

  @Test
  void aNewArrayIsDecodedOnItsFirstReadEvenWithTheSameBytes() {
    byte[] first = bytes("blue@1");
    byte[] rewritten = bytes("blue@1");
    byte[] updated = bytes("blue@2");

    once.decode(first);
    once.decode(rewritten);
    assertThat(once.decode(updated)).isEqualTo("blue@2");
    once.decode(updated);

    assertThat(decodes).containsExactly("blue@1", "blue@1", "blue@2");
  }

  @Test
  void noArrayIsNoValueAndNoDecode() {
    assertThat(once.decode(null)).isNull();
    assertThat(decodes).isEmpty();
  }

  @Test
  void aValueDecodedAsNullIsDecodedAgainOnTheNextRead() {
    DecodedOncePerValue<String> empty = new DecodedOncePerValue<>(b -> {
      decodes.add("read");
      return null;
    });
    byte[] stored = bytes("");

    assertThat(empty.decode(stored)).isNull();
    assertThat(empty.decode(stored)).isNull();

    assertThat(decodes).hasSize(2);
  }

  @Test
  void aDecodingErrorReachesTheCallerAndIsNotRemembered() {
    DecodedOncePerValue<String> failing = new DecodedOncePerValue<>(b -> {
      decodes.add("read");
      throw new IllegalStateException("not json");
    });
    byte[] stored = bytes("{");

    for (int i = 0; i < 2; i++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.decode(stored))
          .isInstanceOf(IllegalStateException.class).hasMessage("not json");
    }
    assertThat(decodes).hasSize(2);
  }
}
