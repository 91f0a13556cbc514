package com.coachstream.workspace;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for HTTP-level tests: keeps the cookies the workspace sets (whatever their Secure flag, as
 * browsers do for localhost), does not follow redirects, posts forms.
 */
final class Browser {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String loginToken;

  Browser(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    return answer;
  }

  HttpResponse<String> signIn(String user, String password) throws Exception {
    return post("/signin", Map.of("user", user, "password", password, "csrf", loginToken));
  }

  HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Opens a server-sent event stream and returns its content type and first event's name and data. */
  String firstEvent(String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET();
    request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; ")));
    HttpResponse<java.util.stream.Stream<String>> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    try (java.util.stream.Stream<String> lines = answer.body()) {
      String event = lines.filter(l -> l.startsWith("event:") || l.startsWith("data:")).limit(2)
          .collect(Collectors.joining(" "));
      return answer.headers().firstValue("Content-Type").orElse("") + " " + event + " (status " + answer.statusCode() + ")";
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    // every sign-in form comes with a fresh token bound to a fresh cookie, as a browser would see it
    Matcher token = Pattern.compile("action=\"/signin\"><input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"")
        .matcher(answer.body());
    if (token.find()) {
      loginToken = token.group(1);
    }
    for (String setCookie : answer.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return answer;
  }
}
