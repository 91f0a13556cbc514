package com.coachstream.systemtests.support;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes simulated events to the input topics with strictly increasing record timestamps, one millisecond
 * apart, so the input has one order. Kafka Streams takes records of the three input topics of a task in
 * timestamp order when they are already on the broker ({@code max.task.idle.ms=0} waits to fetch them), so
 * two applications reading this input, or one that crashes and replays part of it, see every agent's events
 * in the same order. (With wall-clock timestamps, events of two topics sent in the same millisecond could be
 * taken in either order, and an alert may then be triggered by the other one of two events.)
 * Events are validated as the producer library would, and written idempotently with {@code acks=all}.
 */
public final class OrderedInput implements EventSink {

  private final KafkaProducer<byte[], byte[]> producer;
  private final Topics topics;
  private final EventValidator validator = EventValidator.withDefaults();
  private final UnaryOperator<SpecificRecord> rewrite;
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private long nextTimestamp;
  private long sent;

  /**
   * @param firstTimestamp the first record's timestamp; the n-th gets {@code firstTimestamp + n} ms
   * @param rewrite applied to every event before it is validated and sent (identity for the simulator's own)
   */
  public OrderedInput(Properties client, Topics topics, Instant firstTimestamp, UnaryOperator<SpecificRecord> rewrite) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.topics = topics;
    this.nextTimestamp = firstTimestamp.toEpochMilli();
    this.rewrite = rewrite;
  }

  public OrderedInput(Properties client, Topics topics, Instant firstTimestamp) {
    this(client, topics, firstTimestamp, UnaryOperator.identity());
  }

  @Override
  public void accept(SimulatedEvent simulated) {
    Exception failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException("An earlier record was not stored", failed);
    }
    SpecificRecord event = rewrite.apply(simulated.event());
    if (event instanceof InteractionEvent e) {
      EventValidator.requireValid(validator.check(e));
      send(topics.interactions(), e.getAgentId(), e);
    } else if (event instanceof QaEvaluation e) {
      EventValidator.requireValid(validator.check(e));
      send(topics.qaEvaluations(), e.getAgentId(), e);
    } else if (event instanceof CoachingAction e) {
      send(topics.actions(), e.getAgentId(), e); // validated by the streams processor
    } else {
      AgentProfile e = (AgentProfile) event;
      EventValidator.requireValid(validator.check(e));
      send(topics.agents(), e.getAgentId(), e);
    }
  }

  private <V> void send(Topic<String, V> topic, String agentId, V value) {
    byte[] key = topic.keySerde().serializer().serialize(topic.name(), agentId);
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), null, nextTimestamp++, key, bytes), (metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
    });
    sent++;
  }

  /** Records sent so far. */
  public long sent() {
    return sent;
  }

  /** Waits until every record is acknowledged; throws if one was not. */
  @Override
  public void close() {
    producer.close();
    Exception failed = failure.get();
    if (failed != null) {
      throw new IllegalStateException("Not every input record was stored", failed);
    }
  }
}
