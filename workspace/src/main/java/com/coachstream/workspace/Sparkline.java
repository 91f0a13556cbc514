package com.coachstream.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG trend of one score over an agent's recent windows, drawn on the server so the team page
 * needs no script for it, with a text alternative ("soft 82 → 61 over 14 windows") for screen readers and
 * for anyone who prefers numbers. Gaps (windows without samples of the category, NaN) are left out.
 */
final class Sparkline {

  static final int WIDTH = 120;
  static final int HEIGHT = 28;

  private Sparkline() { }

  /** The points of the polyline, "x,y x,y …", on a fixed 0..100 score scale (higher score, higher point). */
  static String points(List<Double> scores) {
    List<String> points = new ArrayList<>();
    int steps = Math.max(1, scores.size() - 1);
    for (int i = 0; i < scores.size(); i++) {
      double score = scores.get(i);
      if (Double.isNaN(score)) {
        continue;
      }
      double x = scores.size() == 1 ? WIDTH / 2.0 : i * (double) WIDTH / steps;
      double y = HEIGHT - 2 - Math.max(0, Math.min(100, score)) / 100 * (HEIGHT - 4);
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
    }
    return String.join(" ", points);
  }

  /** "soft 82 → 61 over 14 windows", or "soft: no scores" when every window is a gap. */
  static String describe(String label, List<Double> scores) {
    List<Double> present = scores.stream().filter(s -> !Double.isNaN(s)).toList();
    if (present.isEmpty()) {
      return label + ": no scores";
    }
    String windows = scores.size() == 1 ? "1 window" : scores.size() + " windows";
    return String.format(Locale.ROOT, "%s %.0f → %.0f over %s", label, present.get(0), present.get(present.size() - 1), windows);
  }

  /** The inline SVG: one polyline per series that has any score, titled by the text alternatives. */
  static String svg(List<Double> soft, List<Double> hard) {
    String text = describe("soft", soft) + "; " + describe("hard", hard);
    StringBuilder svg = new StringBuilder("<svg class=\"spark\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" aria-label=\"")
        .append(Html.esc(text)).append("\"><title>").append(Html.esc(text)).append("</title>");
    line(svg, "soft", points(soft), "#1d4ed8");
    line(svg, "hard", points(hard), "#7c3aed");
    return svg.append("</svg>").toString();
  }

  private static void line(StringBuilder svg, String name, String points, String colour) {
    if (!points.isEmpty()) {
      svg.append("<polyline class=\"").append(name).append("\" fill=\"none\" stroke=\"").append(colour)
          .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>");
    }
  }
}
