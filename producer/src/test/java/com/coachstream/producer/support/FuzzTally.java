package com.coachstream.producer.support;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what a fuzz run fed in and how each input was answered, and prints it: issue 8 asks for the figures. */
public final class FuzzTally {

  private final String name;
  private final LongAdder inputs = new LongAdder();
  private final Map<String, LongAdder> kinds = new ConcurrentSkipListMap<>();
  private final Map<String, LongAdder> outcomes = new ConcurrentSkipListMap<>();

  public FuzzTally(String name) {
    this.name = name;
  }

  /** One input of this kind was fed in. */
  public void tried(String kind) {
    inputs.increment();
    kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** An input was answered this way: "accepted", "duplicate", "rejected BAD_JSON", "413 TOO_LARGE", ... */
  public void answered(String outcome) {
    answered(outcome, 1);
  }

  public void answered(String outcome, long times) {
    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).add(times);
  }

  public long inputs() {
    return inputs.sum();
  }

  public String summary() {
    return "fuzz " + name + ": " + inputs.sum() + " inputs\n  answers: " + outcomes + "\n  inputs by kind: " + kinds;
  }

  public void print() {
    System.out.println(summary());
  }
}
