package com.coachstream.streams.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumTest {

  private static BigDecimal exact(List<Double> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    return sum;
  }

  private static double rounded(BigDecimal value) {
    return value.doubleValue();
  }

  @Test
  void sumsTypicalScoresExactlyAndRoundsOnce() {
    Random random = new Random(1);
    for (int run = 0; run < 200; run++) {
      List<Double> values = new ArrayList<>();
      ExactSum sum = new ExactSum();
      for (int i = 0; i < 500; i++) {
        double v = Math.round(random.nextDouble() * 10_000) / 100.0 * (1 + random.nextInt(3) * 0.5);
        values.add(v);
        sum.add(v);
      }
      assertThat(sum.doubleValue()).isEqualTo(exact(values).doubleValue());
    }
  }

  @Test
  void subtractingWhatWasAddedLeavesExactlyTheRestInAnyOrder() {
    Random random = new Random(2);
    ExactSum window = new ExactSum();
    ExactSum fresh = new ExactSum();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      double v = random.nextGaussian() * 40 + 70;
      values.add(v);
      window.add(v);
      if (values.size() > 50) {
        window.subtract(values.remove(0));
      }
    }
    for (int i = values.size() - 1; i >= 0; i--) {
      fresh.add(values.get(i));
    }
    assertThat(window).isEqualTo(fresh);
    assertThat(window.doubleValue()).isEqualTo(fresh.doubleValue());
  }

  @Test
  void negativeValuesAndZero() {
    ExactSum sum = new ExactSum().add(-0.25).add(0.75).add(-0.0).add(-1.5);
    assertThat(sum.doubleValue()).isEqualTo(-1.0);
    sum.subtract(-1.0);
    assertThat(sum.isZero()).isTrue();
    assertThat(sum.doubleValue()).isEqualTo(0.0);
  }

  @Test
  void roundsToNearestWhenTheSumNeedsMoreThan53Bits() {
    ExactSum sum = new ExactSum().add(1e16).add(1.0).add(0.5);
    assertThat(sum.doubleValue()).isEqualTo(rounded(new BigDecimal(1e16).add(BigDecimal.valueOf(1.5))));
    ExactSum tiny = new ExactSum().add(3.0).add(Math.ulp(3.0) / 4);
    assertThat(tiny.doubleValue()).isEqualTo(3.0);
  }

  @Test
  void hugeWeightsOverflowIntoABigSumAndComeBack() {
    ExactSum sum = new ExactSum().add(1e30).add(2.5).add(1e30);
    assertThat(sum.doubleValue()).isEqualTo(2e30);
    sum.subtract(1e30).subtract(1e30);
    assertThat(sum.doubleValue()).isEqualTo(2.5);
    assertThat(sum).isEqualTo(new ExactSum().add(2.5));
  }

  @Test
  void survivesItsBinaryForm() {
    for (ExactSum sum : List.of(new ExactSum(), new ExactSum().add(83.27), new ExactSum().add(-12.5),
        new ExactSum().add(1e40).add(0.1))) {
      StateWriter out = new StateWriter(8);
      sum.write(out);
      ExactSum copy = ExactSum.read(new StateReader(out.toByteArray()));
      assertThat(copy).isEqualTo(sum);
      assertThat(copy.doubleValue()).isEqualTo(sum.doubleValue());
    }
  }
}
