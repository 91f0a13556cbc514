package com.coachstream.streams.topology;

import com.coachstream.streams.actions.RulePrecision;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * Per task and rule, the counts of the rule-precision store as Kafka Streams metrics, exported to Prometheus
 * with the others: {@code rule-alerts-raised} and {@code rule-false-alarms} (group
 * {@code stream-coachstream-metrics}, tags {@code coachstream-id} = task and processor, {@code rule}). They show
 * the stored counts, so a restart or a task moving to another instance does not reset them.
 */
final class RuleMetrics {

  static final String GROUP = "stream-coachstream-metrics";
  static final String RAISED = "rule-alerts-raised";
  static final String FALSE_ALARMS = "rule-false-alarms";

  private final StreamsMetrics metrics;
  private final String entity;
  private final Map<String, Sensor> sensors = new HashMap<>();

  RuleMetrics(StreamsMetrics metrics, String entity) {
    this.metrics = metrics;
    this.entity = entity;
  }

  void show(String rule, RulePrecision counts) {
    sensor(rule, RAISED, "SLIP alerts the rule raised").record(counts.raised());
    sensor(rule, FALSE_ALARMS, "of them dismissed as FALSE_ALARM").record(counts.falseAlarms());
  }

  /** Removes this task's metrics: the task closed (it may move to another instance, which shows them then). */
  void close() {
    sensors.values().forEach(metrics::removeSensor);
    sensors.clear();
  }

  private Sensor sensor(String rule, String name, String description) {
    return sensors.computeIfAbsent(rule + "|" + name, key -> {
      Sensor sensor = metrics.addSensor(entity + "." + name + "." + rule, Sensor.RecordingLevel.INFO);
      sensor.add(new MetricName(name, GROUP, description, Map.of("coachstream-id", entity, "rule", rule)), new Value());
      return sensor;
    });
  }
}
