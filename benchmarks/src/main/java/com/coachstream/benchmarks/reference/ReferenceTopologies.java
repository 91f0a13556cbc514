package com.coachstream.benchmarks.reference;

import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.topology.StreamsSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Yardsticks for figure 2: what Kafka Streams itself does with the same input, settings and exactly-once on
 * this machine, with (almost) no work of ours. {@link #decodeAndForward} decodes each interaction and
 * evaluation with the catalogue's Avro serdes and writes one small record per event; {@link #countPerAgent}
 * also reads and writes one state-store entry per event (a running count per agent, cached and
 * changelogged like the processor's stores); {@link #storeTraffic} does the processor's own store reads
 * and writes per event, with values of its sizes, but neither scoring nor encoding. The gap from the raw
 * consume rate to these is the framework's (decode, transactions, changelogs); the gap from these to the
 * processor is the processor's own work.
 */
public final class ReferenceTopologies {

  private ReferenceTopologies() { }

  public static Topology decodeAndForward(StreamsSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = settings.topics();
    // one small output record per event, like the processor's one window update per event (but smaller)
    events(builder, topics).to(topics.alerts().name(), Produced.with(Serdes.String(), Serdes.String()).withName("reference-sink"));
    return builder.build();
  }

  public static Topology countPerAgent(StreamsSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = settings.topics();
    // one store read and write per event (KTable aggregation), its change forwarded downstream
    events(builder, topics)
        .groupByKey()
        .count(Named.as("reference-count"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("reference-count-store")
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
        .toStream(Named.as("reference-changes"))
        .mapValues(String::valueOf, Named.as("reference-format"))
        .to(topics.alerts().name(), Produced.with(Serdes.String(), Serdes.String()).withName("reference-sink"));
    return builder.build();
  }

  /**
   * The processor's per-event store traffic without its scoring ({@link StoreTraffic}): changelogged persistent
   * stores as the processor's agent states and slices (with the record cache) and remembered ids (without);
   * in-memory ones for the roster and actions, which the processor reads on every event.
   */
  public static Topology storeTraffic(StreamsSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    Topics topics = settings.topics();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreTraffic.STATES),
        Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreTraffic.SLICES),
        Serdes.Bytes(), Serdes.ByteArray()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreTraffic.IDS),
        Serdes.Bytes(), Serdes.Long()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreTraffic.ROSTER),
        Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreTraffic.ACTIONS),
        Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
    events(builder, topics)
        .process(StoreTraffic::new, Named.as("reference-store-traffic"), StoreTraffic.STORES.toArray(String[]::new))
        .to(topics.alerts().name(), Produced.with(Serdes.String(), Serdes.String()).withName("reference-sink"));
    return builder.build();
  }

  /** Interactions and evaluations, decoded, as (agentId, source id). */
  private static KStream<String, String> events(StreamsBuilder builder, Topics topics) {
    KStream<String, String> interactions = builder.stream(topics.interactions().name(),
            Consumed.with(topics.interactions().keySerde(), topics.interactions().valueSerde()).withName("reference-interactions"))
        .mapValues(event -> event.getInteractionId(), Named.as("reference-interaction-id"));
    KStream<String, String> evaluations = builder.stream(topics.qaEvaluations().name(),
            Consumed.with(topics.qaEvaluations().keySerde(), topics.qaEvaluations().valueSerde()).withName("reference-evaluations"))
        .mapValues(event -> event.getEvaluationId(), Named.as("reference-evaluation-id"));
    return interactions.merge(evaluations, Named.as("reference-merge"));
  }
}
