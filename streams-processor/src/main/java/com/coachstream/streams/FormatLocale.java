package com.coachstream.streams;

import java.util.Locale;

/**
 * Fixes the JVM's default locale for formatting to en-US in the streams processor's process.
 *
 * <p>Why: Kafka Streams 4.3 builds its task-readiness log text with {@code String.format} on every record a task
 * processes while one of the task's input partitions has nothing buffered, whatever the log level. The roster's
 * and the actions' partitions are empty nearly all the time, so that is every record. Java's {@code Formatter}
 * then looks up the locale's {@code DecimalFormatSymbols} anew for each {@code %d}, unless the locale is en-US.
 * On a host whose locale is plain {@code en} (the {@code C.UTF-8} of most containers), that lookup took 6 % of
 * the stream thread (docs/performance.md, round six). Nothing the processor writes depends on this locale: its
 * outputs are Avro and JSON, its logs are in English. Fixing it also makes any number in a log line read the same
 * on every host.
 */
final class FormatLocale {

  private FormatLocale() { }

  static void useEnUs() {
    if (!Locale.US.equals(Locale.getDefault(Locale.Category.FORMAT))) {
      Locale.setDefault(Locale.Category.FORMAT, Locale.US);
    }
  }
}
