package com.coachstream.workspace;

import com.coachstream.common.security.Principal;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Server-sent events for an open team page: every few seconds the alerts the signed-in user may see are read
 * through the query API (so the stream carries nothing outside the user's scope), and an {@code alert} event
 * with the newest alert id goes out when it changed. The page then refreshes its table without a reload.
 */
final class LiveAlerts implements AutoCloseable {

  private final StreamsQueries queries;
  private final long periodMs;
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "workspace-live-alerts");
    t.setDaemon(true);
    return t;
  });

  LiveAlerts(StreamsQueries queries, long periodMs) {
    this.queries = queries;
    this.periodMs = periodMs;
  }

  void follow(SseClient client, Principal user) {
    client.keepAlive();
    AtomicReference<String> newest = new AtomicReference<>(newestAlert(user));
    client.sendEvent("ready", newest.get());
    ScheduledFuture<?> task = timer.scheduleWithFixedDelay(() -> {
      try {
        String now = newestAlert(user);
        if (!now.equals(newest.getAndSet(now))) {
          client.sendEvent("alert", now);
        }
      } catch (RuntimeException e) {
        client.sendComment("query API unavailable");
      }
    }, periodMs, periodMs, TimeUnit.MILLISECONDS);
    client.onClose(() -> task.cancel(false));
  }

  private String newestAlert(Principal user) {
    return queries.alerts(user).stream().findFirst().map(a -> a.path("alertId").asText()).orElse("none");
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
