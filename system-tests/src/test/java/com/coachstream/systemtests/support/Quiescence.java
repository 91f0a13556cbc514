package com.coachstream.systemtests.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Waits until an application has finished its input: no lag on the input topics, and then nothing new
 * committed to its outputs over two checks more than one publish interval apart (windows changed by
 * late or corrected events are published by a punctuation every {@code scores.publish.interval}).
 */
public final class Quiescence {

  private Quiescence() { }

  /** Returns when settled; otherwise fails saying how far the application got. */
  public static void awaitSettled(GroupProgress progress, PipelineOutputs outputs, Duration publishInterval, Duration atMost) {
    awaitSettled(progress, outputs, publishInterval, atMost, () -> false);
  }

  /** As {@link #awaitSettled(GroupProgress, PipelineOutputs, Duration, Duration)}, failing at once when {@code failed}. */
  public static void awaitSettled(GroupProgress progress, PipelineOutputs outputs, Duration publishInterval, Duration atMost,
      BooleanSupplier failed) {
    AtomicLong lastCount = new AtomicLong(-1);
    try {
      await().atMost(atMost).failFast("the application stopped for good", failed::getAsBoolean)
          .pollInterval(publishInterval.multipliedBy(2).plusMillis(200)).until(() -> {
        if (progress.lag() > 0) {
          lastCount.set(-1);
          return false;
        }
        outputs.update();
        long count = outputs.windowUpdates() + outputs.alerts().size() + outputs.deadLetters().size()
            + outputs.deliveries().size();
        return count == lastCount.getAndSet(count);
      });
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new AssertionError("Not settled (" + e.getMessage() + "): the application committed " + progress.committed()
          + " of " + progress.total() + " input records; " + outputs.windowUpdates() + " window records, "
          + outputs.alerts().size() + " alerts, " + outputs.deadLetters().size() + " dead letters read", e);
    }
  }
}
