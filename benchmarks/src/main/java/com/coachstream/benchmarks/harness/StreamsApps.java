package com.coachstream.benchmarks.harness;

import com.coachstream.benchmarks.dsl.DslWindowsTopology;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.streams.StreamsService;
import com.coachstream.streams.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** Starts the applications the harness measures: the streams processor itself, and the DSL comparison. */
public final class StreamsApps {

  private StreamsApps() { }

  /**
   * The streams processor's settings for a measured run: the product's defaults, then the run's topics,
   * application id and state directory, then {@code overrides} (window settings, {@code --set} options).
   */
  public static Settings settings(Cluster cluster, TopicNames names, String applicationId, Path stateDir,
      Map<String, String> overrides) {
    Map<String, String> map = new HashMap<>(StreamsSettings.DEFAULTS);
    map.putAll(names.asMap());
    map.put("bootstrap.servers", cluster.bootstrapServers());
    map.put("application-id", applicationId);
    map.put("state.dir", stateDir.toString());
    map.put("http.host", "127.0.0.1");
    map.put("http.port", "0");
    map.putAll(overrides);
    return Settings.of(map);
  }

  /** The streams processor, as {@code coachstream streams} runs it. */
  public static StreamsRun.Started coachStream(Settings settings) {
    StreamsService service = StreamsService.start(settings);
    return new StreamsRun.Started() {
      @Override
      public KafkaStreams streams() {
        return service.streams();
      }

      @Override
      public void close() {
        service.close();
      }
    };
  }

  /** The same window aggregation written with the DSL's hopping windows, with the processor's Kafka Streams properties. */
  public static StreamsRun.Started dslHoppingWindows(Settings settings) {
    return start(settings, DslWindowsTopology::topology);
  }

  /** Another topology of the same settings and Kafka Streams properties as the processor (a yardstick). */
  public static StreamsRun.Started start(Settings settings, Function<StreamsSettings, Topology> topology) {
    StreamsSettings config = StreamsSettings.from(settings);
    KafkaStreams streams = new KafkaStreams(topology.apply(config), config.streamsProperties(null));
    streams.start();
    return new StreamsRun.Started() {
      @Override
      public KafkaStreams streams() {
        return streams;
      }

      @Override
      public void close() {
        streams.close(Duration.ofSeconds(30));
      }
    };
  }
}
