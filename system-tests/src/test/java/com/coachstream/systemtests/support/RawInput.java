package com.coachstream.systemtests.support;

import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes arbitrary bytes to a topic, as a misbehaving source system would: no validation, no serde. Allows
 * values up to {@value #MAX_REQUEST_BYTES} bytes, more than the broker accepts, so that an oversize value
 * is refused by the broker rather than by this client. Each send waits for its answer.
 */
public final class RawInput implements AutoCloseable {

  public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  /** Where a record was stored, or why it was not. */
  public record Sent(String topic, int partition, long offset, Exception refused) {
    public boolean stored() {
      return refused == null;
    }
  }

  private final KafkaProducer<byte[], byte[]> producer;

  public RawInput(Properties client) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(MAX_REQUEST_BYTES));
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(4 * MAX_REQUEST_BYTES));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
  }

  public Sent send(String topic, byte[] key, byte[] value) {
    try {
      RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
      return new Sent(topic, metadata.partition(), metadata.offset(), null);
    } catch (ExecutionException e) {
      return new Sent(topic, -1, -1, (Exception) e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("No answer from the broker for a record to " + topic, e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
