package com.coachstream.common.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP route a service serves: a method and a path template such as
 * {@code /api/agents/{agentId}/scores}, where a {@code {name}} segment matches any one non-empty path segment.
 * The services register their routes with {@link OpsServer#route}; the same records are what the tests compare
 * with each service's OpenAPI document, so the document cannot describe a route that is not served.
 */
public record Route(String method, String template) {

  public Route {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("A route template starts with '/': " + template);
    }
    method = method.toUpperCase(java.util.Locale.ROOT);
  }

  /** The path parameters when {@code path} (decoded) fits the template; empty when it does not. */
  public Optional<Map<String, String>> match(String path) {
    List<String> expected = segments(template);
    List<String> actual = segments(path);
    if (expected.size() != actual.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < expected.size(); i++) {
      String want = expected.get(i);
      String got = actual.get(i);
      if (isParameter(want)) {
        if (got.isEmpty()) {
          return Optional.empty();
        }
        params.put(want.substring(1, want.length() - 1), got);
      } else if (!want.equals(got)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  @Override
  public String toString() {
    return method + " " + template;
  }

  private static boolean isParameter(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /** "/a/b/" has the segments a, b and "": a trailing slash is a different path, as it is for most clients. */
  private static List<String> segments(String path) {
    return List.of(path.substring(1).split("/", -1));
  }
}
