package com.coachstream.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.DeliveryOutcome;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.notifier.LoopbackHttpServer;
import com.coachstream.notifier.LoopbackHttpServer.Received;
import com.coachstream.notifier.LoopbackHttpServer.Reply;
import com.coachstream.notifier.TestAlerts;
import com.coachstream.notifier.channel.HttpPostChannel;
import com.coachstream.notifier.format.WebhookPayload;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One route's deliveries against a real HTTP server on loopback, with the audit trail kept in memory. */
class RouteWorkerTest {

  /** The delivery log is the seam between delivering and Kafka: here it keeps what it is given. */
  private static final class RecordingLog implements DeliveryLog {
    final List<NotificationDelivery> records = new CopyOnWriteArrayList<>();
    final List<String> deadLetters = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<Void> record(NotificationDelivery delivery, AlertSource source) {
      records.add(delivery);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> deadLetter(AlertSource source, String message) {
      deadLetters.add(message);
      return CompletableFuture.completedFuture(null);
    }
  }

  private final RecordingLog log = new RecordingLog();

  private RouteWorker worker(LoopbackHttpServer server, int threads, RetrySettings retry) {
    var channel = new HttpPostChannel("webhook", server.url("/h"), Duration.ofSeconds(5), WebhookPayload::toBytes, null);
    return new RouteWorker("hook", channel, retry, log, new DeliveryMetrics(new SimpleMeterRegistry(), "hook", "webhook"),
        threads, Clock.systemUTC());
  }

  private static RetrySettings retry(int attempts, Duration initialDelay) {
    return new RetrySettings(attempts, initialDelay, initialDelay.multipliedBy(4), 0.25, Duration.ofSeconds(60));
  }

  private static CompletableFuture<RouteWorker.Result> submit(RouteWorker worker, String alertId, long offset) {
    var source = new AlertSource("alerts", 0, offset, System.currentTimeMillis(), new byte[0], new byte[0], 0);
    return worker.submit(TestAlerts.enriched(alertId), source);
  }

  @Test
  void waitingToRetryHoldsNoThreadSoEveryAlertIsTriedBeforeAnyIsRetried() throws Exception {
    try (var server = LoopbackHttpServer.perAlert(List.of(Reply.status(503)), Reply.status(200));
         var worker = worker(server, 1, retry(3, Duration.ofSeconds(1)))) {
      List<CompletableFuture<RouteWorker.Result>> results = IntStream.range(0, 5)
          .mapToObj(i -> submit(worker, "alert-" + i, i)).toList();
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();

      assertThat(results).allSatisfy(r -> assertThat(r.join()).isEqualTo(RouteWorker.Result.DELIVERED));
      // One thread: had it slept through alert-0's backoff, alert-0's retry would come second.
      assertThat(server.received().subList(0, 5)).extracting(Received::alertId)
          .containsExactly("alert-0", "alert-1", "alert-2", "alert-3", "alert-4");
      assertThat(server.answeredOk()).hasSize(5);
    }
  }

  @Test
  void aDeliveryOutOfAttemptsIsRecordedAndDeadLettered() throws Exception {
    try (var server = LoopbackHttpServer.ok(); var worker = worker(server, 2, retry(3, Duration.ofMillis(10)))) {
      server.stop();
      assertThat(submit(worker, "alert-1", 7).join()).isEqualTo(RouteWorker.Result.DEAD_LETTERED);

      assertThat(log.records).extracting(NotificationDelivery::getAttempt, NotificationDelivery::getOutcome)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1, DeliveryOutcome.RETRYING),
              org.assertj.core.groups.Tuple.tuple(2, DeliveryOutcome.RETRYING),
              org.assertj.core.groups.Tuple.tuple(3, DeliveryOutcome.FAILED));
      assertThat(log.deadLetters).singleElement().asString()
          .isEqualTo("Delivery of alert alert-1 on route hook failed after 3 attempt(s): I/O error: ConnectException");
    }
  }

  @Test
  void closingCancelsADeliveryWaitingToRetryWithoutDeadLetteringIt() throws Exception {
    var server = LoopbackHttpServer.ok();
    server.stop();
    var worker = worker(server, 1, retry(3, Duration.ofSeconds(30)));
    CompletableFuture<RouteWorker.Result> result = submit(worker, "alert-1", 0);
    await().atMost(Duration.ofSeconds(10)).until(() -> log.records.size() == 1);

    worker.close();
    server.close();

    await().atMost(Duration.ofSeconds(5)).until(result::isDone);
    assertThat(result).isCompletedExceptionally();
    assertThat(result.handle((r, e) -> e).join()).isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CancellationException.class);
    assertThat(log.records).extracting(NotificationDelivery::getOutcome).containsExactly(DeliveryOutcome.RETRYING);
    assertThat(log.deadLetters).isEmpty();
  }
}
