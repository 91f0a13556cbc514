package com.coachstream.launcher.demo;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.EffectStatus;
import com.coachstream.producer.simulate.CoachingPlan;
import com.coachstream.producer.simulate.GroundTruth;
import com.coachstream.producer.simulate.TopicFollower;
import com.coachstream.schemas.topics.Topics;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Prints the coaching loop as it happens, one short line each: the supervisors' actions (committed on the
 * actions topic) and each session's effect when its measurement starts and when it closes, the closed ones
 * next to the simulator's true lift. (An effect is updated daily while PENDING: those updates are not printed.)
 */
public final class CoachingLoopPrinter implements AutoCloseable {

  private final Topics topics;
  private final PrintStream out;
  private final Map<String, Double> trueLift = new HashMap<>();
  private final Map<String, EffectStatus> printed = new HashMap<>();
  private final TopicFollower follower;

  public CoachingLoopPrinter(Properties clientProps, Topics topics, GroundTruth truth, PrintStream out) {
    this.topics = topics;
    this.out = out;
    for (CoachingPlan.Session session : truth.sessions()) {
      trueLift.put(session.sessionId(), session.trueLift());
    }
    this.follower = new TopicFollower("demo-coaching-loop", clientProps,
        List.of(topics.actions().name(), topics.effects().name()), this::print);
  }

  private void print(ConsumerRecord<byte[], byte[]> record) {
    String line = record.topic().equals(topics.actions().name())
        ? action(topics.actions().valueSerde().deserializer().deserialize(record.topic(), record.value()))
        : effect(topics.effects().valueSerde().deserializer().deserialize(record.topic(), record.value()));
    if (line != null) {
      out.println(line);
    }
  }

  static String action(CoachingAction a) {
    if (a == null) {
      return null;
    }
    String what = a.getType() == ActionType.COACHED ? "held a coaching session (" + a.getCategory() + ") with"
        : a.getType() == ActionType.DISMISSED ? "dismissed (" + a.getReason() + ") the alert of"
        : a.getType().name().toLowerCase(Locale.ROOT) + " the alert of";
    return String.format(Locale.ROOT, "  action  %s %s %s", a.getActorId(), what, a.getAgentId());
  }

  String effect(CoachingEffect e) {
    if (e == null || e.getStatus() == printed.get(e.getSessionId())) {
      return null;
    }
    printed.put(e.getSessionId(), e.getStatus());
    String who = String.format(Locale.ROOT, "  effect  %s %s %s", e.getAgentId(), e.getCategory(), e.getStatus());
    return switch (e.getStatus()) {
      case PENDING -> who + ": measuring (session " + e.getSessionId() + ")";
      case INSUFFICIENT_DATA -> who + ": too few samples or no comparison agent";
      case FINAL -> who + String.format(Locale.ROOT, ": %+.1f points (truth %s; before/after alone %+.1f, team %+.1f over %d agents)",
          e.getEffect(), trueLift.containsKey(e.getSessionId())
              ? String.format(Locale.ROOT, "%+.1f", trueLift.get(e.getSessionId())) : "unknown",
          e.getChange(), e.getComparisonChange(), e.getComparisonAgents());
    };
  }

  @Override
  public void close() {
    follower.close();
  }
}
