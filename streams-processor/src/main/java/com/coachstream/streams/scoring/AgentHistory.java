package com.coachstream.streams.scoring;

import java.util.SortedMap;

/**
 * One agent's stored history, beside its {@link AgentState}: a slice per {@code window.advance} step, and
 * the ids of the source events it accepted (to recognise re-sends). Each is read and written on its own, so
 * scoring an event touches one slice, not the whole history. Implemented over Kafka Streams state stores
 * by the processor, in memory by {@link InMemoryAgentHistory}.
 */
public interface AgentHistory {

  /** The slice starting at {@code start}, or null when none is stored. Changes to it count once {@link #putSlice put}. */
  Slice slice(long start);

  void putSlice(long start, Slice slice);

  void deleteSlice(long start);

  /** The stored slices with start in {@code [from, to)}, oldest first, as a map from start to slice. */
  SortedMap<Long, Slice> slices(long from, long to);

  /** The start of the slice holding the interaction with this id hash, or null when it was not accepted. */
  Long interactionSlice(long idHash);

  /** The start of the slice holding the evaluation with this id hash, or null. */
  Long evaluationSlice(long idHash);

  void rememberInteraction(long idHash, long sliceStart);

  void rememberEvaluation(long idHash, long sliceStart);

  void forgetInteraction(long idHash);

  void forgetEvaluation(long idHash);
}
