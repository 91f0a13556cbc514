package com.coachstream.workspace.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

public final class InboxPage extends WorkspacePage {

  private final String base;

  public InboxPage(WebDriver driver, String base) {
    super(driver);
    this.base = base;
  }

  public InboxPage open() {
    driver.get(base + "/inbox");
    visible(By.tagName("h1"));
    return this;
  }

  private WebElement firstAlert() {
    return visible(By.cssSelector("section.card"));
  }

  /** The alert id of the first card. */
  public String firstAlertId() {
    return firstAlert().getAttribute("id").substring("alert-".length());
  }

  /** The page of one alert (the inbox lists only open ones; an alert's page keeps its actions). */
  public InboxPage openAlert(String alertId) {
    driver.get(base + "/alerts/" + java.net.URLEncoder.encode(alertId, java.nio.charset.StandardCharsets.UTF_8));
    visible(By.cssSelector("section.card"));
    return this;
  }

  public String firstAlertLabel() {
    return firstAlert().getAttribute("aria-label");
  }

  public String flash() {
    return visible(By.cssSelector(".flash")).getText();
  }

  public InboxPage acknowledgeFirst() {
    firstAlert().findElement(By.name("acknowledge")).click();
    visible(By.cssSelector(".flash"));
    return this;
  }

  public InboxPage logCoachingOnFirst(String skills, String note) {
    WebElement alert = firstAlert();
    WebElement details = alert.findElement(By.xpath(".//details[.//input[@name='skills']]"));
    details.findElement(By.tagName("summary")).click();
    details.findElement(By.cssSelector("input[name=skills]")).sendKeys(skills);
    details.findElement(By.cssSelector("input[name=note]")).sendKeys(note);
    details.findElement(By.name("coached")).click();
    visible(By.cssSelector(".flash"));
    return this;
  }
}
