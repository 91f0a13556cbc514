package com.coachstream.notifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers with scripted responses: the
 * receiving end of the webhook, Slack and Teams channels in tests.
 */
public final class LoopbackHttpServer implements AutoCloseable {

  /** One received request. */
  public record Received(String path, Map<String, List<String>> headers, byte[] body, long receivedAtNanos) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** A scripted answer; {@code hangs} holds the request until the server closes. */
  public record Reply(int status, Map<String, String> headers, boolean hangs) {
    public static Reply status(int status) {
      return new Reply(status, Map.of(), false);
    }

    public static Reply hanging() {
      return new Reply(0, Map.of(), true);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Reply> script;
  private final Reply afterScript;
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch released = new CountDownLatch(1);

  /** Answers with {@code script} in order, then {@code afterScript} for ever. */
  public LoopbackHttpServer(List<Reply> script, Reply afterScript) throws IOException {
    this.script = List.copyOf(script);
    this.afterScript = afterScript;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public static LoopbackHttpServer ok() throws IOException {
    return new LoopbackHttpServer(List.of(), Reply.status(200));
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
    int call = calls.getAndIncrement();
    Reply reply = call < script.size() ? script.get(call) : afterScript;
    if (reply.hangs()) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(reply.status(), -1);
    exchange.close();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
