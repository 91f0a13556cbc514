package com.coachstream.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MapDiffTest {

  @Test
  void equalMapsHaveNoDifference() {
    MapDiff<String> diff = MapDiff.of(Map.of("a", 1, "b", 2), Map.of("b", 2, "a", 1), Function.identity());
    assertThat(diff.isEmpty()).isTrue();
    assertThat(diff.summary(3, Function.identity())).isEqualTo("of 2 expected: 0 missing [], 0 extra [], 0 different []");
  }

  @Test
  void missingExtraAndDifferentKeysAreListedSortedAndCapped() {
    MapDiff<String> diff = MapDiff.of(Map.of("a", 1, "b", 2, "c", 3, "d", 4), Map.of("b", 9, "c", 9, "d", 4, "z", 0),
        Function.identity());
    assertThat(diff.isEmpty()).isFalse();
    assertThat(diff.missing()).containsExactly("a");
    assertThat(diff.extra()).containsExactly("z");
    assertThat(diff.different()).containsExactly("b", "c");
    assertThat(diff.summary(1, k -> k.toUpperCase())).isEqualTo("of 4 expected: 1 missing [A], 1 extra [Z], 2 different [B]");
  }
}
