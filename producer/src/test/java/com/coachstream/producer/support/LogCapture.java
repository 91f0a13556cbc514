package com.coachstream.producer.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, from any thread, with stack traces: to show that no customer reference
 * reaches the logs (issue 8 item 8). Our own loggers are opened down to DEBUG meanwhile, so a leak on a quieter
 * level is caught too.
 */
public final class LogCapture implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("com.coachstream");
  private final Level oursBefore = ours.getLevel();

  private LogCapture() {
    appender.start();
    root.addAppender(appender);
    ours.setLevel(Level.DEBUG);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** The lines so far, each with the stack trace of its exception, if any. */
  public List<String> lines() {
    List<ILoggingEvent> events;
    synchronized (appender) { // logback appends under the appender's lock
      events = new ArrayList<>(appender.list);
    }
    return events.stream().map(e -> e.getLoggerName() + " " + e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    ours.setLevel(oursBefore);
    appender.stop();
  }
}
