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
 * the headers of SPEC §8 saying where it came from, at which stage it failed, and why.
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

  /** Error messages are capped: a hostile value must not blow up the header size. */
  static final int MAX_MESSAGE_LENGTH = 1000;

  /** Where in the pipeline the record failed (SPEC §8). */
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

  /** A header's value as text, or null when absent. */
  public static String header(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void put(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
