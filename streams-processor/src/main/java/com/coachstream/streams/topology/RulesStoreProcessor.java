package com.coachstream.streams.topology;

import com.coachstream.avro.RuleSet;
import com.coachstream.schemas.topics.Topic;
import com.coachstream.streams.rules.RuleSetCheck;
import com.coachstream.streams.rules.RuleVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@link CoachingTopology#RULES_STORE}, a global store every instance holds whole: a valid rule set
 * replaces its key's rules, a tombstone removes them (the team falls back to {@code *}, then to the
 * configuration), and a rule set that cannot be applied leaves the rules in force and is kept as refused
 * until {@link RefusedRulesReporter} dead-letters it (a global processor cannot write to a topic).
 */
final class RulesStoreProcessor implements Processor<String, RuleSet, Void, Void> {

  private final RuleSetCheck check;
  private final Topic<String, RuleSet> topic;
  private ProcessorContext<Void, Void> context;
  private KeyValueStore<String, StoredRules> store;

  RulesStoreProcessor(RuleSetCheck check, Topic<String, RuleSet> topic) {
    this.check = check;
    this.topic = topic;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.context = context;
    store = context.getStateStore(CoachingTopology.RULES_STORE);
  }

  @Override
  public void process(Record<String, RuleSet> record) {
    if (record.key() == null) {
      return; // no key to hold rules under; rules writers always set one
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    StoredRules stored = store.get(record.key());
    RuleVersion inForce = stored == null ? null : stored.inForce();
    RuleVersion candidate = RuleSets.toVersion(record.value());
    List<String> problems = check.problems(record.key(), candidate, inForce);
    if (problems.isEmpty()) {
      store.put(record.key(), new StoredRules(candidate, null));
      return;
    }
    RecordMetadata where = context.recordMetadata().orElse(null);
    StoredRules.Refused refused = new StoredRules.Refused(candidate.label(),
        record.key().getBytes(StandardCharsets.UTF_8), topic.valueSerde().serializer().serialize(topic.name(), record.value()),
        String.join("; ", problems), where == null ? topic.name() : where.topic(), where == null ? -1 : where.partition(),
        where == null ? -1 : where.offset(), System.currentTimeMillis());
    store.put(record.key(), new StoredRules(inForce, refused));
  }
}
