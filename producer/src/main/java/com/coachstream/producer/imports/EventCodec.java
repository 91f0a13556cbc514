package com.coachstream.producer.imports;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.specific.SpecificRecord;

/**
 * An input event as compact bytes while it waits to be sorted (in memory or in a run file): one byte for
 * its kind, then its Avro single-object encoding, a fraction of the size of its JSON line.
 */
final class EventCodec {

  private static final byte INTERACTION = 1;
  private static final byte QA_EVALUATION = 2;
  private static final byte AGENT = 3;
  private static final byte ACTION = 4;

  private EventCodec() { }

  static byte[] encode(SpecificRecord event) {
    try {
      ByteBuffer avro;
      byte kind;
      if (event instanceof InteractionEvent interaction) {
        kind = INTERACTION;
        avro = interaction.toByteBuffer();
      } else if (event instanceof QaEvaluation evaluation) {
        kind = QA_EVALUATION;
        avro = evaluation.toByteBuffer();
      } else if (event instanceof AgentProfile agent) {
        kind = AGENT;
        avro = agent.toByteBuffer();
      } else if (event instanceof CoachingAction action) {
        kind = ACTION;
        avro = action.toByteBuffer();
      } else {
        throw new IllegalArgumentException("Not an input event: " + event.getClass().getName());
      }
      byte[] bytes = new byte[1 + avro.remaining()];
      bytes[0] = kind;
      avro.get(bytes, 1, avro.remaining());
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode an event to sort it", e);
    }
  }

  static SpecificRecord decode(byte[] bytes) {
    ByteBuffer avro = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    try {
      return switch (bytes[0]) {
        case INTERACTION -> InteractionEvent.fromByteBuffer(avro);
        case QA_EVALUATION -> QaEvaluation.fromByteBuffer(avro);
        case AGENT -> AgentProfile.fromByteBuffer(avro);
        case ACTION -> CoachingAction.fromByteBuffer(avro);
        default -> throw new IllegalArgumentException("Unknown event kind " + bytes[0] + " in a sort run");
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot decode an event of a sort run", e);
    }
  }
}
