package com.coachstream.streams.topology;

import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.EffectStatus;
import com.coachstream.streams.effect.AgentDay;
import com.coachstream.streams.effect.CategorySums;
import com.coachstream.streams.effect.EffectMeasurement;
import com.coachstream.streams.effect.EffectRecords;
import com.coachstream.streams.effect.EffectRules;
import com.coachstream.streams.effect.Session;
import com.coachstream.streams.effect.MemberTimes;
import com.coachstream.streams.effect.TeamClock;
import com.coachstream.streams.effect.TeamMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Measures coaching effects in the team's partition (input keyed by team id): keeps each agent's day sums
 * ({@link AgentDay}, a later value of a day replacing the earlier one), the team's sessions and its
 * {@link TeamClock} (members from the roster's {@link TeamMember} changes and from the days), and publishes a {@link CoachingEffect} per session. A new session is measured at once;
 * the team's open sessions are measured again when the team's event time enters a new day or passes the
 * closing time of one of them, each reading only the days of its own two periods. A closed measurement
 * (FINAL, INSUFFICIENT_DATA) is never published again; days and sessions older than any open or late
 * recorded session can need are dropped.
 */
final class TeamEffectProcessor implements Processor<String, Object, String, CoachingEffect> {

  private final EffectRules rules;
  private final long dayMs;
  private ProcessorContext<String, CoachingEffect> context;
  private KeyValueStore<Bytes, AgentDay> days;
  private KeyValueStore<Bytes, Session> sessions;
  private KeyValueStore<String, TeamClock> clocks;
  private KeyValueStore<Bytes, Long> members;
  private KeyValueStore<String, CoachingEffect> effects;

  TeamEffectProcessor(EffectRules rules, long dayMs) {
    this.rules = rules;
    this.dayMs = dayMs;
  }

  @Override
  public void init(ProcessorContext<String, CoachingEffect> context) {
    this.context = context;
    days = context.getStateStore(CoachingTopology.TEAM_DAYS_STORE);
    sessions = context.getStateStore(CoachingTopology.TEAM_SESSIONS_STORE);
    clocks = context.getStateStore(CoachingTopology.TEAM_CLOCK_STORE);
    members = context.getStateStore(CoachingTopology.TEAM_MEMBERS_STORE);
    effects = context.getStateStore(CoachingTopology.EFFECTS_STORE);
  }

  @Override
  public void process(Record<String, Object> record) {
    String teamId = record.key();
    TeamClock stored = clocks.get(teamId);
    MemberTimes memberTimes = new StoredMemberTimes(members, teamId);
    TeamClock clock = stored == null ? new TeamClock(memberTimes, Long.MAX_VALUE, TeamClock.NONE) : stored.over(memberTimes);
    if (record.value() instanceof AgentDay day) {
      Bytes key = TeamKeys.day(teamId, day.dayStart(), day.agentId());
      if (day.isEmpty()) {
        days.delete(key);
      } else {
        days.put(key, day);
      }
      clock.observe(day.agentId(), day.settledEventTime());
      if (clock.due(dayMs)) {
        evaluateOpenSessions(teamId, clock, record.timestamp());
      }
    } else if (record.value() instanceof TeamMember member) {
      if (member.member()) {
        clock.join(member.agentId());
      } else {
        clock.leave(member.agentId());
      }
    } else if (record.value() instanceof Session session) {
      Bytes key = TeamKeys.session(teamId, session.sessionId());
      if (sessions.get(key) != null) {
        return; // a re-sent action
      }
      sessions.put(key, session);
      List<Session> teamSessions = teamSessions(teamId);
      if (!evaluate(session, teamSessions, teamId.equals(CoachedSessionProcessor.NO_TEAM) ? Long.MAX_VALUE
          : clock.time(), record.timestamp())) {
        clock.nextClose(Math.min(clock.nextClose(), rules.closesAfter(session)));
      }
    }
    clocks.put(teamId, clock);
  }

  /** Measures every open session of the team, then drops what no session can need any more. */
  private void evaluateOpenSessions(String teamId, TeamClock clock, long timestamp) {
    long time = clock.time();
    long nextClose = Long.MAX_VALUE;
    List<Session> teamSessions = teamSessions(teamId);
    for (Session session : teamSessions) {
      CoachingEffect published = effects.get(session.sessionId());
      if (published != null && published.getStatus() != EffectStatus.PENDING) {
        continue;
      }
      if (!evaluate(session, teamSessions, time, timestamp)) {
        nextClose = Math.min(nextClose, rules.closesAfter(session));
      }
    }
    clock.nextClose(nextClose);
    clock.evaluatedDay(Math.floorDiv(time, dayMs) * dayMs);
    long keepFrom = time - rules.retentionMs();
    deleteRange(days, TeamKeys.day(teamId, Long.MIN_VALUE, ""), TeamKeys.day(teamId, keepFrom, ""));
    for (Session session : teamSessions) {
      CoachingEffect published = effects.get(session.sessionId());
      if (session.sessionAt() < keepFrom && published != null && published.getStatus() != EffectStatus.PENDING) {
        sessions.delete(TeamKeys.session(teamId, session.sessionId()));
      }
    }
  }

  /** Measures one session and publishes it when its measurement changed; whether it is now closed. */
  private boolean evaluate(Session session, List<Session> teamSessions, long teamTime, long timestamp) {
    Map<String, SortedMap<Long, CategorySums>> daysByAgent = new HashMap<>();
    String teamId = session.teamId() == null ? CoachedSessionProcessor.NO_TEAM : session.teamId();
    try (KeyValueIterator<Bytes, AgentDay> range = days.range(TeamKeys.day(teamId, rules.firstDay(session), ""),
        TeamKeys.day(teamId, rules.endOfDays(session), ""))) {
      while (range.hasNext()) {
        AgentDay day = range.next().value;
        daysByAgent.computeIfAbsent(day.agentId(), a -> new TreeMap<>()).put(day.dayStart(), day.category(session.category()));
      }
    }
    EffectMeasurement measurement = rules.measure(session, daysByAgent, rules.coachedNearby(session, teamSessions),
        teamTime);
    CoachingEffect effect = EffectRecords.record(session, measurement);
    if (!effect.equals(effects.get(session.sessionId()))) {
      effects.put(session.sessionId(), effect);
      context.forward(new Record<>(session.sessionId(), effect, timestamp), CoachingTopology.EFFECTS_SINK);
    }
    return measurement.closed();
  }

  private List<Session> teamSessions(String teamId) {
    List<Session> result = new ArrayList<>();
    try (KeyValueIterator<Bytes, Session> range = sessions.range(TeamKeys.sessionsFrom(teamId), TeamKeys.sessionsTo(teamId))) {
      range.forEachRemaining(kv -> result.add(kv.value));
    }
    return result;
  }

  /** Deletes the records of [from, to) (also for the team distributions, {@link StoredTeamScoreBook}). */
  static <V> void deleteRange(KeyValueStore<Bytes, V> store, Bytes from, Bytes to) {
    List<Bytes> expired = new ArrayList<>();
    try (KeyValueIterator<Bytes, V> range = store.range(from, to)) {
      while (range.hasNext()) {
        KeyValue<Bytes, V> kv = range.next();
        if (!kv.key.equals(to)) {
          expired.add(kv.key);
        }
      }
    }
    expired.forEach(store::delete);
  }
}
