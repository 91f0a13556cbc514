package com.coachstream.streams.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.List;

/**
 * Keeps Kafka Streams' per-store and record-cache metrics out of {@code /metrics} unless
 * {@code metrics.store-level} asks for them. Kafka Streams registers about 80 metrics for every state store of
 * every task, most of them recorded only at the DEBUG recording level and so always zero at the default INFO:
 * the demo's processor exposed 11,187 series, about 8,800 of them store and record-cache metrics (2,375 without). Each
 * is a series for Prometheus to keep, and the RocksDB ones are read through JNI at every scrape. (The binder
 * still holds a no-op meter per denied metric, so the processor's heap hardly changes.)
 * Client, thread, task, processor-node and topic metrics (process rates, commit latency, lag, end-to-end
 * latency, dropped records) and CoachStream's own per-task counters stay.
 */
public final class StoreLevelMeters implements MeterFilter {

  /** Micrometer names of Kafka Streams' store and record-cache metric groups. */
  static final List<String> PREFIXES = List.of(InMemoryStoreMeters.PREFIX, InMemoryStoreMeters.RENAMED,
      "kafka.stream.record.cache.");

  private final boolean shown;

  /** {@code shown}: whether store-level meters are registered at all. */
  public StoreLevelMeters(boolean shown) {
    this.shown = shown;
  }

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    if (shown) {
      return MeterFilterReply.NEUTRAL;
    }
    String name = id.getName();
    for (String prefix : PREFIXES) {
      if (name.startsWith(prefix)) {
        return MeterFilterReply.DENY;
      }
    }
    return MeterFilterReply.NEUTRAL;
  }
}
