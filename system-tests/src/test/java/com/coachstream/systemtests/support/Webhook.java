package com.coachstream.systemtests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A webhook receiver on loopback (a real HTTP server): records every notification the notifier posts and answers 204. */
public final class Webhook implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One POST as received: its body and headers. */
  public record Delivery(String body, Map<String, List<String>> headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String alertId() {
      return json().path("alertId").asText();
    }
  }

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  public Webhook() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/alerts", exchange -> {
      deliveries.add(new Delivery(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          Map.copyOf(exchange.getRequestHeaders())));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  /** Notifier settings routing every alert to this webhook, on a route named {@code hook}. */
  public Map<String, String> notifierSettings() {
    return Map.of("routes.default", "hook", "channel.hook.type", "webhook", "channel.hook.url", url());
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Alert ids received, each once however often it was posted. */
  public Set<String> alertIds() {
    return deliveries.stream().map(Delivery::alertId).collect(Collectors.toSet());
  }

  /** How many times each alert id was posted. */
  public Map<String, Long> postsPerAlert() {
    return deliveries.stream().collect(Collectors.groupingBy(Delivery::alertId, Collectors.counting()));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
