package com.coachstream.common.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A service's OpenAPI 3 document, kept as a resource file beside the code and served at
 * {@code GET /openapi.yaml}. Reading it here lets the tests list the operations it documents and compare them
 * with the routes the service really registered.
 */
public final class ApiDescription {

  /** Where every service serves its document. */
  public static final String PATH = "/openapi.yaml";

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final String resource;
  private final byte[] bytes;
  private final JsonNode document;

  private ApiDescription(String resource, byte[] bytes, JsonNode document) {
    this.resource = resource;
    this.bytes = bytes;
    this.document = document;
  }

  /** Loads a document from the class path; a missing or unreadable one is a packaging error. */
  public static ApiDescription load(String resource) {
    try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The API document " + resource + " is not on the class path");
      }
      byte[] bytes = in.readAllBytes();
      return new ApiDescription(resource, bytes, new ObjectMapper(new YAMLFactory()).readTree(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the API document " + resource, e);
    }
  }

  public String resource() {
    return resource;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public JsonNode document() {
    return document;
  }

  /** Every operation the document describes, as method and path template. */
  public List<Route> operations() {
    List<Route> operations = new ArrayList<>();
    for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      for (Iterator<String> keys = document.path("paths").path(path).fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (METHODS.contains(key.toLowerCase(Locale.ROOT))) {
          operations.add(new Route(key, path));
        }
      }
    }
    return operations;
  }

  /**
   * How the document and the routes a server registered differ: each route served but not documented, and each
   * operation documented but not served. Empty when they agree.
   */
  public List<String> differencesFrom(List<Route> served) {
    List<String> differences = new ArrayList<>();
    List<Route> documented = operations();
    served.stream().filter(r -> !documented.contains(r))
        .forEach(r -> differences.add(r + " is served but not documented in " + resource));
    documented.stream().filter(r -> !served.contains(r))
        .forEach(r -> differences.add(r + " is documented in " + resource + " but not served"));
    return differences;
  }

  /**
   * Everything that stands between this document and a running service that serves {@code routes} at
   * {@code baseUri}: the document's own {@link #problems()}, its {@link #differencesFrom differences} from the
   * routes, and a {@code GET /openapi.yaml} that does not answer this very document. Empty when all is well.
   */
  public List<String> mismatchesWithService(List<Route> routes, URI baseUri) throws IOException, InterruptedException {
    List<String> mismatches = new ArrayList<>(problems());
    mismatches.addAll(differencesFrom(routes));
    HttpResponse<byte[]> served = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(baseUri.resolve(PATH)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (served.statusCode() != 200 || !Arrays.equals(served.body(), bytes)) {
      mismatches.add("GET " + PATH + " answered " + served.statusCode() + " without the document " + resource);
    }
    return mismatches;
  }

  /**
   * What makes the document unusable as OpenAPI 3 for a client generator: the version line, the info block,
   * an operation without responses, a path parameter that is not declared. Empty when it is fine.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!document.path("openapi").asText().startsWith("3.")) {
      problems.add("'openapi' must be a 3.x version, was '" + document.path("openapi").asText() + "'");
    }
    if (document.path("info").path("title").asText().isBlank() || document.path("info").path("version").asText().isBlank()) {
      problems.add("'info' needs a title and a version");
    }
    for (Route operation : operations()) {
      JsonNode node = document.path("paths").path(operation.template()).path(operation.method().toLowerCase(Locale.ROOT));
      if (!node.path("responses").isObject() || node.path("responses").isEmpty()) {
        problems.add(operation + " has no responses");
      }
      for (String name : templateParameters(operation.template())) {
        if (!declaresPathParameter(node, name)
            && !declaresPathParameter(document.path("paths").path(operation.template()), name)) {
          problems.add(operation + " does not declare its path parameter '" + name + "'");
        }
      }
    }
    return problems;
  }

  private static boolean declaresPathParameter(JsonNode holder, String name) {
    for (JsonNode parameter : holder.path("parameters")) {
      if (name.equals(parameter.path("name").asText()) && "path".equals(parameter.path("in").asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> templateParameters(String template) {
    List<String> names = new ArrayList<>();
    for (String segment : template.split("/")) {
      if (segment.startsWith("{") && segment.endsWith("}")) {
        names.add(segment.substring(1, segment.length() - 1));
      }
    }
    return names;
  }
}
