package com.coachstream.streams.scoring;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An agent's history in memory, for the scoring unit tests and the micro-benchmarks. Slices are copied in
 * and out through their binary form, as a state store would, so a caller can never change a stored slice
 * without putting it back.
 */
public final class InMemoryAgentHistory implements AgentHistory {

  private final TreeMap<Long, byte[]> slices = new TreeMap<>();
  private final Map<Long, Long> interactions = new HashMap<>();
  private final Map<Long, Long> evaluations = new HashMap<>();

  @Override
  public Slice slice(long start) {
    byte[] bytes = slices.get(start);
    return bytes == null ? null : SliceCodec.decode(bytes);
  }

  @Override
  public void putSlice(long start, Slice slice) {
    slices.put(start, SliceCodec.encode(slice));
  }

  @Override
  public void deleteSlice(long start) {
    slices.remove(start);
  }

  @Override
  public SortedMap<Long, Slice> slices(long from, long to) {
    SortedMap<Long, Slice> result = new TreeMap<>();
    if (from < to) {
      slices.subMap(from, to).forEach((start, bytes) -> result.put(start, SliceCodec.decode(bytes)));
    }
    return result;
  }

  @Override
  public Long interactionSlice(long idHash) {
    return interactions.get(idHash);
  }

  @Override
  public Long evaluationSlice(long idHash) {
    return evaluations.get(idHash);
  }

  @Override
  public void rememberInteraction(long idHash, long sliceStart) {
    interactions.put(idHash, sliceStart);
  }

  @Override
  public void rememberEvaluation(long idHash, long sliceStart) {
    evaluations.put(idHash, sliceStart);
  }

  @Override
  public void forgetInteraction(long idHash) {
    interactions.remove(idHash);
  }

  @Override
  public void forgetEvaluation(long idHash) {
    evaluations.remove(idHash);
  }

  /** Slices and remembered ids held, for tests of expiry. */
  public int storedSlices() {
    return slices.size();
  }

  public int rememberedIds() {
    return interactions.size() + evaluations.size();
  }
}
