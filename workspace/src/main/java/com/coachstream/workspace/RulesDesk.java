package com.coachstream.workspace;

import com.coachstream.avro.RuleSet;
import com.coachstream.common.kafka.RulesTopic;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The rules page's access to the rules topic: the rule sets as they are, and a new version written after the
 * same check the configuration gets ({@link Check}, given by whoever starts the workspace).
 */
public final class RulesDesk {

  /** What is wrong with settings as a team's rules, one line each (empty: they can be applied). */
  @FunctionalInterface
  public interface Check {
    List<String> problems(String teamId, Map<String, String> settings);
  }

  /** The settings were refused; nothing was written. */
  static final class Refused extends Exception {
    private final List<String> problems;

    Refused(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  private final RulesTopic topic;
  private final Check check;
  private final Clock clock;

  public RulesDesk(RulesTopic topic, Check check) {
    this(topic, check, Clock.systemUTC());
  }

  RulesDesk(RulesTopic topic, Check check, Clock clock) {
    this.topic = topic;
    this.check = check;
    this.clock = clock;
  }

  /** Every key's newest rule set, by teamId. */
  Map<String, RuleSet> current() {
    return topic.newest();
  }

  /** Writes the next version of {@code teamId}'s rules and returns it; refused when the check finds a problem. */
  RuleSet save(String teamId, Map<String, String> settings, String by, String comment) throws Refused {
    List<String> problems = check.problems(teamId, settings);
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    RuleSet current = current().get(teamId);
    RuleSet next = RuleSet.newBuilder().setTeamId(teamId).setVersion(current == null ? 1 : current.getVersion() + 1)
        .setSettings(new java.util.HashMap<>(settings)).setUpdatedBy(by).setUpdatedAt(clock.instant())
        .setComment(comment == null || comment.isBlank() ? null : comment.trim()).build();
    topic.write(next);
    return next;
  }
}
