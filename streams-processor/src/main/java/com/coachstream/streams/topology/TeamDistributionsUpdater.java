package com.coachstream.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the global team-distributions store equal to the topic: a value replaces, a tombstone removes. */
final class TeamDistributionsUpdater implements Processor<String, byte[], Void, Void> {

  private KeyValueStore<String, byte[]> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(CoachingTopology.TEAM_DISTRIBUTIONS_GLOBAL_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
