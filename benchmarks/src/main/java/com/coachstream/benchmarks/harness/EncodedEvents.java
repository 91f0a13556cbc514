package com.coachstream.benchmarks.harness;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.ProgressListener;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.producer.simulate.Simulation;
import com.coachstream.producer.simulate.SimulationConfig;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Simulated input events (the producer's contact-center simulator), already encoded as the producer library
 * would send them (agent id key, Avro single-object value), held in memory so that producing them measures
 * Kafka and nothing else.
 */
public final class EncodedEvents {

  /** One encoded record: its input topic, key and value bytes. */
  public record Encoded(String topic, byte[] key, byte[] value) { }

  private final List<Encoded> records;
  private final long bytes;
  private final double generationSeconds;

  private EncodedEvents(List<Encoded> records, double generationSeconds) {
    this.records = records;
    this.bytes = records.stream().mapToLong(r -> r.key().length + r.value().length).sum();
    this.generationSeconds = generationSeconds;
  }

  /** Runs the simulator as fast as it goes and keeps every event, encoded for the topics' names. */
  public static EncodedEvents simulate(SimulationConfig config, Topics topics) throws Exception {
    List<Encoded> records = new ArrayList<>();
    long began = System.nanoTime();
    Simulation.run(config, new EventSink() {
      @Override
      public void accept(SimulatedEvent event) {
        records.add(encode(topics, event.event()));
      }

      @Override
      public void close() { }
    }, ProgressListener.NONE);
    return new EncodedEvents(List.copyOf(records), (System.nanoTime() - began) / 1e9);
  }

  /** The record the producer library sends for an input event. */
  public static Encoded encode(Topics topics, SpecificRecord event) {
    return switch (EventType.of(event)) {
      case INTERACTION -> {
        InteractionEvent e = (InteractionEvent) event;
        yield new Encoded(topics.interactions().name(),
            topics.interactions().keySerde().serializer().serialize(topics.interactions().name(), e.getAgentId()),
            topics.interactions().valueSerde().serializer().serialize(topics.interactions().name(), e));
      }
      case QA_EVALUATION -> {
        QaEvaluation e = (QaEvaluation) event;
        yield new Encoded(topics.qaEvaluations().name(),
            topics.qaEvaluations().keySerde().serializer().serialize(topics.qaEvaluations().name(), e.getAgentId()),
            topics.qaEvaluations().valueSerde().serializer().serialize(topics.qaEvaluations().name(), e));
      }
      case AGENT -> {
        AgentProfile e = (AgentProfile) event;
        yield new Encoded(topics.agents().name(),
            topics.agents().keySerde().serializer().serialize(topics.agents().name(), e.getAgentId()),
            topics.agents().valueSerde().serializer().serialize(topics.agents().name(), e));
      }
      case ACTION -> {
        CoachingAction e = (CoachingAction) event;
        yield new Encoded(topics.actions().name(),
            topics.actions().keySerde().serializer().serialize(topics.actions().name(), e.getAgentId()),
            topics.actions().valueSerde().serializer().serialize(topics.actions().name(), e));
      }
    };
  }

  /**
   * A byte producer configured like the producer library (idempotent, {@code acks=all}, lz4, 20 ms linger,
   * 128 KiB batches), so raw rates are those a CoachStream sender could reach.
   */
  public static KafkaProducer<byte[], byte[]> producer(Properties client) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L << 20));
    return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /**
   * Sends every record and waits until all are acknowledged; returns the seconds it took.
   *
   * @throws IllegalStateException when Kafka did not acknowledge some records: a rate over records that were
   *     not written would be a false figure, and the run's later stages would wait for input that never comes
   */
  public double produce(Properties client) {
    LongAdder failed = new LongAdder();
    AtomicReference<Exception> firstError = new AtomicReference<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(client)) {
      long began = System.nanoTime();
      for (Encoded r : records) {
        producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (metadata, error) -> {
          if (error != null) {
            failed.increment();
            firstError.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
      if (failed.sum() > 0) {
        throw new IllegalStateException("Kafka did not acknowledge " + failed.sum() + " of " + records.size()
            + " records: " + firstError.get(), firstError.get());
      }
      return (System.nanoTime() - began) / 1e9;
    }
  }

  public int size() {
    return records.size();
  }

  public long bytes() {
    return bytes;
  }

  public double generationSeconds() {
    return generationSeconds;
  }

  public long count(String topic) {
    return records.stream().filter(r -> r.topic().equals(topic)).count();
  }
}
