package com.coachstream.schemas.deadletter;

import com.coachstream.schemas.validation.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A rejected record for {@code coaching.dead-letter.v1}: the original key and value bytes, untouched, and
 * the headers of docs/topics.md saying where it came from, at which stage it failed, and why.
 */
public record DeadLetter(
    byte[] key,
    byte[] value,
    Stage stage,
    ReasonCode reason,
    String message,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    Instant failedAt) {

  public static final String STAGE = "coachstream.error.stage";
  public static final String REASON = "coachstream.error.reason";
  public static final String MESSAGE = "coachstream.error.message";
  public static final String SOURCE_TOPIC = "coachstream.source.topic";
  public static final String SOURCE_PARTITION = "coachstream.source.partition";
  public static final String SOURCE_OFFSET = "coachstream.source.offset";
  public static final String FAILED_AT = "coachstream.failed-at";
  /** Set (to the original size) only when the value was too large to keep: the dead letter then has no value. */
  public static final String VALUE_OMITTED_BYTES = "coachstream.error.value-omitted-bytes";

  /**
   * The largest dead letter CoachStream's writers send ({@code max.request.size}) and its dead-letter topic
   * takes ({@code max.message.bytes}): well above any input record a default broker (1 MiB) accepts, so
   * the original bytes can be kept.
   */
  public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

  /** Room left for the key, the headers and the record overhead when a value's size is checked. */
  public static final int HEADROOM_BYTES = 64 * 1024;

  /** Error messages are capped: a hostile value must not blow up the header size. */
  static final int MAX_MESSAGE_LENGTH = 1000;

  /** Where in the pipeline the record failed (docs/topics.md). */
  public enum Stage {
    INGEST, DESERIALIZE, VALIDATE, LATE, DELIVER;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Headers headers() {
    RecordHeaders headers = new RecordHeaders();
    put(headers, STAGE, stage.wireName());
    put(headers, REASON, reason.name());
    put(headers, MESSAGE, message.length() <= MAX_MESSAGE_LENGTH ? message : message.substring(0, MAX_MESSAGE_LENGTH) + "...");
    put(headers, SOURCE_TOPIC, sourceTopic == null ? "" : sourceTopic);
    put(headers, SOURCE_PARTITION, String.valueOf(sourcePartition));
    put(headers, SOURCE_OFFSET, String.valueOf(sourceOffset));
    put(headers, FAILED_AT, failedAt.toString());
    return headers;
  }

  public ProducerRecord<byte[], byte[]> toProducerRecord(String deadLetterTopic) {
    return new ProducerRecord<>(deadLetterTopic, null, null, key, value, headers());
  }

  /**
   * As {@link #toProducerRecord(String)}, but a key or value larger than {@code maxBytes} is left out (the
   * header {@link #VALUE_OMITTED_BYTES} gives its size): a record the producer or the topic refuses
   * would otherwise stop the writer, and the headers still say where the original is.
   */
  public ProducerRecord<byte[], byte[]> toProducerRecord(String deadLetterTopic, int maxBytes) {
    int keyBytes = key == null ? 0 : key.length;
    int valueBytes = value == null ? 0 : value.length;
    if (keyBytes + valueBytes <= maxBytes) {
      return toProducerRecord(deadLetterTopic);
    }
    Headers headers = headers();
    put(headers, VALUE_OMITTED_BYTES, String.valueOf(valueBytes));
    return new ProducerRecord<>(deadLetterTopic, null, null, keyBytes <= maxBytes ? key : null, null, headers);
  }

  /** A header's value as text, or null when absent. */
  public static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
