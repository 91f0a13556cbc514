package com.coachstream.producer.imports;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.producer.ingest.DuplicateTracker;
import com.coachstream.schemas.json.EventType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
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
  /** Avro's single-object encoding begins with these two bytes, then the schema's 8-byte fingerprint. */
  private static final byte[] SINGLE_OBJECT_MARKER = {(byte) 0xC3, (byte) 0x01};

  /**
   * Each kind's single-object encoding, written here as its class's {@code toByteBuffer()} writes it (the header:
   * marker and schema fingerprint, then the binary datum by the class's own model), but straight into the buffer
   * the sort form is assembled in: Avro's message encoder writes byte by byte into a synchronized stream and
   * copies the result twice.
   */
  private record SingleObject(byte[] header, DatumWriter<SpecificRecord> writer) { }

  private static final Map<EventType, SingleObject> FORMATS = new EnumMap<>(EventType.class);

  static {
    for (EventType type : EventType.values()) {
      Schema schema = SpecificData.get().getSchema(type.recordClass());
      SpecificData model = SpecificData.getForClass(type.recordClass());
      byte[] fingerprint;
      try {
        fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("Avro's CRC-64-AVRO fingerprint is missing", e);
      }
      byte[] header = new byte[SINGLE_OBJECT_MARKER.length + fingerprint.length];
      System.arraycopy(SINGLE_OBJECT_MARKER, 0, header, 0, SINGLE_OBJECT_MARKER.length);
      System.arraycopy(fingerprint, 0, header, SINGLE_OBJECT_MARKER.length, fingerprint.length);
      @SuppressWarnings("unchecked")
      DatumWriter<SpecificRecord> writer = (DatumWriter<SpecificRecord>) model.createDatumWriter(schema);
      FORMATS.put(type, new SingleObject(header, writer));
    }
  }

  /** A growable buffer per thread, reused for every event: only the finished sort form is a new array. */
  private static final class Buffer extends ByteArrayOutputStream {
    BinaryEncoder encoder;

    void writeBigEndian(long value, int bytes) {
      for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
        write((int) (value >>> shift));
      }
    }
  }

  private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

  private EventCodec() { }

  static byte[] encode(SpecificRecord event) {
    EventType type = EventType.of(event);
    byte[] key = agentIdOf(type, event).getBytes(StandardCharsets.UTF_8);
    Buffer buffer = BUFFERS.get();
    buffer.reset();
    buffer.write(type.ordinal() + 1);
    buffer.writeBigEndian(DuplicateTracker.idFingerprint(event), Long.BYTES);
    buffer.writeBigEndian(key.length, Short.BYTES);
    buffer.write(key, 0, key.length);
    SingleObject format = FORMATS.get(type);
    buffer.write(format.header, 0, format.header.length);
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
      buffer.encoder = encoder;
      format.writer.write(event, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode an event to sort it", e);
    }
    return buffer.toByteArray();
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

  private static String agentIdOf(EventType type, SpecificRecord event) {
    return switch (type) {
      case INTERACTION -> ((InteractionEvent) event).getAgentId();
      case QA_EVALUATION -> ((QaEvaluation) event).getAgentId();
      case AGENT -> ((AgentProfile) event).getAgentId();
      case ACTION -> ((CoachingAction) event).getAgentId();
    };
  }
}
