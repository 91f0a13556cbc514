package com.coachstream.workspace.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every page object shares: the driver, explicit waits on what the user sees, screenshots. */
public abstract class WorkspacePage {

  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  protected final WebDriver driver;
  protected final WebDriverWait wait;

  protected WorkspacePage(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Waits for the element; on a timeout keeps a screenshot of what the browser showed instead. */
  protected WebElement visible(By by) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException e) {
      Path shot = screenshot("failure-" + System.currentTimeMillis());
      throw new AssertionError("not shown: " + by + " on " + driver.getCurrentUrl() + " (screenshot " + shot + "): "
          + driver.findElement(By.tagName("body")).getText(), e);
    }
  }

  public String heading() {
    return visible(By.tagName("h1")).getText();
  }

  public String text() {
    return visible(By.tagName("main")).getText();
  }

  public String source() {
    return driver.getPageSource();
  }

  /** Saves a screenshot as target/screenshots/{name}.png and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
