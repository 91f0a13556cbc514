package com.coachstream.producer.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSorterTest {

  static final long PLENTY = 1L << 30;
  /** Smaller than any event: every event becomes a run of its own. */
  static final long TINY = 1;

  @TempDir
  Path temp;

  static ImportedEvent event(long time, int file, long line) {
    return new ImportedEvent(time, file, line, (file + ":" + line).getBytes(StandardCharsets.UTF_8));
  }

  static List<String> sortedLabels(ExternalSorter sorter, List<ImportedEvent> events) throws IOException {
    for (ImportedEvent event : events) {
      sorter.add(event);
    }
    List<String> labels = new ArrayList<>();
    EventCursor cursor = sorter.sorted();
    for (ImportedEvent e = cursor.next(); e != null; e = cursor.next()) {
      labels.add(e.eventTime() + "@" + new String(e.payload(), StandardCharsets.UTF_8));
    }
    return labels;
  }

  List<String> sortedLabels(long limit, List<ImportedEvent> events) throws IOException {
    try (ExternalSorter sorter = new ExternalSorter(limit, temp)) {
      return sortedLabels(sorter, events);
    }
  }

  @Test
  void nothingAddedYieldsNothing() throws IOException {
    assertThat(sortedLabels(TINY, List.of())).isEmpty();
  }

  @Test
  void ordersByTimeThenFileThenLine() throws IOException {
    List<ImportedEvent> events = List.of(event(30, 0, 1), event(10, 0, 2), event(20, 1, 1), event(10, 1, 2), event(10, 0, 3));
    List<String> expected = List.of("10@0:2", "10@0:3", "10@1:2", "20@1:1", "30@0:1");
    assertThat(sortedLabels(PLENTY, events)).containsExactlyElementsOf(expected);
    assertThat(sortedLabels(TINY, events)).containsExactlyElementsOf(expected);
  }

  @Test
  void equalTimesKeepEachFilesOrderWhateverTheOrderOfArrival() throws IOException {
    // The later file is added first: ties still go by file position, then line.
    List<ImportedEvent> events = List.of(event(5, 1, 7), event(5, 1, 9), event(5, 0, 4), event(5, 0, 2));
    assertThat(sortedLabels(TINY, events)).containsExactly("5@0:2", "5@0:4", "5@1:7", "5@1:9");
  }

  @Test
  void withinTheLimitNothingGoesToDisk() throws IOException {
    try (ExternalSorter sorter = new ExternalSorter(PLENTY, temp)) {
      sortedLabels(sorter, List.of(event(2, 0, 1), event(1, 0, 2)));
      assertThat(sorter.runsWritten()).isZero();
    }
    assertThat(Files.list(temp)).isEmpty();
  }

  @Test
  void aTinyLimitSpillsEveryEventAndStillSortsThem() throws IOException {
    List<ImportedEvent> events = List.of(event(3, 0, 1), event(1, 0, 2), event(2, 0, 3), event(1, 1, 1));
    try (ExternalSorter sorter = new ExternalSorter(TINY, temp)) {
      assertThat(sortedLabels(sorter, events)).containsExactly("1@0:2", "1@1:1", "2@0:3", "3@0:1");
      assertThat(sorter.runsWritten()).isEqualTo(3); // the last event stays in memory
      try (Stream<Path> files = Files.walk(temp)) {
        assertThat(files.filter(Files::isRegularFile)).hasSize(3);
      }
    }
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).as("temporary runs deleted on close").isEmpty();
    }
  }

  @Test
  void theLimitCountsBytes() throws IOException {
    ImportedEvent one = event(1, 0, 1);
    long twoEvents = 2 * one.estimatedBytes();
    try (ExternalSorter sorter = new ExternalSorter(twoEvents, temp)) {
      sortedLabels(sorter, List.of(event(5, 0, 1), event(4, 0, 2), event(3, 0, 3), event(2, 0, 4), event(1, 0, 5)));
      assertThat(sorter.runsWritten()).isEqualTo(2); // runs of two, two and the last one in memory
    }
  }

  @Test
  void moreRunsThanTheFanInAreMergedInGroupsFirst() throws IOException {
    List<ImportedEvent> events = new ArrayList<>();
    int count = ExternalSorter.MAX_FAN_IN * 3 + 5;
    for (int i = 0; i < count; i++) {
      events.add(event((i * 7919L) % 50, i % 3, i)); // many ties, three files interleaved
    }
    List<ImportedEvent> expected = new ArrayList<>(events);
    expected.sort(ImportedEvent.ORDER);
    try (ExternalSorter sorter = new ExternalSorter(TINY, temp)) {
      assertThat(sortedLabels(sorter, events)).containsExactlyElementsOf(labels(expected));
      assertThat(sorter.runsWritten()).isGreaterThan(count - 1); // the merged groups are runs too
    }
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Property(tries = 200)
  void anyLimitGivesTheSameOrderAsSortingInMemory(
      @ForAll @Size(max = 300) List<@LongRange(min = -3, max = 3) Long> times,
      @ForAll @IntRange(min = 1, max = 4000) int limit,
      @ForAll @IntRange(min = 1, max = 3) int files) throws IOException {
    List<ImportedEvent> events = new ArrayList<>();
    long[] lines = new long[files];
    for (int i = 0; i < times.size(); i++) {
      int file = i % files;
      events.add(event(times.get(i), file, ++lines[file]));
    }
    List<ImportedEvent> expected = new ArrayList<>(events);
    expected.sort(ImportedEvent.ORDER);
    Path dir = Files.createTempDirectory("sorter-property-");
    try (ExternalSorter sorter = new ExternalSorter(limit, dir)) {
      assertThat(sortedLabels(sorter, events)).containsExactlyElementsOf(labels(expected));
    } finally {
      Files.delete(dir); // fails if a run file was left behind
    }
  }

  @Test
  void addingAfterSortingOrSortingTwiceIsAMistake() throws IOException {
    try (ExternalSorter sorter = new ExternalSorter(PLENTY, temp)) {
      sorter.sorted();
      assertThatThrownBy(() -> sorter.add(event(1, 0, 1))).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(sorter::sorted).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aLimitMustBePositive() {
    assertThatThrownBy(() -> new ExternalSorter(0, temp)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive");
  }

  static List<String> labels(List<ImportedEvent> events) {
    return events.stream().map(e -> e.eventTime() + "@" + new String(e.payload(), StandardCharsets.UTF_8)).toList();
  }
}
