package com.coachstream.producer.imports;

import java.io.Closeable;
import java.io.IOException;

/** Events in {@link ImportedEvent#ORDER}, one at a time, so that no more than a few are in memory. */
public interface EventCursor extends Closeable {

  /** The next event, or null when there is none left. */
  ImportedEvent next() throws IOException;
}
