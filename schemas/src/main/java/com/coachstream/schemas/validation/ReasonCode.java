package com.coachstream.schemas.validation;

/**
 * Stable codes for why a record was rejected. They appear in the {@code coachstream.error.reason} header of
 * dead letters, in HTTP ingest answers and in import summaries; scripts match on them, so never rename one.
 */
public enum ReasonCode {
  /** The bytes are not an Avro single-object encoded record of the expected type (or are truncated/corrupt). */
  BAD_AVRO,
  /** The bytes name a writer schema no released version matches. */
  UNKNOWN_SCHEMA,
  /** The input is not well-formed JSON or CSV, or a field has the wrong JSON type. */
  BAD_JSON,
  /** The input line or object does not say which event it is ({@code type}), or names an unknown one. */
  UNKNOWN_TYPE,
  /** A required field is absent or blank. */
  MISSING_FIELD,
  /** A number outside its allowed range (csat 1-5, sentiment -1..1, scores 0..100, score above maxScore, ...). */
  OUT_OF_RANGE,
  /** An agent id that is not 1-64 characters of [A-Za-z0-9._:-]. */
  INVALID_ID,
  /** A skill that is neither in the taxonomy nor a configured alias. */
  UNKNOWN_SKILL,
  /** endedAt before startedAt. */
  END_BEFORE_START,
  /** A timestamp more than one hour in the future. */
  FUTURE_TIMESTAMP,
  /** The record is larger than the configured limit. */
  TOO_LARGE,
  /**
   * The observation is too late to change a window: more than the grace behind the newest event of its own
   * source for the agent, or older than the state kept for the agent.
   */
  LATE,
  /** An alert could not be delivered on a route after the retry budget, or was refused permanently. */
  DELIVERY_FAILED,
  /**
   * A team's rule set on the rules topic that cannot be applied (an unknown or wrong setting, a key other than
   * its teamId, a version not above the one in force): the rules in force stay.
   */
  INVALID_RULES
}
