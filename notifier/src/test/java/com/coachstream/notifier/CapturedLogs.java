package com.coachstream.notifier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log event of this JVM while open, as the text that would be written (message and stack trace),
 * with the named loggers turned up to DEBUG so that nothing they could write escapes the check.
 */
public final class CapturedLogs implements AutoCloseable {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

  public CapturedLogs(String... verboseLoggers) {
    appender.setContext(context);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    for (String name : verboseLoggers) {
      Logger logger = context.getLogger(name);
      previousLevels.put(logger, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
  }

  /** The lines captured so far. */
  public List<String> lines() {
    // The appender adds under its own lock (AppenderBase.doAppend is synchronized): copy under it too.
    synchronized (appender) {
      return appender.list.stream().map(CapturedLogs::text).toList();
    }
  }

  private static String text(ILoggingEvent event) {
    String message = event.getLoggerName() + " " + event.getFormattedMessage();
    return event.getThrowableProxy() == null ? message : message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
  }

  @Override
  public void close() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
    previousLevels.forEach(Logger::setLevel);
  }
}
