package com.coachstream.streams.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Gives the metrics of Kafka Streams' in-memory stores (the global stores and the small stores of the tasks) names of
 * their own. Kafka Streams tags a store's metrics {@code rocksdb.state.id} or {@code in.memory.state.id} under the
 * same metric name, and Prometheus refuses a second set of tag keys for a name: without this, the in-memory
 * stores' meters were dropped with a warning at start-up.
 */
public final class InMemoryStoreMeters implements MeterFilter {

  static final String TAG = "in.memory.state.id";
  static final String PREFIX = "kafka.stream.state.";
  static final String RENAMED = "kafka.stream.in.memory.state.";

  @Override
  public Meter.Id map(Meter.Id id) {
    if (id.getTag(TAG) != null && id.getName().startsWith(PREFIX)) {
      return id.withName(RENAMED + id.getName().substring(PREFIX.length()));
    }
    return id;
  }
}
