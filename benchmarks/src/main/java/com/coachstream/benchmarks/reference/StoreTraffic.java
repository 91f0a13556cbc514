package com.coachstream.benchmarks.reference;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The streams processor's store traffic for one event, without scoring or codecs: a duplicate check of the event's
 * id, reads of the agent's roster profile and actions, a read and a write of the agent's state and of the event's
 * day slice, the id remembered, one output record. Values have the sizes the processor's codecs give an agent with
 * a few weeks of history at 7d/1d (state 1.4 KB; a day slice 1 KB, growing by an id hash per event), measured with
 * the micro-benchmarks' agent fixture.
 */
final class StoreTraffic implements Processor<String, String, String, String> {

  static final String STATES = "reference-states-store";
  static final String SLICES = "reference-slices-store";
  static final String IDS = "reference-ids-store";
  static final String ROSTER = "reference-roster-store";
  static final String ACTIONS = "reference-actions-store";
  static final List<String> STORES = List.of(STATES, SLICES, IDS, ROSTER, ACTIONS);

  static final int STATE_BYTES = 1_400;
  static final int SLICE_BYTES = 1_000;
  private static final int ID_HASH_BYTES = 8;
  private static final long DAY_MS = 86_400_000L;

  private ProcessorContext<String, String> context;
  private KeyValueStore<String, byte[]> states;
  private KeyValueStore<Bytes, byte[]> slices;
  private KeyValueStore<Bytes, Long> ids;
  private KeyValueStore<String, byte[]> roster;
  private KeyValueStore<String, byte[]> actions;

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    states = context.getStateStore(STATES);
    slices = context.getStateStore(SLICES);
    ids = context.getStateStore(IDS);
    roster = context.getStateStore(ROSTER);
    actions = context.getStateStore(ACTIONS);
  }

  @Override
  public void process(Record<String, String> event) {
    String agentId = event.key();
    long day = Math.floorDiv(event.timestamp(), DAY_MS) * DAY_MS;
    Bytes idKey = key(agentId, event.value().hashCode());
    if (ids.get(idKey) != null) {
      return;
    }
    roster.get(agentId);
    actions.get(agentId);
    byte[] state = states.get(agentId);
    Bytes sliceKey = key(agentId, day);
    byte[] slice = slices.get(sliceKey);
    // new arrays, as the processor's codecs write a new encoding on every change
    slices.put(sliceKey, slice == null ? new byte[SLICE_BYTES] : Arrays.copyOf(slice, slice.length + ID_HASH_BYTES));
    ids.put(idKey, day);
    states.put(agentId, state == null ? new byte[STATE_BYTES] : Arrays.copyOf(state, state.length));
    context.forward(event);
  }

  private static Bytes key(String agentId, long suffix) {
    byte[] agent = agentId.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(ByteBuffer.allocate(agent.length + Long.BYTES).put(agent).putLong(suffix).array());
  }
}
