package com.coachstream.schemas.validation;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.Criterion;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.skills.SkillTaxonomy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The validation rules of docs/concepts.md. Every check returns all the rules a record breaks, each with a stable
 * {@link ReasonCode}, so a sender can fix everything at once; the first one is the record's reason.
 */
public final class EventValidator {

  public static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * Whether {@code value} matches {@link #AGENT_ID}, by a plain loop: it runs for every event of an import and
   * every send, where the regular expression showed in a profile.
   */
  public static boolean isAgentId(String value) {
    if (value.isEmpty() || value.length() > 64) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
  /** How far in the future an event time may be: clocks of sending systems drift, but not by hours. */
  public static final Duration MAX_FUTURE = Duration.ofHours(1);

  private final SkillTaxonomy taxonomy;
  private final Clock clock;

  public EventValidator(SkillTaxonomy taxonomy, Clock clock) {
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  public static EventValidator withDefaults() {
    return new EventValidator(SkillTaxonomy.defaults(), Clock.systemUTC());
  }

  public SkillTaxonomy taxonomy() {
    return taxonomy;
  }

  public List<Violation> check(InteractionEvent event) {
    Checks c = new Checks();
    c.required("interactionId", event.getInteractionId());
    c.agentId("agentId", event.getAgentId());
    c.present("channel", event.getChannel());
    c.present("startedAt", event.getStartedAt());
    c.present("endedAt", event.getEndedAt());
    if (event.getStartedAt() != null && event.getEndedAt() != null) {
      if (event.getEndedAt().isBefore(event.getStartedAt())) {
        c.add(ReasonCode.END_BEFORE_START, "endedAt",
            "endedAt " + event.getEndedAt() + " is before startedAt " + event.getStartedAt());
      }
      c.notInFuture("endedAt", event.getEndedAt());
    }
    c.range("holdSeconds", event.getHoldSeconds(), 0, Integer.MAX_VALUE);
    c.range("transfers", event.getTransfers(), 0, Integer.MAX_VALUE);
    if (event.getCsat() != null) {
      c.range("csat", event.getCsat(), 1, 5);
    }
    if (event.getSentiment() != null) {
      c.range("sentiment", event.getSentiment(), -1, 1);
    }
    if (event.getSkillSignals() != null) {
      for (Map.Entry<String, Double> signal : event.getSkillSignals().entrySet()) {
        String field = "skillSignals." + signal.getKey();
        c.skill(field, signal.getKey());
        c.range(field, signal.getValue(), 0, 100);
      }
    }
    return c.violations;
  }

  public List<Violation> check(QaEvaluation evaluation) {
    Checks c = new Checks();
    c.required("evaluationId", evaluation.getEvaluationId());
    c.agentId("agentId", evaluation.getAgentId());
    c.present("evaluatedAt", evaluation.getEvaluatedAt());
    c.notInFuture("evaluatedAt", evaluation.getEvaluatedAt());
    List<Criterion> criteria = evaluation.getCriteria();
    if (criteria == null || criteria.isEmpty()) {
      c.add(ReasonCode.MISSING_FIELD, "criteria", "at least one criterion is required");
    } else {
      for (int i = 0; i < criteria.size(); i++) {
        Criterion criterion = criteria.get(i);
        String field = "criteria[" + i + "]";
        if (c.required(field + ".skill", criterion.getSkill())) {
          c.skill(field + ".skill", criterion.getSkill());
        }
        if (!(criterion.getMaxScore() > 0) || !Double.isFinite(criterion.getMaxScore())) {
          c.add(ReasonCode.OUT_OF_RANGE, field + ".maxScore", "maxScore must be > 0, was " + criterion.getMaxScore());
        } else {
          c.range(field + ".score", criterion.getScore(), 0, criterion.getMaxScore());
        }
        if (!(criterion.getWeight() > 0) || !Double.isFinite(criterion.getWeight())) {
          c.add(ReasonCode.OUT_OF_RANGE, field + ".weight", "weight must be > 0, was " + criterion.getWeight());
        }
      }
    }
    return c.violations;
  }

  public List<Violation> check(AgentProfile profile) {
    Checks c = new Checks();
    c.agentId("agentId", profile.getAgentId());
    c.required("displayName", profile.getDisplayName());
    return c.violations;
  }

  /**
   * A supervisor's action (docs/concepts.md, the coaching loop): ids, actor and time; an alert or a category
   * to tie it to; and what its type needs (SNOOZED an {@code until} after {@code at}, DISMISSED a reason,
   * COACHED a {@code sessionAt}; skills of the taxonomy). The free-text note is never quoted.
   */
  public List<Violation> check(CoachingAction action) {
    Checks c = new Checks();
    c.required("actionId", action.getActionId());
    c.agentId("agentId", action.getAgentId());
    c.present("type", action.getType());
    c.required("actorId", action.getActorId());
    c.present("at", action.getAt());
    c.notInFuture("at", action.getAt());
    if (action.getAlertId() != null && action.getAlertId().isBlank()) {
      c.add(ReasonCode.MISSING_FIELD, "alertId", "alertId must not be blank when present");
    } else if (action.getAlertId() == null && action.getCategory() == null && !coachedWithSkills(action)) {
      c.add(ReasonCode.MISSING_FIELD, "category",
          "an action needs an alertId or a category to apply to (a COACHED one may name its skills instead)");
    }
    if (action.getType() != null) {
      switch (action.getType()) {
        case SNOOZED -> {
          c.present("until", action.getUntil());
          if (action.getUntil() != null && action.getAt() != null && !action.getUntil().isAfter(action.getAt())) {
            c.add(ReasonCode.OUT_OF_RANGE, "until", "until " + action.getUntil() + " must be after at " + action.getAt());
          }
        }
        case DISMISSED -> c.present("reason", action.getReason());
        case COACHED -> {
          c.present("sessionAt", action.getSessionAt());
          c.notInFuture("sessionAt", action.getSessionAt());
        }
        default -> { }
      }
    }
    List<String> skills = action.getSkills();
    for (int i = 0; skills != null && i < skills.size(); i++) {
      if (c.required("skills[" + i + "]", skills.get(i))) {
        c.skill("skills[" + i + "]", skills.get(i));
      }
    }
    return c.violations;
  }

  /** A coaching session logged without an alert is measured in the category of the first skill it names. */
  private static boolean coachedWithSkills(CoachingAction action) {
    return action.getType() == com.coachstream.avro.ActionType.COACHED && action.getSkills() != null
        && !action.getSkills().isEmpty();
  }

  /** Throws a {@link ValidationException} listing every violation, if there is any. */
  public static void requireValid(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /** Collects the violations of one record. */
  private final class Checks {
    final List<Violation> violations = new ArrayList<>();

    void add(ReasonCode reason, String field, String message) {
      violations.add(new Violation(reason, field, message));
    }

    boolean required(String field, String value) {
      if (value == null || value.isBlank()) {
        add(ReasonCode.MISSING_FIELD, field, field + " is required");
        return false;
      }
      return true;
    }

    void present(String field, Object value) {
      if (value == null) {
        add(ReasonCode.MISSING_FIELD, field, field + " is required");
      }
    }

    void agentId(String field, String value) {
      if (required(field, value) && !isAgentId(value)) {
        add(ReasonCode.INVALID_ID, field, field + " must be 1-64 characters of [A-Za-z0-9._:-], was '" + abbreviate(value) + "'");
      }
    }

    void range(String field, double value, double min, double max) {
      if (Double.isNaN(value) || value < min || value > max) {
        add(ReasonCode.OUT_OF_RANGE, field, field + " must be between " + format(min) + " and " + format(max) + ", was " + format(value));
      }
    }

    void skill(String field, String name) {
      if (taxonomy.resolve(name).isEmpty()) {
        add(ReasonCode.UNKNOWN_SKILL, field, "'" + abbreviate(name) + "' is not a skill of the taxonomy nor a configured alias");
      }
    }

    void notInFuture(String field, Instant time) {
      if (time != null && time.isAfter(clock.instant().plus(MAX_FUTURE))) {
        add(ReasonCode.FUTURE_TIMESTAMP, field, field + " " + time + " is more than " + MAX_FUTURE.toMinutes() + " minutes in the future");
      }
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
