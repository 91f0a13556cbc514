package com.coachstream.streams.topology;

import com.coachstream.streams.scoring.AgentHistory;
import com.coachstream.streams.scoring.Slice;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * One agent's {@link AgentHistory} over the processor's state stores: slices in
 * {@link CoachingTopology#AGENT_SLICES_STORE}, remembered ids in {@link CoachingTopology#AGENT_IDS_STORE}.
 * Read-only stores (interactive queries) support the reads only. The scoring task reads and writes single
 * slices through its {@link DecodedCache} (ranges from the store, which the cache writes through to).
 */
public final class StoredAgentHistory implements AgentHistory {

  private final String agentId;
  private final ReadOnlyKeyValueStore<Bytes, Slice> slices;
  private final ReadOnlyKeyValueStore<Bytes, Long> ids;
  private final DecodedCache<Bytes, Slice> decodedSlices;

  public StoredAgentHistory(String agentId, ReadOnlyKeyValueStore<Bytes, Slice> slices, ReadOnlyKeyValueStore<Bytes, Long> ids) {
    this(agentId, slices, ids, null);
  }

  StoredAgentHistory(String agentId, ReadOnlyKeyValueStore<Bytes, Slice> slices, ReadOnlyKeyValueStore<Bytes, Long> ids,
      DecodedCache<Bytes, Slice> decodedSlices) {
    this.agentId = agentId;
    this.slices = slices;
    this.ids = ids;
    this.decodedSlices = decodedSlices;
  }

  @Override
  public Slice slice(long start) {
    Bytes key = HistoryKeys.slice(agentId, start);
    return decodedSlices != null ? decodedSlices.get(key) : slices.get(key);
  }

  @Override
  public void putSlice(long start, Slice slice) {
    Bytes key = HistoryKeys.slice(agentId, start);
    if (decodedSlices != null) {
      decodedSlices.put(key, slice);
    } else {
      writable(slices).put(key, slice);
    }
  }

  @Override
  public void deleteSlice(long start) {
    Bytes key = HistoryKeys.slice(agentId, start);
    if (decodedSlices != null) {
      decodedSlices.delete(key);
    } else {
      writable(slices).delete(key);
    }
  }

  @Override
  public SortedMap<Long, Slice> slices(long from, long to) {
    SortedMap<Long, Slice> result = new TreeMap<>();
    if (from >= to) {
      return result;
    }
    try (KeyValueIterator<Bytes, Slice> range = slices.range(HistoryKeys.slice(agentId, from),
        HistoryKeys.slice(agentId, to - 1))) {
      while (range.hasNext()) {
        KeyValue<Bytes, Slice> next = range.next();
        result.put(HistoryKeys.sliceStart(next.key), next.value);
      }
    }
    return result;
  }

  @Override
  public Long interactionSlice(long idHash) {
    return ids.get(HistoryKeys.interaction(agentId, idHash));
  }

  @Override
  public Long evaluationSlice(long idHash) {
    return ids.get(HistoryKeys.evaluation(agentId, idHash));
  }

  @Override
  public void rememberInteraction(long idHash, long sliceStart) {
    writable(ids).put(HistoryKeys.interaction(agentId, idHash), sliceStart);
  }

  @Override
  public void rememberEvaluation(long idHash, long sliceStart) {
    writable(ids).put(HistoryKeys.evaluation(agentId, idHash), sliceStart);
  }

  @Override
  public void forgetInteraction(long idHash) {
    writable(ids).delete(HistoryKeys.interaction(agentId, idHash));
  }

  @Override
  public void forgetEvaluation(long idHash) {
    writable(ids).delete(HistoryKeys.evaluation(agentId, idHash));
  }

  private static <V> KeyValueStore<Bytes, V> writable(ReadOnlyKeyValueStore<Bytes, V> store) {
    if (store instanceof KeyValueStore<Bytes, V> writable) {
      return writable;
    }
    throw new UnsupportedOperationException("The history of a queried agent is read-only");
  }
}
