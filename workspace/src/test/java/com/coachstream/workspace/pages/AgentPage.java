package com.coachstream.workspace.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

public final class AgentPage extends WorkspacePage {

  public AgentPage(WebDriver driver) {
    super(driver);
    visible(By.id("chart"));
  }

  /** Waits until the chart's canvas exists and returns how many of its pixels are painted (not transparent). */
  public long chartPixelsDrawn() {
    return pixelsDrawn("#chart");
  }

  /** The same for the skill chart (one line per skill). */
  public long skillChartPixelsDrawn() {
    return pixelsDrawn("#skill-chart");
  }

  /** The sessions the page marks on the charts' timeline (from the embedded chart data). */
  public long sessionMarks() {
    return ((Number) ((JavascriptExecutor) driver).executeScript(
        "return JSON.parse(document.getElementById('chart-data').textContent).sessions.length;")).longValue();
  }

  private long pixelsDrawn(String holder) {
    visible(By.cssSelector(holder + " canvas"));
    return wait.until(d -> {
      Object painted = ((JavascriptExecutor) d).executeScript(
          "var c = document.querySelector(arguments[0] + ' canvas');"
              + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
              + "var n = 0; for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } } return n;", holder);
      long count = ((Number) painted).longValue();
      return count > 0 ? count : null;
    });
  }
}
