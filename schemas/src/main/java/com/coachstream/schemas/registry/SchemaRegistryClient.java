package com.coachstream.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of a schema registry's Confluent-compatible REST API ({@code /subjects/{subject}/versions},
 * {@code /schemas/ids/{id}}, {@code /config/{subject}}), as served by Apicurio under {@code /apis/ccompat/v7}
 * and by Confluent's registry at its root. Ids and schemas are cached: a schema is registered once per
 * subject per process and an id is fetched once. Thread-safe.
 */
public final class SchemaRegistryClient {

  /** The compatibility CoachStream sets on the subjects it registers: consumers on the new schema read old data. */
  public static final String COMPATIBILITY = "BACKWARD";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final RegistryConnection connection;
  private final HttpClient http;
  private final Map<String, Integer> idBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();

  public SchemaRegistryClient(RegistryConnection connection) {
    this.connection = connection;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
    connection.sslContext().ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  public RegistryConnection connection() {
    return connection;
  }

  /**
   * The id of {@code schema} under {@code subject}, registering it (and setting the subject's compatibility
   * to {@link #COMPATIBILITY}) the first time. A schema the subject's compatibility refuses fails here.
   */
  public int idFor(String subject, Schema schema) {
    String key = subject + '\n' + schema;
    Integer known = idBySubjectAndSchema.get(key);
    return known != null ? known : register(key, subject, schema);
  }

  /** Once per subject and schema in this process; serialised, since the first writes of many threads race here. */
  private synchronized int register(String key, String subject, Schema schema) {
    Integer known = idBySubjectAndSchema.get(key);
    if (known != null) {
      return known;
    }
    setCompatibility(subject, COMPATIBILITY);
    JsonNode answer = send("POST", "/subjects/" + encode(subject) + "/versions",
        JSON.createObjectNode().put("schema", schema.toString()));
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException("Registering " + schema.getFullName() + " under " + subject + " gave no id: " + answer);
    }
    idBySubjectAndSchema.put(key, id);
    schemaById.putIfAbsent(id, schema);
    return id;
  }

  /** The writer schema with this id. */
  public Schema schemaById(int id) {
    return schemaById.computeIfAbsent(id, wanted -> {
      JsonNode answer = send("GET", "/schemas/ids/" + wanted, null);
      return new Schema.Parser().parse(answer.path("schema").asText());
    });
  }

  /** Sets the compatibility level of one subject ({@code BACKWARD}, {@code FULL}, {@code NONE}, ...). */
  public void setCompatibility(String subject, String level) {
    JsonNode body = JSON.createObjectNode().put("compatibility", level);
    try {
      send("PUT", "/config/" + encode(subject), body);
    } catch (SchemaRegistryException e) {
      if (e.status() != 409) {
        throw e;
      }
      // another client created the subject's rule at the same moment (Apicurio answers 409); now it exists, update it
      send("PUT", "/config/" + encode(subject), body);
    }
  }

  /** The compatibility level of one subject as the registry reports it. */
  public String compatibility(String subject) {
    JsonNode answer = send("GET", "/config/" + encode(subject), null);
    JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.path("compatibility");
    return level.asText();
  }

  private JsonNode send(String method, String path, JsonNode body) {
    URI uri = URI.create(connection.baseUrl() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .header("Accept", CONTENT_TYPE + ", application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    connection.authorization().ifPresent(value -> request.header("Authorization", value));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new SchemaRegistryException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body(),
            response.statusCode(), null);
      }
      return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException("Schema registry " + uri + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("Interrupted while calling " + uri, e);
    }
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }
}
