package com.coachstream.common.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Picks the handler of a request among the registered routes; answers 404 and 405 itself. */
final class Router {

  private static final String PARAMETERS = "coachstream.path-parameters";
  /** A refused request's body is read up to this much, so the client sees the answer, not a reset. */
  private static final long DISCARD_LIMIT = 1 << 20;

  private record Entry(Route route, HttpHandler handler) { }

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  void add(Route route, HttpHandler handler) {
    for (Entry entry : entries) {
      if (entry.route().equals(route)) {
        throw new IllegalStateException("Route registered twice: " + route);
      }
    }
    entries.add(new Entry(route, handler));
  }

  List<Route> routes() {
    return entries.stream().map(Entry::route).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> parameters(HttpExchange exchange) {
    Object parameters = exchange.getAttribute(PARAMETERS);
    return parameters == null ? Map.of() : (Map<String, String>) parameters;
  }

  void dispatch(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    List<Entry> onPath = entries.stream().filter(e -> e.route().match(path).isPresent()).toList();
    Optional<Entry> chosen = onPath.stream().filter(e -> e.route().method().equals(method)).findFirst();
    if (chosen.isPresent()) {
      exchange.setAttribute(PARAMETERS, chosen.get().route().match(path).orElseThrow());
      chosen.get().handler().handle(exchange);
    } else if (onPath.isEmpty()) {
      refuse(exchange, 404, Map.of("error", "NOT_FOUND",
          "message", "no such resource; GET " + ApiDescription.PATH + " lists what this service serves"));
    } else {
      String allowed = onPath.stream().map(e -> e.route().method()).distinct().collect(Collectors.joining(", "));
      exchange.getResponseHeaders().set("Allow", allowed);
      refuse(exchange, 405, Map.of("error", "METHOD_NOT_ALLOWED", "message", "use " + allowed));
    }
  }

  static void refuse(HttpExchange exchange, int status, Map<String, String> answer) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      long dropped = 0;
      byte[] buffer = new byte[8192];
      int read;
      while (dropped < DISCARD_LIMIT && (read = body.read(buffer)) >= 0) {
        dropped += read;
      }
      HttpJson.respond(exchange, status, answer);
    }
  }
}
