package com.coachstream.streams.topology;

import com.coachstream.schemas.deadletter.DeadLetter;
import com.coachstream.schemas.validation.ReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sends each rule set {@link RulesStoreProcessor} refused to the dead-letter topic (stage validate, reason
 * {@code INVALID_RULES}, the refusal in the message), from the task of partition 0 only, so one instance
 * reports it. It looks every {@link #INTERVAL} (the store holds one entry per team). Which refusals were
 * reported is remembered in memory: after a restart the newest refusal of a key may be reported once more.
 * It takes no records: it hangs under the agents source only to live in a task of the scoring sub-topology.
 */
final class RefusedRulesReporter implements Processor<String, Object, byte[], byte[]> {

  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final Set<String> reported = new HashSet<>();
  private ProcessorContext<byte[], byte[]> context;
  private KeyValueStore<String, StoredRules> store;

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    if (context.taskId().partition() != 0) {
      return;
    }
    store = context.getStateStore(CoachingTopology.RULES_STORE);
    context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> report());
  }

  @Override
  public void process(Record<String, Object> record) {
    // roster changes are not its business
  }

  private void report() {
    try (KeyValueIterator<String, StoredRules> all = store.all()) {
      all.forEachRemaining(kv -> {
        StoredRules.Refused refused = kv.value.refused();
        if (refused != null && reported.add(refused.label() + "#" + refused.offset())) {
          DeadLetter letter = new DeadLetter(refused.key(), refused.value(), DeadLetter.Stage.VALIDATE,
              ReasonCode.INVALID_RULES, "Rule set " + refused.label() + " refused, the rules in force stay: "
                  + refused.reason(), refused.topic(), refused.partition(), refused.offset(),
              Instant.ofEpochMilli(refused.refusedAtMs()));
          context.forward(new Record<>(letter.key(), letter.value(), refused.refusedAtMs(), letter.headers()));
        }
      });
    }
  }
}
