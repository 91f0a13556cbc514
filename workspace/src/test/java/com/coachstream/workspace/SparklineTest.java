package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

  private static final double GAP = Double.NaN;

  @Test
  void pointsSpanTheWidthAndPutHigherScoresHigher() {
    assertThat(Sparkline.points(List.of(100.0, 0.0, 50.0))).isEqualTo("0.0,2.0 60.0,26.0 120.0,14.0");
  }

  @Test
  void scoresOutsideZeroToHundredStayInsideTheBox() {
    assertThat(Sparkline.points(List.of(120.0, -5.0))).isEqualTo("0.0,2.0 120.0,26.0");
  }

  @Test
  void gapsAreLeftOutButKeepTheirPlaceOnTheTimeline() {
    assertThat(Sparkline.points(List.of(100.0, GAP, 100.0))).isEqualTo("0.0,2.0 120.0,2.0");
  }

  @Test
  void oneWindowIsOnePointInTheMiddle() {
    assertThat(Sparkline.points(List.of(50.0))).isEqualTo("60.0,14.0");
    assertThat(Sparkline.describe("soft", List.of(50.0))).isEqualTo("soft 50 → 50 over 1 window");
  }

  @Test
  void describesFirstAndLastScoreAndTheNumberOfWindows() {
    assertThat(Sparkline.describe("soft", List.of(GAP, 82.3, 70.0, 61.4, GAP))).isEqualTo("soft 82 → 61 over 5 windows");
  }

  @Test
  void nothingToDrawWithoutScores() {
    assertThat(Sparkline.points(List.of())).isEmpty();
    assertThat(Sparkline.points(List.of(GAP, GAP))).isEmpty();
    assertThat(Sparkline.describe("hard", List.of(GAP))).isEqualTo("hard: no scores");
    assertThat(Sparkline.describe("hard", List.of())).isEqualTo("hard: no scores");
  }

  @Test
  void theSvgCarriesItsTextAlternativeAndOnlyTheSeriesWithScores() {
    String svg = Sparkline.svg(List.of(82.0, 61.0), List.of(GAP, GAP));
    assertThat(svg).startsWith("<svg class=\"spark\" role=\"img\"")
        .contains("aria-label=\"soft 82 &rarr; 61 over 2 windows; hard: no scores\"")
        .contains("<title>soft 82 &rarr; 61 over 2 windows; hard: no scores</title>")
        .contains("<polyline class=\"soft\"").doesNotContain("class=\"hard\"").endsWith("</svg>");
  }
}
