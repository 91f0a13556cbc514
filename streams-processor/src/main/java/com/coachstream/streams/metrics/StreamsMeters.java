package com.coachstream.streams.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Kafka Streams' metrics on {@code /metrics}. Metrics that appear while the instance runs (a rule's counts once
 * it raised its first alert, the metrics of a task that moved here) are added every
 * {@code metrics.refresh.interval}; until then {@code /metrics} does not show them.
 */
public final class StreamsMeters implements AutoCloseable {

  private final KafkaStreamsMetrics metrics;
  private final ScheduledExecutorService refresh;

  private StreamsMeters(KafkaStreamsMetrics metrics, ScheduledExecutorService refresh) {
    this.metrics = metrics;
    this.refresh = refresh;
  }

  public static StreamsMeters bind(KafkaStreams streams, MeterRegistry registry, Duration refreshInterval) {
    ScheduledExecutorService refresh = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "coachstream-metrics-refresh");
      thread.setDaemon(true);
      return thread;
    });
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams, List.of(), refresh, refreshInterval);
    metrics.bindTo(registry);
    return new StreamsMeters(metrics, refresh);
  }

  @Override
  public void close() {
    metrics.close();
    refresh.shutdownNow(); // given to the binder, so not shut down by it
  }
}
