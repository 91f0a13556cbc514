package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMergeTest {

  static final AtomicInteger CLOSED = new AtomicInteger();

  static EventCursor cursor(ImportedEvent... events) {
    Iterator<ImportedEvent> it = List.of(events).iterator();
    return new EventCursor() {
      @Override
      public ImportedEvent next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public void close() {
        CLOSED.incrementAndGet();
      }
    };
  }

  static ImportedEvent e(long time, int file, long line) {
    return new ImportedEvent(time, file, line, new byte[] {(byte) file, (byte) line});
  }

  static List<String> drain(EventCursor cursor) throws IOException {
    List<String> out = new ArrayList<>();
    for (ImportedEvent event = cursor.next(); event != null; event = cursor.next()) {
      out.add(event.eventTime() + "/" + event.file() + ":" + event.line());
    }
    return out;
  }

  @Test
  void mergesSortedCursorsIntoOneOrder() throws IOException {
    try (RunMerge merge = new RunMerge(List.of(
        cursor(e(1, 0, 1), e(4, 0, 2), e(9, 0, 3)),
        cursor(e(2, 1, 1), e(3, 1, 2), e(10, 1, 3)),
        cursor(e(5, 2, 1))))) {
      assertThat(drain(merge)).containsExactly("1/0:1", "2/1:1", "3/1:2", "4/0:2", "5/2:1", "9/0:3", "10/1:3");
    }
  }

  @Test
  void tiesGoToTheEarlierFileThenTheEarlierLineWhicheverCursorHoldsThem() throws IOException {
    try (RunMerge merge = new RunMerge(List.of(
        cursor(e(7, 1, 3), e(7, 1, 5)),
        cursor(e(7, 0, 8)),
        cursor(e(7, 1, 4), e(8, 0, 1))))) {
      assertThat(drain(merge)).containsExactly("7/0:8", "7/1:3", "7/1:4", "7/1:5", "8/0:1");
    }
  }

  @Test
  void emptyCursorsAndNoCursorsAreFine() throws IOException {
    try (RunMerge none = new RunMerge(List.of())) {
      assertThat(none.next()).isNull();
    }
    try (RunMerge some = new RunMerge(List.of(cursor(), cursor(e(1, 0, 1)), cursor()))) {
      assertThat(drain(some)).containsExactly("1/0:1");
      assertThat(some.next()).isNull();
    }
  }

  @Test
  void closingTheMergeClosesEveryCursor() throws IOException {
    int before = CLOSED.get();
    new RunMerge(List.of(cursor(e(1, 0, 1)), cursor(), cursor(e(2, 0, 2)))).close();
    assertThat(CLOSED.get() - before).isEqualTo(3);
  }

  @Test
  void runFilesRoundTripEveryField(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("run.bin");
    List<ImportedEvent> events = List.of(e(Long.MIN_VALUE, 0, 1), new ImportedEvent(-5, 3, 1L << 40, new byte[0]), e(Long.MAX_VALUE, 2, 9));
    RunFile.write(run, events);
    try (EventCursor read = RunFile.read(run)) {
      List<ImportedEvent> back = new ArrayList<>();
      for (ImportedEvent event = read.next(); event != null; event = read.next()) {
        back.add(event);
      }
      assertThat(back).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(events);
    }
  }
}
