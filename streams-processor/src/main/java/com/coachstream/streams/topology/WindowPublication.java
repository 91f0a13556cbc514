package com.coachstream.streams.topology;

import com.coachstream.streams.rules.TeamRules;
import com.coachstream.streams.scoring.AgentScorer;
import com.coachstream.streams.scoring.AgentState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * When the scoring task publishes the windows its events changed, by two wall-clock punctuations (so output
 * follows also when no more events arrive, whatever stream time does):
 * <ul>
 * <li>an agent's current window every commit interval ({@code commit.interval.ms}), once however many events
 * changed it in between: a busy agent's window is encoded and sent about once per transaction instead of once
 * per event, and the topic's last value per key is still the window's final state;
 * <li>every other window holding a changed slice within {@code scores.publish.interval} (spread over it by
 * {@link PublicationPacer}), once per agent, longest waiting first, derived in one sweep over its slices.
 * </ul>
 * Which agents have unpublished changes is kept in their state (dirty) and mirrored here: an agent whose
 * current window still waits when a transaction commits is dirty in that transaction's state, so after a crash
 * or a rebalance the restored state publishes its windows again (within {@code scores.publish.interval}).
 */
final class WindowPublication {

  /** In the order they first changed: the longest waiting are published first. */
  private final Set<String> agentsWithUnpublishedWindows = new LinkedHashSet<>();
  /** Agents whose current window changed since the last commit interval's publication. */
  private final Set<String> agentsWithUnpublishedCurrentWindow = new LinkedHashSet<>();
  private final PublicationPacer pacer = new PublicationPacer();
  private final ScoringStores stores;
  private final WindowPublisher publisher;
  private final TeamRules teamRules;
  private final AgentScorer scorer;

  WindowPublication(ScoringStores stores, WindowPublisher publisher, TeamRules teamRules, AgentScorer scorer) {
    this.stores = stores;
    this.publisher = publisher;
    this.teamRules = teamRules;
    this.scorer = scorer;
    // after a restart or rebalance, the unpublished changes are in the restored state
    agentsWithUnpublishedWindows.addAll(stores.agentsWithUnpublishedChanges());
  }

  void schedule(ProcessorContext<?, ?> context, Duration publishInterval) {
    context.schedule(PublicationPacer.tickInterval(publishInterval), PunctuationType.WALL_CLOCK_TIME,
        now -> publishChangedWindows(pacer.take(agentsWithUnpublishedWindows.size())));
    context.schedule(commitInterval(context), PunctuationType.WALL_CLOCK_TIME, now -> publishCurrentWindows());
  }

  /** An event changed the agent's state (and {@code currentWindowChanged}: their current window). */
  void changed(String agentId, boolean currentWindowChanged) {
    agentsWithUnpublishedWindows.add(agentId);
    if (currentWindowChanged) {
      agentsWithUnpublishedCurrentWindow.add(agentId);
    }
  }

  /** Publishes the current window of each agent an event changed since the last call. */
  void publishCurrentWindows() {
    for (String agentId : agentsWithUnpublishedCurrentWindow) {
      AgentState state = stores.state(agentId);
      if (state != null) {
        publisher.publishCurrent(agentId, stores.teamOf(agentId, state), state);
      }
    }
    agentsWithUnpublishedCurrentWindow.clear();
  }

  /** Publishes the changed windows of the {@code count} agents that have waited longest. */
  private void publishChangedWindows(int count) {
    List<String> pending = new ArrayList<>(count);
    Iterator<String> waiting = agentsWithUnpublishedWindows.iterator();
    while (pending.size() < count && waiting.hasNext()) {
      pending.add(waiting.next());
      waiting.remove();
    }
    for (String agentId : pending) {
      AgentState state = stores.state(agentId);
      if (state == null || !state.isDirty()) {
        continue;
      }
      String teamId = stores.teamOf(agentId, state);
      try {
        StoredAgentHistory history = stores.history(agentId);
        publisher.publishChanged(agentId, teamId, state, history, teamRules.forTeam(teamId).policy());
        state.clearDirty();
        scorer.expire(state, history);
        stores.put(agentId, state);
      } catch (RuntimeException e) {
        stores.forgetDecoded(); // the decoded state was changed in place
        throw e;
      }
    }
  }

  /** The configured commit interval (exactly-once's default when none is set). */
  static Duration commitInterval(ProcessorContext<?, ?> context) {
    Object configured = context.appConfigs().get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    long ms = configured == null ? 100 : Long.parseLong(configured.toString());
    return Duration.ofMillis(Math.max(1, ms));
  }
}
