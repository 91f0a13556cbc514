package com.coachstream.producer.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Draws values from jqwik arbitraries outside a jqwik property, for the fuzz tests that run as JUnit Jupiter tests
 * because they need a Jupiter extension (the real broker of {@code KafkaBrokerExtension}). The seed is printed;
 * {@code -Dfuzz.seed=...} replays a run.
 */
public final class Samples {

  private Samples() { }

  public static <T> List<T> draw(String what, Arbitrary<T> arbitrary, int count) {
    String seed = System.getProperty("fuzz.seed", Long.toString(ThreadLocalRandom.current().nextLong()));
    System.out.println("fuzz " + what + ": " + count + " inputs from seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    List<T> values = new ArrayList<>(count);
    JqwikSession.run(seed, () -> arbitrary.sampleStream().limit(count).forEach(values::add));
    return values;
  }
}
