package com.coachstream.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing: after {@code maxFailures} failed sign-ins for one user name or from one address
 * within {@code window}, further attempts are refused (429) until the oldest failure leaves the window. A
 * success does not reset the address's count, so one known account cannot shield guessing at others.
 */
public final class LoginThrottle {

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public LoginThrottle(int maxFailures, Duration window, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  /** Whether a sign-in for {@code userId} from {@code address} may be tried now. */
  public boolean allowed(String userId, String address) {
    return below("user:" + userId) && below("addr:" + address);
  }

  public void failed(String userId, String address) {
    record("user:" + userId);
    record("addr:" + address);
  }

  private boolean below(String key) {
    Deque<Instant> seen = failures.get(key);
    if (seen == null) {
      return true;
    }
    synchronized (seen) {
      prune(seen);
      return seen.size() < maxFailures;
    }
  }

  private void record(String key) {
    Deque<Instant> seen = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (seen) {
      prune(seen);
      seen.addLast(clock.instant());
    }
  }

  private void prune(Deque<Instant> seen) {
    Instant cutoff = clock.instant().minus(window);
    while (!seen.isEmpty() && !seen.peekFirst().isAfter(cutoff)) {
      seen.removeFirst();
    }
  }
}
