package com.coachstream.systemtests.support;

import java.util.Arrays;
import java.util.Random;

/**
 * Bytes a source system should never send, to feed the pipeline on purpose: noise, a cut-off record, and a
 * value larger than the broker takes. Plain byte arrays: no Kafka, no Avro.
 */
public final class PoisonPills {

  /** The broker's {@code message.max.bytes} in {@code LocalKafkaBroker}: 2 MiB. */
  public static final int BROKER_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

  private PoisonPills() { }

  /**
   * Random bytes that cannot be mistaken for Avro's single-object encoding: the first byte is never the
   * marker's {@code C3}.
   */
  public static byte[] noise(int length, Random random) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    bytes[0] = 0x00;
    return bytes;
  }

  /** The first half of an encoded record: the header is whole, the body is cut off. */
  public static byte[] truncated(byte[] encoded) {
    return Arrays.copyOf(encoded, Math.max(11, encoded.length / 2));
  }

  /** Noise larger than the broker accepts: refused at produce time, so it never reaches the pipeline. */
  public static byte[] overBrokerLimit(Random random) {
    return noise(BROKER_MAX_MESSAGE_BYTES + 512 * 1024, random);
  }

  /**
   * Noise the broker accepts (1.5 MiB) but larger than a Kafka client's default {@code max.request.size}
   * (1 MiB): a dead letter carrying it must still be writable.
   */
  public static byte[] underBrokerLimit(Random random) {
    return noise(BROKER_MAX_MESSAGE_BYTES * 3 / 4, random);
  }
}
