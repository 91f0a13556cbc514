package com.coachstream.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** A RocksDB store's and an in-memory store's meters both reach Prometheus, under names of their own. */
class InMemoryStoreMetersTest {

  @Test
  void inMemoryStoreMetersAreRenamedSoPrometheusTakesBoth() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new InMemoryStoreMeters());
    Gauge.builder("kafka.stream.state.range.latency.avg", () -> 1.0)
        .tags("rocksdb.state.id", "agent-state-store", "task.id", "0_1").register(registry);
    Gauge.builder("kafka.stream.state.range.latency.avg", () -> 2.0)
        .tags("in.memory.state.id", "rules-store", "task.id", "-1_-1").register(registry);
    Gauge.builder("kafka.stream.thread.poll.rate", () -> 3.0).tags("thread.id", "t1").register(registry);

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("kafka_stream_state_range_latency_avg{rocksdb_state_id=\"agent-state-store\",task_id=\"0_1\"} 1.0")
        .contains("kafka_stream_in_memory_state_range_latency_avg{in_memory_state_id=\"rules-store\",task_id=\"-1_-1\"} 2.0")
        .contains("kafka_stream_thread_poll_rate{thread_id=\"t1\"} 3.0");
  }
}
