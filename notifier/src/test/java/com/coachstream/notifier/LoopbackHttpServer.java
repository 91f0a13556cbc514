package com.coachstream.notifier;

import com.coachstream.notifier.channel.HttpPostChannel;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers with scripted responses: the
 * receiving end of the webhook, Slack and Teams channels in tests. It can be stopped (connections are
 * refused) and restarted on the same port, to play an endpoint that is down for a while.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** One received request. */
  public record Received(String path, Map<String, List<String>> headers, byte[] body, long receivedAtNanos) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public String alertId() {
      return header(HttpPostChannel.ALERT_ID_HEADER);
    }

    public String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** A scripted answer; {@code hangs} holds the request unanswered until the server closes. */
  public record Reply(int status, Map<String, String> headers, boolean hangs) {
    public static Reply status(int status) {
      return new Reply(status, Map.of(), false);
    }

    public static Reply hanging() {
      return new Reply(0, Map.of(), true);
    }
  }

  private final Function<Received, Reply> responder;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Received> answeredOk = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private final int port;
  private HttpServer server;
  private ExecutorService handlers;
  private boolean listening;

  /** Answers with {@code script} in order, then {@code afterScript} for ever. */
  public LoopbackHttpServer(List<Reply> script, Reply afterScript) throws IOException {
    this(scripted(script, afterScript, request -> "every request"));
  }

  /** Plays {@code script}, then {@code afterScript}, to each alert (X-CoachStream-Alert-Id) on its own. */
  public static LoopbackHttpServer perAlert(List<Reply> script, Reply afterScript) throws IOException {
    return new LoopbackHttpServer(scripted(script, afterScript, Received::alertId));
  }

  public static LoopbackHttpServer ok() throws IOException {
    return new LoopbackHttpServer(List.of(), Reply.status(200));
  }

  private LoopbackHttpServer(Function<Received, Reply> responder) throws IOException {
    this.responder = responder;
    this.port = listen(0);
  }

  private static Function<Received, Reply> scripted(List<Reply> script, Reply after, Function<Received, String> key) {
    List<Reply> replies = List.copyOf(script);
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    return request -> {
      int call = calls.computeIfAbsent(String.valueOf(key.apply(request)), k -> new AtomicInteger()).getAndIncrement();
      return call < replies.size() ? replies.get(call) : after;
    };
  }

  private synchronized int listen(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
    handlers = Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.createContext("/", this::handle);
    server.start();
    listening = true;
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Received request = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body,
        System.nanoTime());
    received.add(request);
    Reply reply = responder.apply(request);
    if (reply.hangs()) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (reply.status() >= 200 && reply.status() < 300) {
      answeredOk.add(request); // before the client can see the answer, so tests that saw it see this too
    }
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(reply.status(), -1);
    exchange.close();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Every request, whatever the answer. */
  public List<Received> received() {
    return received;
  }

  /** The requests answered with a 2xx: the deliveries the receiver acknowledged. */
  public List<Received> answeredOk() {
    return answeredOk;
  }

  /** Closes the listening socket: connections to the port are refused until {@link #restart()}. */
  public synchronized void stop() {
    if (listening) {
      listening = false;
      server.stop(0);
      handlers.shutdown();
    }
  }

  /** Listens again on the same port. */
  public synchronized void restart() throws IOException {
    listen(port);
  }

  @Override
  public synchronized void close() {
    released.countDown();
    stop();
  }
}
