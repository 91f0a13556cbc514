package com.coachstream.streams.topology;

import com.coachstream.streams.rules.RuleVersion;

/**
 * What {@link CoachingTopology#RULES_STORE} keeps per team (or {@code *}): the rules in force, and the last
 * rule set refused for that key, until it is reported to the dead-letter topic.
 *
 * @param inForce the newest valid rule set, or null when none was ever valid
 * @param refused the refused record, or null
 */
record StoredRules(RuleVersion inForce, Refused refused) {

  /** A refused rule set: its bytes as on the topic, why it was refused and where it was read. */
  record Refused(String label, byte[] key, byte[] value, String reason, String topic, int partition, long offset,
      long refusedAtMs) { }
}
