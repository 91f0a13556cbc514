package com.coachstream.benchmarks.micro;

import com.coachstream.streams.alerts.AlertFactory;
import com.coachstream.streams.alerts.TipLibrary;
import com.coachstream.streams.scoring.AgentScorer;
import com.coachstream.streams.scoring.AgentState;
import com.coachstream.streams.scoring.InMemoryAgentHistory;
import com.coachstream.streams.scoring.ScorableEvent;
import com.coachstream.streams.slip.SlipPolicy;
import com.coachstream.streams.window.WindowSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * One agent with 40 days of history at a window setting, scored the way the processor does it (state,
 * slices and ids in an in-memory history that copies through the codecs like a store), publication
 * punctuations included, so the benchmarks start from the steady state.
 */
final class AgentFixture {

  static final String AGENT = "agent-0001";
  static final String TEAM = "team-01";
  private static final Instant START = Instant.parse("2025-01-06T00:00:00Z");

  final WindowSpec spec;
  final AgentScorer scorer;
  final AgentEvents events = new AgentEvents(AGENT, START, 7);
  final InMemoryAgentHistory history = new InMemoryAgentHistory();
  AgentState state = new AgentState();

  AgentFixture(String windows) {
    spec = spec(windows);
    scorer = new AgentScorer(spec, SlipPolicy.defaults(), new AlertFactory(TipLibrary.defaults()));
    long until = START.plus(Duration.ofDays(40)).toEpochMilli();
    long newest = 0;
    int scored = 0;
    while (newest < until) {
      ScorableEvent event = events.next();
      scorer.score(state, history, event, TEAM);
      newest = event.eventTime();
      if (++scored % 20 == 0) {
        // a publication punctuation: changed windows published, then expiry
        state.clearDirty();
        scorer.expire(state, history);
      }
    }
    state.clearDirty();
    scorer.expire(state, history);
  }

  /** "7d/1d" style: size/advance with the default grace (48 h) and baseline (28 d). */
  static WindowSpec spec(String windows) {
    String[] parts = windows.split("/");
    return new WindowSpec(parse(parts[0]), parse(parts[1]), Duration.ofHours(48), Duration.ofDays(28));
  }

  private static Duration parse(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return text.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n);
  }
}
