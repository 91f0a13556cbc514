package com.coachstream.streams.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.coachstream.avro.EffectStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class EffectRollupTest {

  @Test
  void meanEffectAndShareImprovedCountOnlyMeasuredSessions() {
    EffectRollup rollup = EffectRollup.of(List.of(
        new EffectRollup.Outcome(EffectStatus.FINAL, 8.0),
        new EffectRollup.Outcome(EffectStatus.FINAL, -1.0),
        new EffectRollup.Outcome(EffectStatus.FINAL, 0.0),
        new EffectRollup.Outcome(EffectStatus.PENDING, 20.0),
        new EffectRollup.Outcome(EffectStatus.INSUFFICIENT_DATA, null)));
    assertThat(rollup.sessions()).isEqualTo(5);
    assertThat(rollup.measured()).isEqualTo(3);
    assertThat(rollup.pending()).isEqualTo(1);
    assertThat(rollup.insufficientData()).isEqualTo(1);
    assertThat(rollup.meanEffect()).isCloseTo(7.0 / 3, within(1e-12));
    assertThat(rollup.shareImproved()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void withoutMeasuredSessionsThereIsNoMeanNorShare() {
    EffectRollup rollup = EffectRollup.of(List.of(new EffectRollup.Outcome(EffectStatus.PENDING, null)));
    assertThat(rollup.meanEffect()).isNull();
    assertThat(rollup.shareImproved()).isNull();
    assertThat(EffectRollup.of(List.of()).sessions()).isZero();
  }
}
