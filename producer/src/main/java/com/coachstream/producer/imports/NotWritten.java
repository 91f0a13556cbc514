package com.coachstream.producer.imports;

/**
 * A valid line of an import file that Kafka did not acknowledge: its send failed, or it was not sent because
 * an earlier send had failed. Like {@link Rejection}, it never carries the line's content.
 */
public record NotWritten(String file, long line, Why why) {

  /** Why the line is not on its topic. */
  public enum Why {
    /** Sent, and Kafka did not acknowledge it (timed out, or refused it). */
    SEND_FAILED("send failed"),
    /** Not sent: the import stops sending at its first failed send, so as not to write later events before it. */
    NOT_SENT("not sent after the first failed send");

    private final String text;

    Why(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + why.text();
  }
}
