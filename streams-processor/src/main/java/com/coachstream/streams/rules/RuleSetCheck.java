package com.coachstream.streams.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a rule set read from the rules topic may replace the rules in force for its key: its settings must
 * pass {@link RuleBook#problems}, its teamId must be the record key, and its version must be above the one
 * in force (the topic's versions only increase; an older or equal one is a stale or replayed write).
 */
public final class RuleSetCheck {

  private final RuleBook book;

  public RuleSetCheck(RuleBook book) {
    this.book = book;
  }

  /** Every reason {@code candidate}, read under {@code key}, cannot replace {@code inForce} (null: none yet). */
  public List<String> problems(String key, RuleVersion candidate, RuleVersion inForce) {
    List<String> problems = new ArrayList<>();
    if (!candidate.teamId().equals(key)) {
      problems.add("The record key must be the rule set's teamId '" + candidate.teamId() + "', was "
          + (key == null ? "null" : "'" + key + "'"));
    }
    if (candidate.version() < 1) {
      problems.add("A rule set's version starts at 1, was " + candidate.version());
    } else if (inForce != null && candidate.version() <= inForce.version()) {
      problems.add("Version " + candidate.version() + " of the " + RuleVersion.where(candidate.teamId())
          + " is not above the version in force, " + inForce.version());
    }
    problems.addAll(book.problems(candidate.teamId(), candidate.settings()));
    return problems;
  }
}
