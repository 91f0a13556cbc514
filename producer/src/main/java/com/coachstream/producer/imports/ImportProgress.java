package com.coachstream.producer.imports;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows how far an import is: a progress bar over the file's bytes on a terminal, a plain line every few
 * seconds otherwise (logs and CI have no cursor to move), nothing in tests.
 */
public interface ImportProgress {

  /** The file's input, wrapped to report progress as it is read. */
  InputStream track(InputStream in, String fileName, long sizeBytes);

  /** Called after each event with the number read so far from the current file. */
  void eventsRead(String fileName, long count);

  ImportProgress NONE = new ImportProgress() {
    @Override
    public InputStream track(InputStream in, String fileName, long sizeBytes) {
      return in;
    }

    @Override
    public void eventsRead(String fileName, long count) { }
  };

  /** A bar when stdout is a terminal, plain lines on {@code out} otherwise. */
  static ImportProgress forConsole(PrintStream out) {
    return System.console() != null ? new Bar() : new PlainLines(out, Duration.ofSeconds(5));
  }

  /** me.tongfei progress bar on the terminal, counting MiB read. */
  final class Bar implements ImportProgress {
    @Override
    public InputStream track(InputStream in, String fileName, long sizeBytes) {
      return ProgressBar.wrap(in, new ProgressBarBuilder()
          .setTaskName(fileName)
          .setInitialMax(sizeBytes)
          .setUnit("MiB", 1L << 20)
          .setStyle(ProgressBarStyle.ASCII)
          .showSpeed());
    }

    @Override
    public void eventsRead(String fileName, long count) { }
  }

  /** "import events.jsonl: 200000 events read" every interval. */
  final class PlainLines implements ImportProgress {
    private final PrintStream out;
    private final long intervalNanos;
    private long lastPrinted = System.nanoTime();

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
    public void eventsRead(String fileName, long count) {
      long now = System.nanoTime();
      if (now - lastPrinted >= intervalNanos) {
        lastPrinted = now;
        out.printf("import %s: %d events read%n", fileName, count);
      }
    }
  }
}
