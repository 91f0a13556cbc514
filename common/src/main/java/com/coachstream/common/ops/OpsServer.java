package com.coachstream.common.ops;

import com.coachstream.common.security.AccessPolicy;
import com.coachstream.common.security.Authenticator;
import com.coachstream.common.security.Operation;
import com.coachstream.common.security.Principal;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side every CoachStream service shares: {@code /health} (the process works), {@code /ready}
 * (it can do its job: connected, assigned, restored) and Prometheus {@code /metrics}, plus the routes the
 * service adds with {@link #route} and its OpenAPI document ({@link #describedBy}). Every request goes through
 * one dispatcher that knows the registered routes, so {@link #routes()} is exactly what is served: an unknown
 * path answers 404, a known path with another method 405. Built on the JDK's HTTP server.
 */
public final class OpsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusMeterRegistry registry;
  private final Router router = new Router();
  private volatile AccessGate gate = AccessGate.closed();

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
      ops.route("GET", "/health", Operation.PROBE, exchange -> HttpJson.respond(exchange,
          healthy.getAsBoolean() ? 200 : 503, Map.of("status", healthy.getAsBoolean() ? "UP" : "DOWN")));
      ops.route("GET", "/ready", Operation.PROBE, exchange -> HttpJson.respond(exchange,
          ready.getAsBoolean() ? 200 : 503, Map.of("status", ready.getAsBoolean() ? "READY" : "NOT_READY")));
      ops.route("GET", "/metrics", Operation.READ_METRICS, ops::metrics);
      server.createContext("/", ops.router::dispatch);
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

  /**
   * Puts every route behind access control: credentials read by {@code authenticator}, decisions by
   * {@code policy}. Until this is called only {@link Operation#PROBE} routes (and open metrics) answer.
   */
  public void secure(Authenticator authenticator, AccessPolicy policy) {
    this.gate = new AccessGate(authenticator, policy);
  }

  /** The authenticator of {@link #secure}, to issue service tokens for calls to other instances. */
  public Authenticator authenticator() {
    if (gate.authenticator() == null) {
      throw new IllegalStateException("this server is not secured");
    }
    return gate.authenticator();
  }

  /**
   * A route without an access policy: refused to everyone (401 or 403). Kept so a route registered without
   * thinking about access fails closed; use {@link #route(String, String, Operation, HttpHandler)}.
   */
  public void route(String method, String template, HttpHandler handler) {
    log.warn("Route {} {} has no access policy: every request to it is refused", method, template);
    route(method, template, null, handler);
  }

  /**
   * Serves {@code method template} (see {@link Route}) for callers the access policy allows to perform
   * {@code operation}; the handler finds the caller with {@link #principal} and the path parameters with
   * {@link #pathParameter}. A runtime error in the handler answers 500 and is logged.
   */
  public void route(String method, String template, Operation operation, HttpHandler handler) {
    router.add(new Route(method, template), exchange -> {
      try {
        if (!gate.admit(exchange, operation)) {
          return;
        }
        handler.handle(exchange);
      } catch (RuntimeException e) {
        log.warn("Error serving {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e.toString());
        HttpJson.respond(exchange, 500, Map.of("error", "internal error"));
      }
    });
  }

  /** Serves the service's OpenAPI document (a class-path resource) at {@code GET /openapi.yaml}. */
  public void describedBy(ApiDescription description) {
    byte[] body = description.bytes();
    route("GET", ApiDescription.PATH, Operation.PROBE, exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/yaml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (var out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }

  /** Every route this server answers, in the order they were registered. */
  public List<Route> routes() {
    return router.routes();
  }

  /** A path parameter of the route that is handling {@code exchange}, decoded. */
  public static String pathParameter(HttpExchange exchange, String name) {
    return Router.parameters(exchange).get(name);
  }

  /** The signed-in caller of a request to a route that is not open. */
  public static Principal principal(HttpExchange exchange) {
    return AccessGate.principal(exchange);
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
