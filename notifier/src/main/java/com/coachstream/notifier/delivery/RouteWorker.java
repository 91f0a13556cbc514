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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts on one route, on the route's own threads and queue, so a slow or dead endpoint only
 * delays its own route. Each delivery runs under a Failsafe retry policy (exponential backoff with jitter,
 * Retry-After honoured, permanent failures not retried); every attempt is recorded, and a delivery that
 * fails for good is dead-lettered. The returned future completes once those records are stored.
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
  private final ExecutorService executor;
  private volatile boolean closing;

  public RouteWorker(String route, NotificationChannel channel, RetrySettings retry, DeliveryLog deliveryLog,
      DeliveryMetrics metrics, int threads, int queueCapacity, Clock clock) {
    this.route = route;
    this.channel = channel;
    this.retry = retry;
    this.deliveryLog = deliveryLog;
    this.metrics = metrics;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(queueCapacity), r -> {
          Thread t = new Thread(r, "notify-" + route + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  public String route() {
    return route;
  }

  public String channelType() {
    return channel.type();
  }

  public CompletableFuture<Result> submit(EnrichedAlert alert, AlertSource source) {
    return CompletableFuture.supplyAsync(() -> deliver(alert, source), executor);
  }

  /** Records that the route already had this alert; nothing is sent. */
  public CompletableFuture<Void> skipDuplicate(EnrichedAlert alert, AlertSource source) {
    metrics.duplicateSkipped();
    return deliveryLog.record(record(alert, 1, DeliveryOutcome.DUPLICATE_SKIPPED, null, null, 0), source);
  }

  private Result deliver(EnrichedAlert alert, AlertSource source) {
    List<CompletableFuture<Void>> records = new ArrayList<>();
    AtomicInteger attempt = new AtomicInteger();
    AtomicLong lastLatency = new AtomicLong();
    RetryPolicy<Integer> policy = RetryPolicy.<Integer>builder()
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
    Result result;
    try {
      Integer status = Failsafe.with(policy).get(() -> attemptOnce(alert, attempt, lastLatency));
      records.add(deliveryLog.record(record(alert, attempt.get(), DeliveryOutcome.DELIVERED, status, null, lastLatency.get()), source));
      metrics.sent(Duration.between(Instant.ofEpochMilli(source.timestampMs()), clock.instant()));
      result = Result.DELIVERED;
    } catch (RuntimeException e) {
      if (closing) {
        // Cut short by shutdown, not failed: leave it unsettled so the next owner of the partition delivers it.
        throw new java.util.concurrent.CancellationException("route " + route + " closed during delivery of " + alert.alertId());
      }
      if (!(e instanceof DeliveryException)) {
        log.error("Channel {} failed unexpectedly on alert {}", route, alert.alertId(), e);
      }
      DeliveryException d = e instanceof DeliveryException de ? de
          : DeliveryException.permanent("channel error: " + e.getClass().getSimpleName(), null);
      String why = d.retryable() && tooLong(d.retryAfter())
          ? d.getMessage() + " with Retry-After " + d.retryAfter().toSeconds() + " s above retry.after.max"
          : d.getMessage();
      String message = "Delivery of alert " + alert.alertId() + " on route " + route + " failed after "
          + attempt.get() + " attempt(s): " + why;
      log.warn("{} (target {})", message, channel.redactedTarget());
      records.add(deliveryLog.record(record(alert, attempt.get(), DeliveryOutcome.FAILED, d.statusCode(), why, lastLatency.get()), source));
      records.add(deliveryLog.deadLetter(source, message));
      metrics.failed();
      result = Result.DEAD_LETTERED;
    }
    // The route is settled only once its records are stored: the consumer commits after this.
    CompletableFuture.allOf(records.toArray(CompletableFuture[]::new)).join();
    return result;
  }

  private Integer attemptOnce(EnrichedAlert alert, AtomicInteger attempt, AtomicLong lastLatency) {
    attempt.incrementAndGet();
    long start = System.nanoTime();
    try {
      return channel.send(alert);
    } finally {
      lastLatency.set(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      metrics.attempt(lastLatency.get());
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
        .build();
  }

  @Override
  public void close() throws InterruptedException {
    closing = true;
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    channel.close();
  }
}
