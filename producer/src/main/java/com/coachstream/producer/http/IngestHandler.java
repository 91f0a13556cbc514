package com.coachstream.producer.http;

import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import com.coachstream.producer.http.RequestBody.Item;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.common.ops.HttpJson;
import com.coachstream.common.ops.OpsServer;
import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Principal;
import com.coachstream.schemas.json.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import com.coachstream.schemas.validation.Violation;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code POST /v1/events} (any input event, supervisor actions included) and {@code POST /v1/actions} (only
 * supervisor actions, each a CoachingAction object whose {@code "type"} is the action's type). Each is its own handler on its
 * own route, so access rules attach per route. Answers only after Kafka acknowledged every valid event of the request:
 * <ul>
 *   <li>202 when at least one event was accepted, with a result per event (a mixed request is 202: the
 *       accepted events are in Kafka, the rejected ones carry their reasons, fix and re-send only those);</li>
 *   <li>400 when no event was accepted (all rejected, or the body is not JSON / empty);</li>
 *   <li>413 over the body limit (401/403 for a caller who is not a sender come from the server's access gate,
 *       405 for other methods from its router, which only passes POST here);</li>
 *   <li>503 when Kafka did not acknowledge a valid event in time (results say which): re-send them, the
 *       pipeline drops identical re-sends.</li>
 * </ul>
 */
final class IngestHandler implements HttpHandler {

  /** Longer than the producer's delivery timeout, so the producer's own error is what we report. */
  private static final Duration ACK_WAIT = Duration.ofSeconds(45);
  /** A refused request's body is read and dropped up to this many times the body limit (see {@link #refuse}). */
  private static final long DISCARD_FACTOR = 16;

  private final CoachStreamProducer producer;
  private final EventChecker checker;
  private final int bodyLimit;
  private final MeterRegistry metrics;
  private final Timer requestTimer;
  private final Consumer<Boolean> brokerReachable;
  /** The actions route: elements are actions, whose "type" is the action type. */
  private final boolean actionsOnly;
  /** On the actions route: who may post an action in whose name (null on the events route: senders only). */
  private final AccessPolicy policy;

  /** {@code POST /v1/events}: every input event kind. */
  static IngestHandler events(CoachStreamProducer producer, int bodyLimit, MeterRegistry metrics,
      Consumer<Boolean> brokerReachable) {
    return new IngestHandler(producer, bodyLimit, metrics, brokerReachable, false, "/v1/events", null);
  }

  /** {@code POST /v1/actions}: supervisor actions only. */
  static IngestHandler actions(CoachStreamProducer producer, int bodyLimit, MeterRegistry metrics,
      Consumer<Boolean> brokerReachable, AccessPolicy policy) {
    return new IngestHandler(producer, bodyLimit, metrics, brokerReachable, true, "/v1/actions", policy);
  }

  private IngestHandler(CoachStreamProducer producer, int bodyLimit, MeterRegistry metrics,
      Consumer<Boolean> brokerReachable, boolean actionsOnly, String path, AccessPolicy policy) {
    this.actionsOnly = actionsOnly;
    this.policy = policy;
    this.producer = producer;
    this.checker = new EventChecker(producer.validator());
    this.bodyLimit = bodyLimit;
    this.metrics = metrics;
    this.requestTimer = Timer.builder("coachstream.ingest.requests").description("POST requests to the ingest routes")
        .tag("path", path).register(metrics);
    this.brokerReachable = brokerReachable;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = declaredTooLarge(exchange) ? null : readWithinLimit(exchange.getRequestBody());
      if (body == null) {
        refuse(exchange, 413, error("TOO_LARGE", "the body is larger than " + bodyLimit + " bytes; split it"));
        return;
      }
      requestTimer.record(() -> answer(exchange, body));
    }
  }

  /** The body, or null when it is larger than the limit: reading stops there, so it costs no more memory. */
  private byte[] readWithinLimit(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(bodyLimit + 1);
    return bytes.length > bodyLimit ? null : bytes;
  }

  /**
   * Answers without using the body, after reading and dropping what is left of it (up to {@link #DISCARD_FACTOR}
   * times the limit): closing a connection with unread input makes TCP reset it, and the client would lose the
   * answer that tells it to split the batch or send a token. Past that bound (an abusive upload) it is simply closed.
   */
  private void refuse(HttpExchange exchange, int status, Map<String, String> answer) throws IOException {
    InputStream rest = exchange.getRequestBody();
    byte[] buffer = new byte[8192];
    long dropped = 0;
    int read;
    while (dropped < DISCARD_FACTOR * bodyLimit && (read = rest.read(buffer)) >= 0) {
      dropped += read;
    }
    HttpJson.respond(exchange, status, answer);
  }

  private boolean declaredTooLarge(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length != null && Long.parseLong(length.trim()) > bodyLimit;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void answer(HttpExchange exchange, byte[] body) {
    try {
      List<Item> items;
      try {
        items = RequestBody.parse(body);
      } catch (ValidationException e) {
        Violation v = e.violations().get(0);
        HttpJson.respond(exchange, 400, error(v.reason().name(), v.message()));
        return;
      }
      String foreign = actionsOnly ? actionOfSomeoneElse(items, OpsServer.principal(exchange)) : null;
      if (foreign != null) {
        HttpJson.respond(exchange, 403, error("FORBIDDEN", "you may post only your own actions (actorId "
            + "your user id); " + foreign + " is someone else's"));
        return;
      }
      List<RecordResult> results = ingest(items);
      long accepted = count(results, "accepted");
      long failed = count(results, "failed");
      int status = failed > 0 ? 503 : accepted > 0 ? 202 : 400;
      if (status == 503) {
        exchange.getResponseHeaders().set("Retry-After", "5");
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("accepted", accepted);
      answer.put("rejected", count(results, "rejected"));
      answer.put("failed", failed);
      answer.put("results", results);
      HttpJson.respond(exchange, status, answer);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The first actorId the caller may not act for, or null when every action is the caller's to post. */
  private String actionOfSomeoneElse(List<Item> items, Principal caller) {
    for (Item item : items) {
      if (item.json() != null && item.json().hasNonNull("actorId")
          && !policy.maySendActionOf(caller, item.json().get("actorId").asText())) {
        return "actorId " + item.json().get("actorId").asText();
      }
    }
    return null;
  }

  private List<RecordResult> ingest(List<Item> items) {
    List<RecordResult> results = new ArrayList<>(items.size());
    List<CompletableFuture<RecordMetadata>> pending = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Checked checked = check(item);
      if (checked.isValid()) {
        pending.add(producer.sendValidated(checked.event()));
        results.add(null);
      } else {
        Violation first = checked.violations().get(0);
        results.add(RecordResult.rejected(i, first.reason().name(), first.field(), checked.message()));
        pending.add(null);
      }
    }
    for (int i = 0; i < items.size(); i++) {
      if (pending.get(i) != null) {
        results.set(i, awaitAck(i, pending.get(i)));
      }
      metrics.counter("coachstream.ingest.records", "status", results.get(i).status()).increment();
    }
    return results;
  }

  /** On the actions route an element is a CoachingAction as is (its "type" is the action's); "type": "action" works too. */
  private Checked check(Item item) {
    if (!actionsOnly || item.json() == null) {
      return item.check(checker);
    }
    JsonNode kind = item.json().get("type");
    if (kind != null && EventType.ACTION.wireName().equals(kind.asText())) {
      return item.check(checker);
    }
    if (kind != null && EventType.fromWireName(kind.asText()).isPresent()) {
      return Checked.rejected(List.of(new Violation(ReasonCode.UNKNOWN_TYPE, "type", "this route takes only actions "
          + "(ACKNOWLEDGED, SNOOZED, DISMISSED, COACHED); send \"" + kind.asText() + "\" events to /v1/events")));
    }
    return checker.checkAction(item.json());
  }

  private RecordResult awaitAck(int index, CompletableFuture<RecordMetadata> ack) {
    try {
      RecordMetadata metadata = ack.get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      brokerReachable.accept(true);
      return RecordResult.accepted(index, metadata.topic(), metadata.partition(), metadata.offset());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SendFailedException failure && failure.recordTooLarge()) {
        // Refused for good, not failed: a 503 would invite the sender to retry it forever.
        return RecordResult.rejected(index, ReasonCode.TOO_LARGE.name(), null, "the event is larger than Kafka accepts");
      }
      if (e.getCause() instanceof SendFailedException failure && failure.brokerUnreachable()) {
        brokerReachable.accept(false);
      }
      return RecordResult.failed(index, e.getCause().getMessage());
    } catch (TimeoutException e) {
      brokerReachable.accept(false);
      return RecordResult.failed(index, "Kafka did not acknowledge the event within " + ACK_WAIT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RecordResult.failed(index, "interrupted while waiting for Kafka");
    }
  }

  private static long count(List<RecordResult> results, String status) {
    return results.stream().filter(r -> r.status().equals(status)).count();
  }

  private static Map<String, String> error(String reason, String message) {
    return Map.of("error", reason, "message", message);
  }
}
