package com.coachstream.producer.imports;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.ingest.DuplicateTracker;
import com.coachstream.schemas.json.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;

/**
 * An input event as compact bytes while it waits to be sorted (in memory or in a run file), a fraction of the
 * size of its JSON line: one byte for its kind, the 8-byte fingerprint of its id
 * ({@link DuplicateTracker#idFingerprint}), its agent id (2-byte length, UTF-8; the record's key), then its Avro
 * single-object encoding. With the id and the key beside the Avro bytes, the sender can drop re-sends and send
 * those bytes as they are, without decoding the event and encoding it again.
 */
final class EventCodec {

  private static final int ID_AT = 1;
  private static final int KEY_LENGTH_AT = ID_AT + Long.BYTES;
  private static final int KEY_AT = KEY_LENGTH_AT + Short.BYTES;

  private EventCodec() { }

  static byte[] encode(SpecificRecord event) {
    EventType type = EventType.of(event);
    ByteBuffer avro = singleObjectOf(type, event);
    byte[] key = agentIdOf(type, event).getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.allocate(KEY_AT + key.length + avro.remaining());
    bytes.put((byte) (type.ordinal() + 1));
    bytes.putLong(DuplicateTracker.idFingerprint(event));
    bytes.putShort((short) key.length);
    bytes.put(key);
    bytes.put(avro);
    return bytes.array();
  }

  static SpecificRecord decode(byte[] bytes) {
    ByteBuffer avro = ByteBuffer.wrap(bytes, avroStart(bytes), bytes.length - avroStart(bytes));
    try {
      return switch (type(bytes)) {
        case INTERACTION -> InteractionEvent.fromByteBuffer(avro);
        case QA_EVALUATION -> QaEvaluation.fromByteBuffer(avro);
        case AGENT -> AgentProfile.fromByteBuffer(avro);
        case ACTION -> CoachingAction.fromByteBuffer(avro);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode an event of a sort run", e);
    }
  }

  static EventType type(byte[] bytes) {
    int kind = bytes[0] - 1;
    if (kind < 0 || kind >= EventType.values().length) {
      throw new IllegalArgumentException("Unknown event kind " + bytes[0] + " in a sort run");
    }
    return EventType.values()[kind];
  }

  /** The fingerprint of the event's id, qualified by its kind. */
  static long idFingerprint(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong(ID_AT);
  }

  /** The agent id: the key the event is sent with. */
  static String agentId(byte[] bytes) {
    return new String(bytes, KEY_AT, keyLength(bytes), StandardCharsets.UTF_8);
  }

  /** The event in Avro single-object encoding, exactly as its class's {@code toByteBuffer()} writes it. */
  static byte[] singleObject(byte[] bytes) {
    return Arrays.copyOfRange(bytes, avroStart(bytes), bytes.length);
  }

  private static int avroStart(byte[] bytes) {
    return KEY_AT + keyLength(bytes);
  }

  private static int keyLength(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getShort(KEY_LENGTH_AT) & 0xFFFF;
  }

  private static ByteBuffer singleObjectOf(EventType type, SpecificRecord event) {
    try {
      return switch (type) {
        case INTERACTION -> ((InteractionEvent) event).toByteBuffer();
        case QA_EVALUATION -> ((QaEvaluation) event).toByteBuffer();
        case AGENT -> ((AgentProfile) event).toByteBuffer();
        case ACTION -> ((CoachingAction) event).toByteBuffer();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode an event to sort it", e);
    }
  }

  private static String agentIdOf(EventType type, SpecificRecord event) {
    return switch (type) {
      case INTERACTION -> ((InteractionEvent) event).getAgentId();
      case QA_EVALUATION -> ((QaEvaluation) event).getAgentId();
      case AGENT -> ((AgentProfile) event).getAgentId();
      case ACTION -> ((CoachingAction) event).getAgentId();
    };
  }
}
