package com.coachstream.workspace.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The QA manager's rules page: the rule sets, and the form for a team without rules yet. */
public final class RulesPage extends WorkspacePage {

  private final String base;

  public RulesPage(WebDriver driver, String base) {
    super(driver);
    this.base = base;
  }

  public RulesPage open() {
    driver.get(base + "/rules");
    visible(By.id("rule-sets"));
    return this;
  }

  /** Fills in the form for another team and saves it; waits for the page that follows. */
  public RulesPage setForNewTeam(String team, String settings, String why) {
    visible(By.id("team-new")).sendKeys(team);
    visible(By.id("settings-new")).sendKeys(settings);
    visible(By.id("comment-new")).sendKeys(why);
    visible(By.cssSelector("#rules-form-new button[type=submit]")).click();
    wait.until(d -> !d.findElements(By.cssSelector(".flash, #rules-problems")).isEmpty());
    return this;
  }

  /** The confirmation after a save. */
  public String flash() {
    return visible(By.className("flash")).getText();
  }

  /** The settings shown for {@code team} in the table. */
  public String settingsOf(String team) {
    return visible(By.cssSelector("tr[data-team='" + team + "'] pre")).getText();
  }
}
