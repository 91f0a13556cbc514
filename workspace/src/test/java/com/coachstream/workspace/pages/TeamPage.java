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

  public AgentPage openAgent(String agentId) {
    WebElement link = visible(By.linkText(agentId));
    link.click();
    return new AgentPage(driver);
  }
}
