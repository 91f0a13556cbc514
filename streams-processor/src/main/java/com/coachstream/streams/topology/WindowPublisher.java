package com.coachstream.streams.topology;

import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.streams.effect.AgentDay;
import com.coachstream.streams.scoring.AgentHistory;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.DaySums;
import com.coachstream.streams.scoring.Slice;
import com.coachstream.streams.scoring.WindowRecords;
import com.coachstream.streams.scoring.WindowSweep;
import com.coachstream.streams.scoring.WindowView;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.team.MemberScores;
import com.coachstream.streams.team.TeamScoreReport;
import com.coachstream.streams.window.SourceWatermarks;
import com.coachstream.streams.window.WindowSpec;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends an agent's windows to the skill-scores topic as {@code AgentSkillWindow} records (an empty window as a
 * tombstone): its current window, derived from the running sums of its state, or every window holding a
 * slice changed since the last publication, derived in one sweep over its slices. With
 * {@code slip.team-percentile} on, the category scores of windows go to the agent's team as well
 * ({@link TeamScoreReport}, through {@link CoachingTopology#TEAM_SCORES_TOPIC}), and with the changed windows
 * the full sums of each changed day (slice) go to the team for the coaching effect measurement ({@link AgentDay},
 * through {@link CoachingTopology#EFFECT_INPUTS_SINK}).
 */
final class WindowPublisher {

  private final WindowSpec spec;
  private final SourceWatermarks watermarks;
  private final WindowRecords records;
  private final WindowSweep sweep;
  private final TeamScoreReport teamScores = new TeamScoreReport();
  private final ProcessorContext<Object, Object> context;

  WindowPublisher(WindowSpec spec, SourceWatermarks watermarks, ProcessorContext<Object, Object> context) {
    this.spec = spec;
    this.watermarks = watermarks;
    this.records = new WindowRecords(spec);
    this.sweep = new WindowSweep(spec);
    this.context = context;
  }

  /** The agent's current window as its state has it now (its scores went to the team when an event changed it). */
  void publishCurrent(String agentId, String teamId, AgentState state) {
    publish(agentId, teamId, state.currentWindowStart(spec), state.currentWindow(), state.newestEventTime());
  }

  /**
   * Every window holding a slice in the state's changed range, each one's scores to the team, and each changed
   * day's sums to the team (the state stays marked: the caller clears it).
   */
  void publishChanged(String agentId, String teamId, AgentState state, AgentHistory history, SlipPolicy policy) {
    long first = spec.firstWindowStartContaining(state.dirtyFrom());
    long last = spec.lastWindowStartContaining(state.dirtyTo());
    SortedMap<Long, Slice> slices = history.slices(first, last + spec.sizeMs());
    sweep.sweep(slices, first, last, (windowStart, view) -> {
      publish(agentId, teamId, windowStart, view, state.newestEventTime());
      sendToTeam(policy, state, agentId, teamId, windowStart, view, state.newestEventTime());
    });
    sendChangedDays(agentId, teamId, state, slices.subMap(state.dirtyFrom(), state.dirtyTo() + 1));
  }

  /**
   * The full sums of the changed days to the agent's team (nothing without a known team), the last of them with
   * the time up to which the agent's data is settled. Sent once per agent and publication however many events
   * changed them, not per event: the team takes the latest value of each day, and the changed range is kept in the
   * agent's state until sent, so after a crash the restored state sends them again. Only the last record carries
   * the settled time because the team applies each record as it comes: a settled time on the first would let the
   * team close a measurement before the publication's later days are in (the others say {@link AgentDay#NOT_SETTLED}).
   */
  private void sendChangedDays(String agentId, String teamId, AgentState state, SortedMap<Long, Slice> changed) {
    if (teamId == null || changed.isEmpty()) {
      return;
    }
    long settled = watermarks.settled(state.progress(), spec);
    long lastDay = changed.lastKey();
    for (Map.Entry<Long, Slice> day : changed.entrySet()) {
      long settledWithThis = day.getKey() == lastDay ? settled : AgentDay.NOT_SETTLED;
      AgentDay value = new AgentDay(agentId, teamId, day.getKey(), settledWithThis, DaySums.of(day.getValue()));
      context.forward(new Record<>(teamId, value, state.newestEventTime()), CoachingTopology.EFFECT_INPUTS_SINK);
    }
  }

  /**
   * The window's category scores to the agent's team (nothing with the team-relative rule off in
   * {@code policy}); notes the team in {@code state}.
   */
  void sendToTeam(SlipPolicy policy, AgentState state, String agentId, String teamId, long windowStart, WindowView window,
      long timestamp) {
    List<MemberScores> toTeam = teamScores.of(policy, state, agentId, teamId, windowStart, window);
    for (MemberScores scores : toTeam) {
      context.forward(new Record<>(scores.teamId(), scores, timestamp), CoachingTopology.TEAM_SCORES_SINK);
    }
  }

  /** {@code emptyTimestamp} is the record's Kafka timestamp when the window is empty (a tombstone). */
  private void publish(String agentId, String teamId, long windowStart, WindowView view, long emptyTimestamp) {
    AgentSkillWindow value = records.record(agentId, teamId, windowStart, view);
    long timestamp = value == null ? emptyTimestamp : value.getUpdatedAt().toEpochMilli();
    AgentWindowKey key = WindowRecords.key(agentId, windowStart);
    context.forward(new Record<>(key, value, timestamp), CoachingTopology.SKILL_SCORES_SINK);
  }
}
