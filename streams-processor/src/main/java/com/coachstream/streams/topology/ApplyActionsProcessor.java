package com.coachstream.streams.topology;

import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.SkillCategory;
import com.coachstream.streams.actions.AgentActions;
import com.coachstream.streams.actions.AlertStatus;
import com.coachstream.streams.actions.RulePrecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies supervisors' valid actions (from {@link CoachingTopology#VALIDATE_ACTIONS}) and learns of new alerts
 * (from {@link CoachingTopology#SCORE_PROCESSOR}), in the agent's task: duplicates (same agent and actionId)
 * are ignored and counted; SNOOZED sets the category's snooze the scorer applies; ACKNOWLEDGED, DISMISSED and
 * COACHED close the alert; DISMISSED FALSE_ALARM counts against the rule that raised the alert. An action with a
 * category and no alertId applies to the agent's open alerts of that category. An action naming an alert not
 * seen yet (it raced ahead of the alert) changes the alert's status at once and, when it names no category,
 * waits in {@link CoachingTopology#PENDING_ACTIONS_STORE} until the alert tells its category; one whose alert
 * never arrives is dropped after {@code alerts.retention}, counted and logged (ids only).
 *
 * <p>Each accepted action is forwarded to this processor's children (key agentId, value the action with its
 * category filled in from the alert when it named none, and without its free-text note), once. The note is
 * dropped before anything is stored: it reaches no store, changelog, child, metric or log line.
 */
final class ApplyActionsProcessor implements Processor<String, Object, String, CoachingAction> {

  private static final Logger log = LoggerFactory.getLogger(ApplyActionsProcessor.class);

  private final Duration retention;
  private ProcessorContext<String, CoachingAction> context;
  private KeyValueStore<String, AgentActions> agents;
  private KeyValueStore<String, Long> ids;
  private KeyValueStore<String, AlertStatus> statuses;
  private KeyValueStore<String, CoachingAction> pending;
  private KeyValueStore<String, RulePrecision> precision;
  private RuleMetrics ruleMetrics;
  private Sensor applied;
  private Sensor duplicates;
  private Sensor waiting;
  private Sensor unmatched;

  ApplyActionsProcessor(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void init(ProcessorContext<String, CoachingAction> context) {
    this.context = context;
    agents = context.getStateStore(CoachingTopology.AGENT_ACTIONS_STORE);
    ids = context.getStateStore(CoachingTopology.ACTION_IDS_STORE);
    statuses = context.getStateStore(CoachingTopology.ALERT_STATUS_STORE);
    pending = context.getStateStore(CoachingTopology.PENDING_ACTIONS_STORE);
    precision = context.getStateStore(CoachingTopology.RULE_PRECISION_STORE);
    String entity = context.taskId() + "." + CoachingTopology.APPLY_ACTIONS;
    applied = sensor(entity, "actions-applied");
    duplicates = sensor(entity, "action-duplicates");
    waiting = sensor(entity, "actions-waiting-for-alert");
    unmatched = sensor(entity, "actions-alert-never-seen");
    ruleMetrics = new RuleMetrics(context.metrics(), entity);
    try (KeyValueIterator<String, RulePrecision> all = precision.all()) {
      all.forEachRemaining(kv -> ruleMetrics.show(kv.key, kv.value));
    }
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, this::prune);
  }

  private Sensor sensor(String entity, String operation) {
    return context.metrics().addRateTotalSensor("coachstream", entity, operation, Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(Record<String, Object> record) {
    if (record.value() instanceof CoachingAlert alert) {
      alertRaised(alert, record.timestamp());
    } else if (record.value() instanceof CoachingAction action) {
      // the free-text note stays on the actions topic: no store, changelog or child ever sees it
      act(CoachingAction.newBuilder(action).setNote(null).build(), record.timestamp());
    }
  }

  private void alertRaised(CoachingAlert alert, long timestamp) {
    AlertStatus known = statuses.get(alert.getAlertId());
    AlertStatus status = known == null ? AlertStatus.opened(alert) : known.withAlert(alert);
    if (status.rule() != null && (known == null || !known.alertSeen())) {
      count(status.rule(), RulePrecision::plusRaised);
    }
    status = countFalseAlarm(status);
    statuses.put(alert.getAlertId(), status);
    if (status.open()) {
      long createdAt = status.createdAt();
      updateAgent(alert.getAgentId(), a -> a.opened(alert.getAlertId(), alert.getCategory(), createdAt));
    }
    // the actions that waited for this alert to learn their category
    List<KeyValue<String, CoachingAction>> waited = new ArrayList<>();
    try (KeyValueIterator<String, CoachingAction> it = pending.prefixScan(alert.getAlertId() + "/", new StringSerializer())) {
      it.forEachRemaining(waited::add);
    }
    for (KeyValue<String, CoachingAction> kv : waited) {
      pending.delete(kv.key);
      CoachingAction action = CoachingAction.newBuilder(kv.value).setCategory(alert.getCategory()).build();
      applyToCategory(action);
      forward(action, timestamp);
    }
  }

  private void act(CoachingAction action, long timestamp) {
    String idKey = action.getAgentId() + "/" + action.getActionId();
    if (ids.get(idKey) != null) {
      duplicates.record();
      return;
    }
    ids.put(idKey, action.getAt().toEpochMilli());
    applied.record();
    if (action.getAlertId() == null) {
      agentsOrNone(action.getAgentId()).openIn(action.getCategory()).forEach(alertId -> applyToAlert(alertId, action));
      applyToCategory(action);
      forward(action, timestamp);
      return;
    }
    AlertStatus known = statuses.get(action.getAlertId());
    if (known == null || !known.alertSeen()) {
      statuses.put(action.getAlertId(), (known == null ? AlertStatus.awaiting(action) : known).after(action));
      if (action.getCategory() == null) {
        pending.put(action.getAlertId() + "/" + action.getActionId(), action);
        waiting.record();
        return;
      }
      applyToCategory(action);
      forward(action, timestamp);
      return;
    }
    applyToAlert(action.getAlertId(), action);
    CoachingAction resolved = action.getCategory() != null ? action
        : CoachingAction.newBuilder(action).setCategory(known.category()).build();
    applyToCategory(resolved);
    forward(resolved, timestamp);
  }

  /** The action's effect on one alert the processor has seen: status, open list, false alarm. */
  private void applyToAlert(String alertId, CoachingAction action) {
    AlertStatus status = statuses.get(alertId);
    if (status == null) {
      return; // forgotten after alerts.retention
    }
    status = countFalseAlarm(status.after(action));
    statuses.put(alertId, status);
    if (!status.open()) {
      updateAgent(status.agentId(), a -> a.closed(alertId));
    }
  }

  /** The action's effect on its agent and category: a snooze. */
  private void applyToCategory(CoachingAction action) {
    SkillCategory category = action.getCategory();
    if (category != null && action.getUntil() != null) {
      long until = action.getUntil().toEpochMilli();
      long at = action.getAt().toEpochMilli();
      updateAgent(action.getAgentId(), a -> a.snoozed(category, until, at));
    }
  }

  private AlertStatus countFalseAlarm(AlertStatus status) {
    if (!status.falseAlarmDue()) {
      return status;
    }
    count(status.rule(), RulePrecision::plusFalseAlarm);
    return status.falseAlarmCountedNow();
  }

  private void count(String rule, UnaryOperator<RulePrecision> change) {
    RulePrecision counts = precision.get(rule);
    counts = change.apply(counts == null ? RulePrecision.NONE : counts);
    precision.put(rule, counts);
    ruleMetrics.show(rule, counts);
  }

  private void forward(CoachingAction action, long timestamp) {
    context.forward(new Record<>(action.getAgentId(), action, timestamp));
  }

  private AgentActions agentsOrNone(String agentId) {
    AgentActions actions = agents.get(agentId);
    return actions == null ? AgentActions.NONE : actions;
  }

  private void updateAgent(String agentId, UnaryOperator<AgentActions> change) {
    AgentActions next = change.apply(agentsOrNone(agentId));
    if (next.isEmpty()) {
      agents.delete(agentId);
    } else {
      agents.put(agentId, next);
    }
  }

  /** Forgets what is older than {@code alerts.retention}, like the alerts store. */
  private void prune(long now) {
    long oldest = now - retention.toMillis();
    deleteWhere(statuses, (key, status) -> status.createdAt() < oldest);
    deleteWhere(ids, (key, at) -> at < oldest);
    deleteWhere(pending, (key, action) -> {
      boolean expired = action.getAt().toEpochMilli() < oldest;
      if (expired) {
        unmatched.record();
        log.info("Action {} of agent {} named alert {}, which never reached this processor; forgotten after {}",
            action.getActionId(), action.getAgentId(), action.getAlertId(), retention);
      }
      return expired;
    });
    List<KeyValue<String, AgentActions>> changed = new ArrayList<>();
    try (KeyValueIterator<String, AgentActions> all = agents.all()) {
      all.forEachRemaining(kv -> {
        AgentActions pruned = kv.value.pruned(oldest);
        if (!pruned.equals(kv.value)) {
          changed.add(KeyValue.pair(kv.key, pruned));
        }
      });
    }
    changed.forEach(kv -> updateAgent(kv.key, a -> kv.value));
  }

  private static <V> void deleteWhere(KeyValueStore<String, V> store, java.util.function.BiPredicate<String, V> expired) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(kv -> {
        if (expired.test(kv.key, kv.value)) {
          keys.add(kv.key);
        }
      });
    }
    keys.forEach(store::delete);
  }

  @Override
  public void close() {
    ruleMetrics.close();
  }
}
