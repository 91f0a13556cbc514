package com.coachstream.producer.imports;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far an import is: a progress bar on a terminal, a plain line every few seconds otherwise (logs
 * and CI have no cursor to move), nothing in tests. An import first reads (and sorts) its files, then sends:
 * the sending progress counts only events Kafka acknowledged (and duplicates skipped), never a failed send.
 */
public interface ImportProgress {

  /** The file's input, wrapped to report progress as it is read. */
  default InputStream track(InputStream in, String fileName, long sizeBytes) {
    return in;
  }

  /** Called after each event with the number read so far from the current file. */
  default void eventsRead(String fileName, long count) { }

  /** The files are read and sorted; {@code events} valid events are about to be sent. */
  default void sending(long events) { }

  /** {@code count} events are done: acknowledged by Kafka or skipped as duplicates. Called from Kafka's thread. */
  default void sent(long count) { }

  /** Kafka has answered for every event sent. */
  default void finished() { }

  /** Shows nothing. */
  ImportProgress NONE = new ImportProgress() { };

  /** A bar when stdout is a terminal, plain lines on {@code out} otherwise. */
  static ImportProgress forConsole(PrintStream out) {
    return System.console() != null ? new Bar() : new PlainLines(out, Duration.ofSeconds(5));
  }

  /** me.tongfei progress bars on the terminal: MiB read per file, then events acknowledged. */
  final class Bar implements ImportProgress {
    private ProgressBar sending;

    @Override
    public InputStream track(InputStream in, String fileName, long sizeBytes) {
      return ProgressBar.wrap(in, new ProgressBarBuilder()
          .setTaskName("read " + fileName)
          .setInitialMax(sizeBytes)
          .setUnit("MiB", 1L << 20)
          .setStyle(ProgressBarStyle.ASCII)
          .showSpeed());
    }

    @Override
    public synchronized void sending(long events) {
      sending = new ProgressBarBuilder().setTaskName("acknowledged").setInitialMax(events)
          .setStyle(ProgressBarStyle.ASCII).showSpeed().build();
    }

    @Override
    public synchronized void sent(long count) {
      if (sending != null) {
        sending.stepTo(Math.max(count, sending.getCurrent()));
      }
    }

    @Override
    public synchronized void finished() {
      if (sending != null) {
        sending.close();
      }
    }
  }

  /** "import events.jsonl: 200000 events read", then "import: 150000 of 400000 events done", every interval. */
  final class PlainLines implements ImportProgress {
    private final PrintStream out;
    private final long intervalNanos;
    private long lastPrinted = System.nanoTime();
    private long toSend;

    PlainLines(PrintStream out, Duration interval) {
      this.out = out;
      this.intervalNanos = interval.toNanos();
    }

    @Override
    public InputStream track(InputStream in, String fileName, long sizeBytes) {
      out.printf("import %s (%d bytes)%n", fileName, sizeBytes);
      return in;
    }

    @Override
    public synchronized void eventsRead(String fileName, long count) {
      if (due()) {
        out.printf("import %s: %d events read%n", fileName, count);
      }
    }

    @Override
    public synchronized void sending(long events) {
      toSend = events;
      out.printf("import: sending %d events in event-time order%n", events);
    }

    @Override
    public synchronized void sent(long count) {
      if (due()) {
        out.printf("import: %d of %d events done (acknowledged by Kafka or skipped as duplicates)%n", count, toSend);
      }
    }

    private boolean due() {
      long now = System.nanoTime();
      if (now - lastPrinted < intervalNanos) {
        return false;
      }
      lastPrinted = now;
      return true;
    }
  }
}
