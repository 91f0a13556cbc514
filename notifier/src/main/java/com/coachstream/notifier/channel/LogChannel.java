package com.coachstream.notifier.channel;

import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.format.AlertWording;
import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One readable line per alert ({@link AlertWording#logLine}), to the {@code coachstream.alerts} logger or,
 * for the demo, straight to standard output. The line holds no contact details.
 */
public final class LogChannel implements NotificationChannel {

  private static final Logger ALERTS = LoggerFactory.getLogger("coachstream.alerts");

  private final PrintStream console;

  /** {@code console} null: write to the logger. */
  public LogChannel(PrintStream console) {
    this.console = console;
  }

  @Override
  public String type() {
    return "log";
  }

  @Override
  public String redactedTarget() {
    return console == null ? "log:coachstream.alerts" : "log:stdout";
  }

  @Override
  public Integer send(EnrichedAlert alert) {
    String line = AlertWording.logLine(alert);
    if (console == null) {
      ALERTS.info(line);
    } else {
      console.println(line);
    }
    return null;
  }
}
