package com.coachstream.producer.imports;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import org.apache.avro.specific.SpecificRecord;

/**
 * The time by which an import orders its events: an interaction's {@code endedAt}, an evaluation's
 * {@code evaluatedAt}, a supervisor action's {@code at}, in epoch milliseconds.
 *
 * <p>A roster record ({@link AgentProfile}) has no event time. It gets {@link #ROSTER}, before every event:
 * the streams processor looks up an agent's team in the roster when it scores the agent's events, so the
 * roster must be in place before the first of them (a CCaaS export that lists its agents after their
 * interactions would otherwise score them without a team). Roster records keep their order among themselves
 * (files as given, lines as in the file), so the last line for an agent is still the one that stays.
 */
final class EventTime {

  /** Roster records go before every timed event. */
  static final long ROSTER = Long.MIN_VALUE;

  private EventTime() { }

  static long of(SpecificRecord event) {
    if (event instanceof InteractionEvent interaction) {
      return interaction.getEndedAt().toEpochMilli();
    }
    if (event instanceof QaEvaluation evaluation) {
      return evaluation.getEvaluatedAt().toEpochMilli();
    }
    if (event instanceof CoachingAction action) {
      return action.getAt().toEpochMilli();
    }
    if (event instanceof AgentProfile) {
      return ROSTER;
    }
    throw new IllegalArgumentException("Not an input event: " + event.getClass().getName());
  }
}
