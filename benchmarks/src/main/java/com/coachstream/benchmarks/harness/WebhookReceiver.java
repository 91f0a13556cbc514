package com.coachstream.benchmarks.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A webhook endpoint on loopback that notes when each alert arrived ({@code System.nanoTime()}, first
 * delivery only) and answers 204 at once.
 */
public final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

  public WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/alerts", this::receive);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  private void receive(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    try (exchange) {
      String alertId = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("alertId").asText();
      arrivals.putIfAbsent(alertId, now);
      exchange.sendResponseHeaders(204, -1);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  /** Alert id to arrival time (nanoTime). */
  public Map<String, Long> arrivals() {
    return arrivals;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
