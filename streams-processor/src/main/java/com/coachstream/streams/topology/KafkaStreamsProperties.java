package com.coachstream.streams.topology;

import com.coachstream.common.config.ConfigException;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.schemas.deadletter.DeadLetter;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams properties of {@link StreamsSettings}: the user's {@code kafka.*} settings, the defaults
 * CoachStream changes, and what the service requires whatever is set (exactly-once, the dead-letter handlers).
 */
final class KafkaStreamsProperties {

  private KafkaStreamsProperties() { }

  /**
   * Kafka Streams settings whose defaults CoachStream changes (each can still be set with {@code kafka.<key>}):
   * <ul>
   * <li>{@code commit.interval.ms} 200 (exactly-once's default is 100): a commit ends a transaction and
   * flushes the record cache into the stores and changelogs, so fewer commits mean more updates of an agent
   * coalesced into one write; alerts become visible to read_committed consumers at a commit, so it stays
   * well inside the 1 s alert latency goal.
   * <li>{@code statestore.cache.max.bytes} 32 MiB (10 MiB): holds the state and the slices of the agents active
   * between two commits. It lives on the heap; 16 or 8 MiB would leave more heap free, but the throughput
   * benchmark then wrote 536-553 instead of 285-340 bytes of changelog per event (docs/performance.md, round six).
   * <li>{@code rocksdb.config.setter} {@link BoundedRocksDbMemory}: all stores share
   * {@code state.rocksdb.memory.mb} of off-heap memory.
   * <li>{@code topic.segment.bytes} 8 MiB (the broker's {@code log.segment.bytes}, 1 GiB by default) for the
   * changelog and repartition topics Kafka Streams creates: the broker compacts a changelog only in closed
   * segments, and each agent's state is rewritten about once per commit, so with 1 GiB segments a changelog
   * partition is never compacted until it holds a gigabyte of mostly outdated values, all of which a fresh
   * instance reads to restore (a benchmark's changelogs took 817 MiB for 57 MiB of state; 162 MiB with 8 MiB
   * segments). Purged repartition records go sooner too.
   * </ul>
   */
  static final Map<String, String> CHANGED_DEFAULTS = Map.of(
      StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200",
      StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(32L << 20),
      StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName(),
      StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), String.valueOf(8L << 20));

  /**
   * {@code fetch.max.bytes} of the processor's consumers unless {@code kafka.fetch.max.bytes} or a prefixed
   * variant is set (Kafka's default is 50 MiB). A fetch response is one array on the heap, and it stays there
   * until every partition in it has been read; Kafka Streams pauses partitions whose buffered records are
   * enough, so while it works through a backlog each paused partition with records left keeps its whole response
   * live: three 50 MiB-class responses were 57 MiB of the memory benchmark's 180 MiB heap live set, and ten 4 MiB
   * ones 40 MiB of 173 MiB four million events into the 10,000 agents (docs/performance.md, rounds seven and
   * eight). At 1 MiB, as much as one partition gets per response ({@code max.partition.fetch.bytes}), a paused
   * partition keeps about its own records.
   */
  static final int FETCH_MAX_BYTES = 1 << 20;

  /** Kafka Streams properties: every {@code kafka.*} passthrough, then what this service requires. */
  static Properties of(Settings source, String applicationId, String deadLetterTopic, String applicationServer) {
    Properties props = KafkaSettings.clientProperties(source);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.putIfAbsent(StreamsConfig.STATE_DIR_CONFIG, source.string("state.dir", StreamsSettings.DEFAULTS.get("state.dir")));
    props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, source.string("num.stream.threads", "1"));
    props.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, source.string("num.standby.replicas", "0"));
    props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, source.string("replication.factor", "-1"));
    CHANGED_DEFAULTS.forEach(props::putIfAbsent);
    boundFetchResponses(props);
    staticMembership(source, props);
    long rocksDbMegabytes = source.longValue("state.rocksdb.memory.mb", Long.parseLong(StreamsSettings.DEFAULTS.get("state.rocksdb.memory.mb")));
    if (rocksDbMegabytes < 8) {
      throw new ConfigException("state.rocksdb.memory.mb must be at least 8, was " + rocksDbMegabytes);
    }
    props.put(BoundedRocksDbMemory.MEMORY_CONFIG, String.valueOf(rocksDbMegabytes << 20));
    // exactly-once is not optional (docs/guarantees.md)
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Deserialization.class);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
    props.put(DeadLetterHandlers.DEAD_LETTER_TOPIC_CONFIG, deadLetterTopic);
    // a dead letter carries an input record's bytes, which may be larger than a producer sends by default
    String maxRequest = StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    props.putIfAbsent(maxRequest, props.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
        String.valueOf(DeadLetter.MAX_RECORD_BYTES)));
    int maxRequestBytes;
    try {
      maxRequestBytes = Integer.parseInt(props.get(maxRequest).toString().trim());
    } catch (NumberFormatException e) {
      throw new ConfigException("Invalid value '" + props.get(maxRequest) + "' for max.request.size: expected bytes");
    }
    props.put(DeadLetterHandlers.DEAD_LETTER_MAX_BYTES_CONFIG,
        String.valueOf(Math.max(0, maxRequestBytes - DeadLetter.HEADROOM_BYTES)));
    if (applicationServer != null) {
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    return props;
  }

  /** Sets {@link #FETCH_MAX_BYTES} for every consumer, unless set: a prefixed default would beat the user's plain key. */
  private static void boundFetchResponses(Properties props) {
    String key = ConsumerConfig.FETCH_MAX_BYTES_CONFIG;
    if (!props.containsKey(key) && !props.containsKey(StreamsConfig.consumerPrefix(key))) {
      props.put(StreamsConfig.consumerPrefix(key), String.valueOf(FETCH_MAX_BYTES));
    }
  }

  /**
   * {@code instance.id} as the main consumer's {@code group.instance.id} (Kafka Streams appends each stream
   * thread's index): a member restarted under the same id replaces its dead self in the group at once, where a
   * new dynamic member waits for the old one's session to time out. Only the classic group protocol has it in
   * Kafka 4.3; a {@code kafka.main.consumer.group.instance.id} given directly wins.
   */
  private static void staticMembership(Settings source, Properties props) {
    String instanceId = source.string("instance.id", "").trim();
    if (instanceId.isEmpty()) {
      return;
    }
    if ("streams".equalsIgnoreCase(String.valueOf(props.get(StreamsConfig.GROUP_PROTOCOL_CONFIG)).trim())) {
      throw new ConfigException("instance.id needs the classic group protocol: Kafka 4.3's streams rebalance protocol "
          + "has no static membership (remove kafka.group.protocol=streams or instance.id)");
    }
    props.putIfAbsent(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
  }
}
