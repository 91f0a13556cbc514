package com.coachstream.workspace.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

public final class TeamPage extends WorkspacePage {

  public TeamPage(WebDriver driver) {
    super(driver);
    visible(By.id("team"));
  }

  public List<String> agents() {
    return driver.findElements(By.cssSelector("#team tbody tr")).stream().map(r -> r.getAttribute("data-agent")).toList();
  }

  /** The text alternative of the agent's trend sparkline (its aria-label). */
  public String trend(String agentId) {
    return row(agentId).findElement(By.cssSelector("svg.spark")).getAttribute("aria-label");
  }

  /** The number of points of the agent's soft-score sparkline. */
  public int softTrendPoints(String agentId) {
    String points = row(agentId).findElement(By.cssSelector("svg.spark polyline.soft")).getAttribute("points").strip();
    return points.isEmpty() ? 0 : points.split("\\s+").length;
  }

  /** The slip state cell, e.g. "ok" or "slipping: soft". */
  public String slipState(String agentId) {
    return row(agentId).findElements(By.tagName("td")).get(4).getText();
  }

  public int openAlerts(String agentId) {
    return Integer.parseInt(row(agentId).findElements(By.tagName("td")).get(5).getText());
  }

  private WebElement row(String agentId) {
    return visible(By.cssSelector("#team tr[data-agent='" + agentId + "']"));
  }

  public AgentPage openAgent(String agentId) {
    WebElement link = visible(By.linkText(agentId));
    link.click();
    return new AgentPage(driver);
  }
}
