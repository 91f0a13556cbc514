package com.coachstream.producer.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one event of a request, at its 0-based {@code index} in the body: {@code accepted} (with
 * where Kafka stored it), {@code rejected} (with the reason code, field and message) or {@code failed}
 * (valid, but Kafka did not acknowledge it: send it again).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(int index, String status, String reason, String field, String message,
    String topic, Integer partition, Long offset) {

  static RecordResult accepted(int index, String topic, int partition, long offset) {
    return new RecordResult(index, "accepted", null, null, null, topic, partition, offset);
  }

  static RecordResult rejected(int index, String reason, String field, String message) {
    return new RecordResult(index, "rejected", reason, field, message, null, null, null);
  }

  static RecordResult failed(int index, String message) {
    return new RecordResult(index, "failed", "KAFKA_UNAVAILABLE", null, message, null, null, null);
  }
}
