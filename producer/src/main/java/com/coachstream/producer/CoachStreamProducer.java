package com.coachstream.producer;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.kafka.TopicReadiness;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.registry.WireFormat;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.coachstream.schemas.validation.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Java API for contact-center systems: validates each event at the edge (docs/concepts.md), then sends it keyed
 * by agent id to its topic with the catalogue's serdes, on an idempotent {@code acks=all} producer.
 *
 * <p>{@link #send} throws {@link ValidationException} (listing every violation) before anything reaches
 * Kafka; a Kafka failure completes the returned future exceptionally with a
 * {@link SendFailedException} saying whether the broker did not answer in time or refused the record. {@link #flush()} and
 * {@link #close()} wait until every sent record is acknowledged or has failed: nothing is lost silently.
 */
public final class CoachStreamProducer implements AutoCloseable {

  private final KafkaProducer<byte[], byte[]> producer;
  private final Topics topics;
  private final EventValidator validator;
  private final String bootstrapServers;
  private final Properties adminProperties;
  /** How long {@link #awaitBroker()} waits for the input topics to accept writes: as long as a send may block. */
  private final Duration readyWait;

  /** For tests and embedding: explicit client properties (bootstrap + any client setting), topics, rules. */
  public CoachStreamProducer(Properties clientProperties, Topics topics, EventValidator validator) {
    Properties props = ProducerProperties.withGuarantees(clientProperties);
    this.bootstrapServers = props.getProperty("bootstrap.servers", "?");
    // the client checks every setting first, so a bad max.block.ms is Kafka's own clear error
    this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    this.adminProperties = ProducerProperties.forAdmin(props);
    this.readyWait = Duration.ofMillis(Long.parseLong(String.valueOf(props.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).trim()));
    this.topics = topics;
    this.validator = validator;
  }

  /** The producer a service builds from its settings: {@code bootstrap.servers}, {@code kafka.*}, {@code topic.*}. */
  public static CoachStreamProducer create(Settings settings) {
    return new CoachStreamProducer(KafkaSettings.clientProperties(settings),
        KafkaSettings.topics(settings), EventValidator.withDefaults());
  }

  public Topics topics() {
    return topics;
  }

  public EventValidator validator() {
    return validator;
  }

  /**
   * Validates and sends an {@link InteractionEvent}, {@link QaEvaluation}, {@link AgentProfile} or a
   * supervisor's {@link CoachingAction} (to the actions topic, keyed by agent id).
   *
   * @throws ValidationException with every broken rule; nothing was sent
   * @throws IllegalArgumentException for a record that is not an input event
   */
  public CompletableFuture<RecordMetadata> send(SpecificRecord event) {
    EventValidator.requireValid(check(event));
    return sendValidated(event);
  }

  /** The violations of an input event (empty when it may be sent). */
  public List<Violation> check(SpecificRecord event) {
    return EventChecker.violations(validator, event);
  }

  /** Sends an event the caller has already checked with {@link #check}: the import and HTTP paths. */
  public CompletableFuture<RecordMetadata> sendValidated(SpecificRecord event) {
    return switch (EventType.of(event)) {
      case INTERACTION -> {
        InteractionEvent e = (InteractionEvent) event;
        yield sendTo(topics.interactions(), e.getAgentId(), e);
      }
      case QA_EVALUATION -> {
        QaEvaluation e = (QaEvaluation) event;
        yield sendTo(topics.qaEvaluations(), e.getAgentId(), e);
      }
      case AGENT -> {
        AgentProfile e = (AgentProfile) event;
        yield sendTo(topics.agents(), e.getAgentId(), e);
      }
      case ACTION -> {
        CoachingAction e = (CoachingAction) event;
        yield sendTo(topics.actions(), e.getAgentId(), e);
      }
    };
  }

  /**
   * Whether a record's value goes to its topic in Avro single-object encoding (the wire format
   * {@code single-object}): exactly the bytes the record's own {@code toByteBuffer()} writes, which
   * {@link #sendEncoded} then sends as they are.
   */
  public boolean writesSingleObject() {
    return topics.avro().writeFormat() == WireFormat.SINGLE_OBJECT;
  }

  /**
   * Sends an event the caller has already checked, given as its Avro single-object encoding, keyed by its agent:
   * the import, which holds each event so encoded, sends it without decoding and encoding it again. The record
   * on the topic is byte for byte what {@link #sendValidated} writes for the same event.
   *
   * @throws IllegalStateException when the wire format is not single-object ({@link #writesSingleObject()})
   */
  public CompletableFuture<RecordMetadata> sendEncoded(EventType type, String agentId, byte[] singleObject) {
    if (!writesSingleObject()) {
      throw new IllegalStateException("The wire format is " + topics.avro().writeFormat().id()
          + ": values are not sent in their single-object encoding");
    }
    Topic<String, ?> topic = switch (type) {
      case INTERACTION -> topics.interactions();
      case QA_EVALUATION -> topics.qaEvaluations();
      case AGENT -> topics.agents();
      case ACTION -> topics.actions();
    };
    return sendBytes(topic, agentId, singleObject);
  }

  /**
   * Sends a supervisor's action (key: its agent) as it is; the streams processor validates it. Used by the
   * simulated supervisors.
   */
  public CompletableFuture<RecordMetadata> sendAction(CoachingAction action) {
    return sendTo(topics.actions(), action.getAgentId(), action);
  }

  /** Sends a tombstone for the agent: the compacted roster topic forgets it. */
  public CompletableFuture<RecordMetadata> removeAgent(String agentId) {
    if (agentId == null || !EventValidator.isAgentId(agentId)) {
      throw new ValidationException(ReasonCode.INVALID_ID, "agentId",
          "agentId must be 1-64 characters of [A-Za-z0-9._:-], was '" + agentId + "'");
    }
    return sendTo(topics.agents(), agentId, null);
  }

  /**
   * Waits until the broker answers and every partition of every input topic accepts writes (its leader
   * holds it: {@link TopicReadiness}), so a service fails at start-up with a clear message rather than at its
   * first event, and never writes to a topic created a moment ago before its partitions are ready (which can
   * stall and lose an idempotent producer's first batch on brokers before Kafka 4.5).
   *
   * @throws SendFailedException when that does not happen within {@code max.block.ms}
   */
  public void awaitBroker() {
    List<String> inputs = List.of(topics.interactions().name(), topics.qaEvaluations().name(), topics.agents().name());
    try {
      TopicReadiness.awaitWritable(adminProperties, inputs, readyWait);
    } catch (IllegalStateException | KafkaException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // stopped by its owner, not a broker that is down
      }
      throw SendFailedException.notReady(e, bootstrapServers);
    }
  }

  /** Blocks until every record sent so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** Flushes, then closes; records still unacknowledged after {@code timeout} fail their futures. */
  public void close(Duration timeout) {
    producer.close(timeout);
  }

  private <V extends SpecificRecord> CompletableFuture<RecordMetadata> sendTo(Topic<String, V> topic, String agentId, V value) {
    byte[] bytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    return sendBytes(topic, agentId, bytes);
  }

  private CompletableFuture<RecordMetadata> sendBytes(Topic<String, ?> topic, String agentId, byte[] bytes) {
    byte[] key = topic.keySerde().serializer().serialize(topic.name(), agentId);
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      producer.send(new ProducerRecord<>(topic.name(), key, bytes), (metadata, error) -> {
        if (error == null) {
          result.complete(metadata);
        } else {
          result.completeExceptionally(SendFailedException.explain(error, bootstrapServers, topic.name()));
        }
      });
    } catch (RuntimeException e) {
      // send() itself throws when the producer is closed or the buffer stayed full past max.block.ms.
      result.completeExceptionally(SendFailedException.explain(e, bootstrapServers, topic.name()));
    }
    return result;
  }
}
