package com.coachstream.common.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side every CoachStream service shares: {@code /health} (the process works), {@code /ready}
 * (it can do its job: connected, assigned, restored) and Prometheus {@code /metrics}, plus whatever API
 * the service mounts with {@link #handle}. Built on the JDK's HTTP server: no extra dependency.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;

  private OpsServer(HttpServer server, ExecutorService executor, PrometheusMeterRegistry registry) {
    this.server = server;
    this.executor = executor;
    this.registry = registry;
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one).
   *
   * @param healthy whether the service is alive (false only when it failed for good)
   * @param ready whether the service is ready to serve
   */
  public static OpsServer start(String host, int port, PrometheusMeterRegistry registry,
      BooleanSupplier healthy, BooleanSupplier ready) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
      ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "ops-http");
        t.setDaemon(true);
        return t;
      });
      server.setExecutor(executor);
      OpsServer ops = new OpsServer(server, executor, registry);
      server.createContext("/health", exchange -> HttpJson.respond(exchange,
          healthy.getAsBoolean() ? 200 : 503, Map.of("status", healthy.getAsBoolean() ? "UP" : "DOWN")));
      server.createContext("/ready", exchange -> HttpJson.respond(exchange,
          ready.getAsBoolean() ? 200 : 503, Map.of("status", ready.getAsBoolean() ? "READY" : "NOT_READY")));
      server.createContext("/metrics", ops::metrics);
      server.start();
      log.info("HTTP on http://{}:{} (/health, /ready, /metrics)", host, server.getAddress().getPort());
      return ops;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot serve HTTP on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** Creates a Prometheus registry for one service. */
  public static PrometheusMeterRegistry newRegistry() {
    return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  }

  /** Mounts an API handler under a path prefix. */
  public void handle(String pathPrefix, HttpHandler handler) {
    server.createContext(pathPrefix, exchange -> {
      try {
        handler.handle(exchange);
      } catch (RuntimeException e) {
        log.warn("Error serving {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
        HttpJson.respond(exchange, 500, Map.of("error", "internal error"));
      }
    });
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  private void metrics(HttpExchange exchange) throws IOException {
    byte[] body = registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
