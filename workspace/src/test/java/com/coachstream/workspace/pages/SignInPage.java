package com.coachstream.workspace.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

public final class SignInPage extends WorkspacePage {

  private final String base;

  public SignInPage(WebDriver driver, String base) {
    super(driver);
    this.base = base;
  }

  public SignInPage open() {
    driver.get(base + "/signin");
    visible(By.id("user"));
    return this;
  }

  /** Signs in and waits for the page the user lands on. */
  public void signInAs(String user, String password) {
    visible(By.id("user")).sendKeys(user);
    visible(By.id("password")).sendKeys(password);
    visible(By.id("signin")).click();
    try {
      wait.until(d -> !d.getCurrentUrl().endsWith("/signin"));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("sign-in-failed");
      throw new AssertionError("still on the sign-in page: " + text() + " cookies " + driver.manage().getCookies(), e);
    }
  }
}
