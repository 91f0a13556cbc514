package com.coachstream.producer.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * K-way merge of sorted cursors: holds one event per cursor and always yields the least by
 * {@link ImportedEvent#ORDER}. That order is total, so the merge is stable whatever the cursors.
 */
final class RunMerge implements EventCursor {

  private record Head(ImportedEvent event, EventCursor source) { }

  private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ImportedEvent.ORDER.compare(a.event, b.event));
  private final List<EventCursor> sources;

  RunMerge(List<EventCursor> sources) throws IOException {
    this.sources = new ArrayList<>(sources);
    for (EventCursor source : sources) {
      advance(source);
    }
  }

  @Override
  public ImportedEvent next() throws IOException {
    Head least = heads.poll();
    if (least == null) {
      return null;
    }
    advance(least.source);
    return least.event;
  }

  private void advance(EventCursor source) throws IOException {
    ImportedEvent next = source.next();
    if (next != null) {
      heads.add(new Head(next, source));
    }
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (EventCursor source : sources) {
      try {
        source.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
