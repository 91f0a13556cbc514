package com.coachstream.streams.topology;

import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.registry.SchemaRegistryException;
import com.coachstream.schemas.serde.AvroDecodingException;
import com.coachstream.schemas.validation.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams exception handlers that send rejected records to the dead-letter topic (docs/topics.md) with the
 * original key and value bytes and go on. The dead letters are written by Kafka Streams' own producer, so
 * under exactly-once they commit or abort with the input offsets. Messages logged never include values
 * (customerRef is PII).
 */
public final class DeadLetterHandlers {

  /** Streams property naming the dead-letter topic, set by {@link StreamsSettings#streamsProperties}. */
  public static final String DEAD_LETTER_TOPIC_CONFIG = "coachstream.dead-letter.topic";
  /**
   * Streams property: the largest key plus value a dead letter keeps (the producer's {@code max.request.size}
   * less headroom for headers); a larger original is dead-lettered without its value rather than refused by
   * the producer, which would stop the stream thread.
   */
  public static final String DEAD_LETTER_MAX_BYTES_CONFIG = "coachstream.dead-letter.max.bytes";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandlers.class);

  private DeadLetterHandlers() { }

  /** Where dead letters go and how large they may be, from the Streams properties. */
  record Target(String topic, int maxBytes) {

    static Target of(Map<String, ?> configs) {
      Object topic = configs.get(DEAD_LETTER_TOPIC_CONFIG);
      if (topic == null) {
        throw new IllegalStateException(DEAD_LETTER_TOPIC_CONFIG + " is not set");
      }
      Object max = configs.get(DEAD_LETTER_MAX_BYTES_CONFIG);
      return new Target(topic.toString(), max == null ? Integer.MAX_VALUE : Integer.parseInt(max.toString()));
    }

    ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
        DeadLetter.Stage stage, ReasonCode reason, String message) {
      log.info("Dead letter from {}-{}@{}: {} {}: {}", context.topic(), context.partition(), context.offset(),
          stage.wireName(), reason, message);
      return new DeadLetter(key, value, stage, reason, message, context.topic(), context.partition(), context.offset(),
          Instant.now()).toProducerRecord(topic, maxBytes);
    }
  }

  /** Undecodable bytes on an input topic: stage {@code deserialize}, reason BAD_AVRO or UNKNOWN_SCHEMA. */
  public static final class Deserialization implements DeserializationExceptionHandler {
    private Target target;

    @Override
    public void configure(Map<String, ?> configs) {
      target = Target.of(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      if (registryUnavailable(exception)) {
        // the record may be fine: stop rather than dead-letter every record while the registry is down
        log.error("Schema registry unavailable while decoding {}-{}@{}", context.topic(), context.partition(),
            context.offset(), exception);
        return Response.fail();
      }
      ReasonCode reason = exception instanceof AvroDecodingException avro ? avro.reason() : ReasonCode.BAD_AVRO;
      return Response.resume(List.of(target.deadLetter(context, record.key(), record.value(),
          DeadLetter.Stage.DESERIALIZE, reason, String.valueOf(exception.getMessage()))));
    }
  }

  private static boolean registryUnavailable(Throwable exception) {
    if (exception instanceof AvroDecodingException) {
      return false; // a schema id the registry does not know: the record is undecodable
    }
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A {@link RejectedRecordException} from a processor: stage and reason from the exception. Anything else
   * is a bug and stops processing rather than hiding it in the dead-letter topic.
   */
  public static final class Processing implements ProcessingExceptionHandler {
    private Target target;

    @Override
    public void configure(Map<String, ?> configs) {
      target = Target.of(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof RejectedRecordException rejected) {
          return Response.resume(List.of(target.deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
              rejected.stage(), rejected.reason(), rejected.getMessage())));
        }
      }
      log.error("Processing failed in {} for {}-{}@{}", context.processorNodeId(), context.topic(), context.partition(),
          context.offset(), exception);
      return Response.fail();
    }
  }
}
