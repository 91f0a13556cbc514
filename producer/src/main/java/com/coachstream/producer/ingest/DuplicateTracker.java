package com.coachstream.producer.ingest;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.json.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Tells, within one import, a first send from an identical re-send (a duplicate, skipped) and from a re-send
 * with changed content (a QA correction or retraction, a roster update: sent). docs/concepts.md.
 *
 * <p>It remembers 64-bit fingerprints ({@link ContentHash}) of the id and of the content, not the events, so a
 * file of millions of events fits in a few tens of megabytes; two different ids sharing a fingerprint is about as
 * likely as one in 3 × 10^7 for a million ids in one tracker (the import's trackers hold one event time's ids).
 * The fingerprints live as long as the tracker and are never stored or sent: they compare events of one import.
 */
public final class DuplicateTracker {

  /** What a record is, compared with the ones seen before it. */
  public enum Verdict {
    /** First time this id is seen. */
    NEW,
    /** Same id, identical content: skip it. */
    DUPLICATE,
    /** Same id, different content: a correction, retraction or update; send it. */
    CHANGED
  }

  private final Map<Long, Long> contentById = new HashMap<>();

  public Verdict observe(SpecificRecord event) {
    return observe(event, EventJson.toJson(event).toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * As {@link #observe(SpecificRecord)}, with the event's content already encoded by the caller in a form that
   * is equal exactly when the events are (the import has each event's Avro encoding at hand: fingerprinting it
   * costs a fraction of writing the event as JSON again, where two of five thread samples of an import found it).
   */
  public Verdict observe(SpecificRecord event, byte[] encodedContent) {
    return observe(idFingerprint(event), encodedContent);
  }

  /**
   * As {@link #observe(SpecificRecord, byte[])}, with the event's {@link #idFingerprint} taken when it was read:
   * the import sends its events without decoding them again.
   */
  public Verdict observe(long idFingerprint, byte[] encodedContent) {
    long content = ContentHash.of(encodedContent);
    Long previous = contentById.put(idFingerprint, content);
    if (previous == null) {
      return Verdict.NEW;
    }
    return previous == content ? Verdict.DUPLICATE : Verdict.CHANGED;
  }

  /** Number of distinct ids seen. */
  public int size() {
    return contentById.size();
  }

  /** The 64-bit fingerprint of the event's {@link #identity}: what this tracker remembers of it. */
  public static long idFingerprint(SpecificRecord event) {
    return fingerprint(identity(event));
  }

  /** The id of an event, qualified by its kind: an interaction and an evaluation may share an id. */
  static String identity(SpecificRecord event) {
    if (event instanceof InteractionEvent e) {
      return "interaction\u0000" + e.getInteractionId();
    }
    if (event instanceof QaEvaluation e) {
      return "qa_evaluation\u0000" + e.getEvaluationId();
    }
    if (event instanceof AgentProfile e) {
      return "agent\u0000" + e.getAgentId();
    }
    if (event instanceof CoachingAction e) {
      return "action\u0000" + e.getAgentId() + "\u0000" + e.getActionId();
    }
    throw new IllegalArgumentException("Not an input event: " + event.getClass().getName());
  }

  private static long fingerprint(String text) {
    return ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
