package com.coachstream.notifier.delivery;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.notifier.EnrichedAlert;
import com.coachstream.notifier.channel.DeliveryException;
import com.coachstream.notifier.channel.NotificationChannel;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts on one route, on the route's own threads, so a slow or dead endpoint only delays its own
 * route. Each delivery runs under a Failsafe retry policy (exponential backoff with jitter, Retry-After
 * honoured, permanent failures not retried); every attempt is recorded, and a delivery that fails for good
 * is dead-lettered. The returned future completes once those records are stored.
 *
 * <p>Retries are asynchronous: the wait before a retry is a scheduled task, not a sleeping thread. The
 * threads only bound how many attempts run at once, so during an outage every alert of the route is being
 * retried on its own schedule; none waits for the backoff of the alerts before it to run out.
 */
public final class RouteWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RouteWorker.class);

  /** Tells Failsafe to use its exponential backoff: a negative computed delay means "none". */
  private static final Duration NO_RETRY_AFTER = Duration.ofMillis(-1);

  /** How one alert ended on this route. */
  public enum Result { DELIVERED, DEAD_LETTERED }

  private final String route;
  private final NotificationChannel channel;
  private final RetrySettings retry;
  private final DeliveryLog deliveryLog;
  private final DeliveryMetrics metrics;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  /** Deliveries still attempting or waiting to retry: cancelled on close, so none is left hanging. */
  private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  /**
   * {@code threads}: attempts that may run at once on this route. The queue of due attempts is unbounded;
   * the alert consumer bounds how many alerts are in flight.
   */
  public RouteWorker(String route, NotificationChannel channel, RetrySettings retry, DeliveryLog deliveryLog,
      DeliveryMetrics metrics, int threads, Clock clock) {
    this.route = route;
    this.channel = channel;
    this.retry = retry;
    this.deliveryLog = deliveryLog;
    this.metrics = metrics;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, r -> {
      Thread t = new Thread(r, "notify-" + route + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    pool.setRemoveOnCancelPolicy(true);
    this.executor = pool;
  }

  public String route() {
    return route;
  }

  public String channelType() {
    return channel.type();
  }

  public CompletableFuture<Result> submit(EnrichedAlert alert, AlertSource source) {
    Delivery delivery = new Delivery(alert, source);
    CompletableFuture<Integer> attempts = Failsafe.with(delivery.policy()).with(executor).getAsync(delivery::attemptOnce);
    running.add(attempts);
    attempts.whenComplete((status, error) -> running.remove(attempts));
    return attempts.handle(delivery::settle).thenCompose(settled -> settled);
  }

  /** Records that the route already had this alert; nothing is sent. */
  public CompletableFuture<Void> skipDuplicate(EnrichedAlert alert, AlertSource source) {
    metrics.duplicateSkipped();
    return deliveryLog.record(record(alert, 1, DeliveryOutcome.DUPLICATE_SKIPPED, null, null, 0), source);
  }

  /** One alert's delivery on this route: its attempts, their records and how it ended. */
  private final class Delivery {
    private final EnrichedAlert alert;
    private final AlertSource source;
    private final AtomicInteger attempt = new AtomicInteger();
    private final AtomicLong lastLatency = new AtomicLong();
    private final List<CompletableFuture<Void>> records = new CopyOnWriteArrayList<>();

    Delivery(EnrichedAlert alert, AlertSource source) {
      this.alert = alert;
      this.source = source;
    }

    RetryPolicy<Integer> policy() {
      return RetryPolicy.<Integer>builder()
          .handleIf(e -> !closing && e instanceof DeliveryException d && d.retryable() && !tooLong(d.retryAfter()))
          .withMaxAttempts(retry.attempts())
          .withBackoff(retry.initialDelay(), retry.maxDelay())
          .withJitter(retry.jitter())
          .withDelayFn(ctx -> ctx.getLastException() instanceof DeliveryException d && d.retryAfter() != null
              ? retry.retryAfterDelay(d.retryAfter()) : NO_RETRY_AFTER)
          .onRetryScheduled(e -> {
            metrics.retried();
            DeliveryException d = (DeliveryException) e.getLastException();
            records.add(deliveryLog.record(record(alert, attempt.get(), DeliveryOutcome.RETRYING, d.statusCode(),
                d.getMessage() + "; retry in " + e.getDelay().toMillis() + " ms", lastLatency.get()), source));
          })
          .build();
    }

    Integer attemptOnce() {
      attempt.incrementAndGet();
      long start = System.nanoTime();
      try {
        return channel.send(alert);
      } finally {
        lastLatency.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        metrics.attempt(lastLatency.get());
      }
    }

    /** Records how the delivery ended; the route is settled only once its records are stored. */
    CompletableFuture<Result> settle(Integer status, Throwable error) {
      if (error == null) {
        records.add(deliveryLog.record(record(alert, attempt.get(), DeliveryOutcome.DELIVERED, status, null, lastLatency.get()), source));
        if (alert.reminder()) {
          metrics.reminderSent();
        } else {
          metrics.sent(Duration.between(Instant.ofEpochMilli(source.timestampMs()), clock.instant()));
        }
        return whenRecorded(Result.DELIVERED);
      }
      if (closing) {
        // Cut short by shutdown, not failed: leave it unsettled so the next owner of the partition delivers it.
        return CompletableFuture.failedFuture(
            new CancellationException("route " + route + " closed during delivery of " + alert.alertId()
                + (alert.reminder() ? " (reminder)" : "")));
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (!(cause instanceof DeliveryException)) {
        log.error("Channel {} failed unexpectedly on alert {}", route, alert.alertId(), cause);
      }
      DeliveryException d = cause instanceof DeliveryException de ? de
          : DeliveryException.permanent("channel error: " + cause.getClass().getSimpleName(), null);
      String why = d.retryable() && tooLong(d.retryAfter())
          ? d.getMessage() + " with Retry-After " + d.retryAfter().toSeconds() + " s above retry.after.max"
          : d.getMessage();
      String message = "Delivery of " + (alert.reminder() ? "the reminder of alert " : "alert ") + alert.alertId() + " on route " + route + " failed after "
          + attempt.get() + " attempt(s): " + why;
      log.warn("{} (target {})", message, channel.redactedTarget());
      records.add(deliveryLog.record(record(alert, attempt.get(), DeliveryOutcome.FAILED, d.statusCode(), why, lastLatency.get()), source));
      records.add(deliveryLog.deadLetter(source, message));
      metrics.failed();
      return whenRecorded(Result.DEAD_LETTERED);
    }

    private CompletableFuture<Result> whenRecorded(Result result) {
      return CompletableFuture.allOf(records.toArray(CompletableFuture[]::new)).thenApply(stored -> result);
    }
  }

  private boolean tooLong(Duration retryAfter) {
    return retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0;
  }

  private NotificationDelivery record(EnrichedAlert alert, int attempt, DeliveryOutcome outcome, Integer status,
      String error, long latencyMs) {
    return NotificationDelivery.newBuilder()
        .setAlertId(alert.alertId())
        .setRoute(route)
        .setChannelType(channel.type())
        .setTarget(channel.redactedTarget())
        .setAttempt(attempt)
        .setOutcome(outcome)
        .setStatusCode(status)
        .setError(error)
        .setLatencyMs(latencyMs)
        .setAttemptedAt(clock.instant())
        .setReminder(alert.reminder())
        .build();
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    running.forEach(delivery -> delivery.cancel(true));
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    channel.close();
  }
}
