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
    visible(By.cssSelector("#chart canvas"));
    return wait.until(d -> {
      Object painted = ((JavascriptExecutor) d).executeScript(
          "var c = document.querySelector('#chart canvas');"
              + "var px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
              + "var n = 0; for (var i = 3; i < px.length; i += 4) { if (px[i] > 0) { n++; } } return n;");
      long count = ((Number) painted).longValue();
      return count > 0 ? count : null;
    });
  }
}
