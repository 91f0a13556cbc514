package com.coachstream.streams.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TeamHistogramTest {

  private static TeamHistogram of(double... scores) {
    TeamHistogram histogram = new TeamHistogram();
    for (double score : scores) {
      histogram.add(TeamHistogram.bucket(score));
    }
    return histogram;
  }

  @Test
  void scoresAreRoundedToHalfAPointAndClampedToZeroToHundred() {
    assertThat(TeamHistogram.rounded(71.24)).isEqualTo(71.0);
    assertThat(TeamHistogram.rounded(71.26)).isEqualTo(71.5);
    assertThat(TeamHistogram.rounded(71.75)).isEqualTo(72.0);
    assertThat(TeamHistogram.rounded(-3)).isEqualTo(0.0);
    assertThat(TeamHistogram.rounded(100.4)).isEqualTo(100.0);
    assertThat(TeamHistogram.rounded(100)).isEqualTo(100.0);
  }

  @Test
  void anEmptyTeamHasNoPercentile() {
    assertThat(new TeamHistogram().percentile(20)).isNaN();
    assertThat(new TeamHistogram().members()).isZero();
  }

  @Test
  void oneMemberIsTheirOwnPercentileSoNobodyIsBelowIt() {
    TeamHistogram one = of(64);
    for (double p : new double[] {1, 20, 50, 99}) {
      assertThat(one.percentile(p)).isEqualTo(64.0);
    }
  }

  @Test
  void allEqualGivesThatScoreAtEveryPercentile() {
    TeamHistogram equal = of(80, 80, 80, 80, 80, 80);
    assertThat(equal.percentile(1)).isEqualTo(80.0);
    assertThat(equal.percentile(99)).isEqualTo(80.0);
  }

  @Test
  void percentilesInterpolateBetweenTheTwoNearestRanks() {
    // 10 members 60, 62, ..., 78: rank (n - 1) p / 100
    TeamHistogram ten = of(60, 62, 64, 66, 68, 70, 72, 74, 76, 78);
    assertThat(ten.percentile(10)).isCloseTo(61.8, within(1e-9)); // rank 0.9
    assertThat(ten.percentile(20)).isCloseTo(63.6, within(1e-9)); // rank 1.8
    assertThat(ten.percentile(50)).isCloseTo(69.0, within(1e-9)); // rank 4.5
    assertThat(ten.percentile(99)).isCloseTo(77.82, within(1e-9)); // rank 8.91
    // with P = 10 the lowest of ten is below (60 < 61.8), the second is not
  }

  @Test
  void tiesCountEveryMember() {
    // 70, 70, 70, 90, 90: the 50th percentile is the third score, 70; the 80th is rank 3.2 -> 90
    TeamHistogram ties = of(70, 70, 70, 90, 90);
    assertThat(ties.percentile(50)).isEqualTo(70.0);
    assertThat(ties.percentile(80)).isEqualTo(90.0);
    assertThat(ties.percentile(60)).isCloseTo(78.0, within(1e-9)); // rank 2.4: 70 + 0.4 * 20
  }

  @Test
  void removingAMemberTakesOutExactlyTheirBucket() {
    TeamHistogram histogram = of(60, 70, 80);
    histogram.remove(TeamHistogram.bucket(60));
    assertThat(histogram).isEqualTo(of(70, 80));
    assertThat(histogram.members()).isEqualTo(2);
    histogram.remove(TeamHistogram.bucket(60)); // nothing left there: no change, never negative
    assertThat(histogram.members()).isEqualTo(2);
    assertThat(histogram.percentile(0)).isEqualTo(70.0);
  }

  @Test
  void encodesOnlyOccupiedBucketsAndReadsBackEqual() {
    TeamHistogram histogram = of(0, 55.5, 55.5, 100, 73.2);
    byte[] bytes = histogram.encode();
    assertThat(bytes).hasSize(2 + 4 * 6);
    TeamHistogram back = TeamHistogram.decode(bytes);
    assertThat(back).isEqualTo(histogram);
    assertThat(back.members()).isEqualTo(5);
    assertThat(TeamHistogram.decode(new TeamHistogram().encode()).isEmpty()).isTrue();
  }

  @Test
  void aCorruptHistogramIsRefused() {
    assertThatThrownBy(() -> TeamHistogram.decode(new byte[] {0, 1, 0x7f, 0, 0, 0, 0, 1}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Corrupt team histogram");
    assertThatThrownBy(() -> TeamHistogram.decode(new byte[] {0, 2, 0, 1}))
        .isInstanceOf(IllegalStateException.class);
  }
}
