package com.coachstream.streams.slip;

/** Where an agent stands in one category: slipping or not, and when the last SLIP alert went out (event time). */
public record CategoryState(boolean slipping, long lastSlipAt) {

  public static final long NEVER = Long.MIN_VALUE;
  public static final CategoryState INITIAL = new CategoryState(false, NEVER);
}
