package com.coachstream.streams.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Store and record-cache meters reach Prometheus only when asked for; the rest always does. */
class StoreLevelMetersTest {

  @Test
  void storeLevelMetersAreLeftOutByDefault() {
    String scrape = scrape(false);
    assertThat(scrape)
        .doesNotContain("kafka_stream_state_put_rate")
        .doesNotContain("kafka_stream_in_memory_state_range_latency_avg")
        .doesNotContain("kafka_stream_record_cache_hit_ratio_avg")
        .contains("kafka_stream_thread_poll_rate{thread_id=\"t1\"} 3.0")
        .contains("kafka_stream_processor_node_record_e2e_latency_avg{processor_node_id=\"score-events\",task_id=\"0_1\"} 8.0")
        .contains("kafka_stream_task_process_rate{task_id=\"0_1\"} 4.0")
        .contains("kafka_stream_topic_records_consumed_rate{task_id=\"0_1\",topic=\"cc.interactions.v1\"} 5.0")
        .contains("kafka_stream_coachstream_late_rate{task_id=\"0_1\"} 6.0")
        .contains("kafka_consumer_fetch_manager_records_lag{partition=\"0\"} 7.0");
  }

  @Test
  void storeLevelMetersAreShownWhenAskedFor() {
    assertThat(scrape(true))
        .contains("kafka_stream_state_put_rate{rocksdb_state_id=\"agent-state-store\",task_id=\"0_1\"} 1.0")
        .contains("kafka_stream_in_memory_state_range_latency_avg{in_memory_state_id=\"rules-store\",task_id=\"-1_-1\"} 2.0")
        .contains("kafka_stream_processor_node_record_e2e_latency_avg{processor_node_id=\"score-events\",task_id=\"0_1\"} 8.0")
        .contains("kafka_stream_record_cache_hit_ratio_avg{record_cache_id=\"agent-state-store\",task_id=\"0_1\"} 9.0")
        .contains("kafka_stream_thread_poll_rate{thread_id=\"t1\"} 3.0");
  }

  /** The meters Kafka Streams' binder registers, one of each group, through the filters the service installs. */
  private static String scrape(boolean storeLevel) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new InMemoryStoreMeters()).meterFilter(new StoreLevelMeters(storeLevel));
    Gauge.builder("kafka.stream.state.put.rate", () -> 1.0)
        .tags("rocksdb.state.id", "agent-state-store", "task.id", "0_1").register(registry);
    Gauge.builder("kafka.stream.state.range.latency.avg", () -> 2.0)
        .tags("in.memory.state.id", "rules-store", "task.id", "-1_-1").register(registry);
    Gauge.builder("kafka.stream.thread.poll.rate", () -> 3.0).tags("thread.id", "t1").register(registry);
    Gauge.builder("kafka.stream.task.process.rate", () -> 4.0).tags("task.id", "0_1").register(registry);
    Gauge.builder("kafka.stream.topic.records.consumed.rate", () -> 5.0)
        .tags("task.id", "0_1", "topic", "cc.interactions.v1").register(registry);
    Gauge.builder("kafka.stream.coachstream.late.rate", () -> 6.0).tags("task.id", "0_1").register(registry);
    Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 7.0).tags("partition", "0").register(registry);
    Gauge.builder("kafka.stream.processor.node.record.e2e.latency.avg", () -> 8.0)
        .tags("processor.node.id", "score-events", "task.id", "0_1").register(registry);
    Gauge.builder("kafka.stream.record.cache.hit.ratio.avg", () -> 9.0)
        .tags("record.cache.id", "agent-state-store", "task.id", "0_1").register(registry);
    return registry.scrape();
  }
}
