package com.coachstream.producer.imports;

import java.io.Closeable;
import java.io.IOException;

/** Reads the events of one import file one at a time, so a file larger than memory can be imported. */
public interface RecordReader extends Closeable {

  /** The next event, or null at the end of the file. */
  SourceRecord next() throws IOException;
}
