package com.coachstream.producer.imports;

import com.coachstream.producer.ingest.EventChecker.Checked;

/** One event read from an import file: where it starts (1-based line number) and what it is. */
public record SourceRecord(long line, Checked checked) { }
