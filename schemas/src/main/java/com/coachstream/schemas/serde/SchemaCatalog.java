package com.coachstream.schemas.serde;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.AgentSkillWindow;
import com.coachstream.avro.AgentWindowKey;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.avro.CoachingEffect;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.NotificationDelivery;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.avro.RuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every record schema CoachStream writes: the current version of each, and each released version
 * shipped in the jar under {@code coachstream/schemas/released/vN/}. Readers use it to find a writer's
 * schema from the 8-byte fingerprint of a single-object-encoded record, with no registry service.
 */
public final class SchemaCatalog {

  /** The record types on CoachStream's topics, current version. */
  public static final List<Class<? extends SpecificRecord>> RECORD_TYPES = List.of(
      InteractionEvent.class, QaEvaluation.class, AgentProfile.class, AgentWindowKey.class,
      AgentSkillWindow.class, CoachingAlert.class, NotificationDelivery.class, CoachingAction.class,
      CoachingEffect.class, RuleSet.class);

  private static final String RELEASED_ROOT = "coachstream/schemas/released/";
  private static final SchemaCatalog INSTANCE = load();

  private final Map<String, Schema> currentByName;
  private final Map<String, List<Schema>> releasedByName;
  private final Map<Long, Schema> byFingerprint;

  private SchemaCatalog(Map<String, Schema> current, Map<String, List<Schema>> released) {
    this.currentByName = Map.copyOf(current);
    this.releasedByName = Map.copyOf(released);
    Map<Long, Schema> fingerprints = new HashMap<>();
    released.values().forEach(list -> list.forEach(s -> fingerprints.put(fingerprint(s), s)));
    current.values().forEach(s -> fingerprints.put(fingerprint(s), s));
    this.byFingerprint = Map.copyOf(fingerprints);
  }

  public static SchemaCatalog get() {
    return INSTANCE;
  }

  /** The current schema of a record type, by full name (e.g. {@code com.coachstream.avro.CoachingAlert}). */
  public Optional<Schema> current(String fullName) {
    return Optional.ofNullable(currentByName.get(fullName));
  }

  /** Released versions of a record type, oldest first. */
  public List<Schema> released(String fullName) {
    return releasedByName.getOrDefault(fullName, List.of());
  }

  /** The writer schema with this single-object-encoding fingerprint (CRC-64-AVRO of the canonical form). */
  public Optional<Schema> byFingerprint(long fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  public static long fingerprint(Schema schema) {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  private static SchemaCatalog load() {
    Map<String, Schema> current = new HashMap<>();
    for (Class<? extends SpecificRecord> type : RECORD_TYPES) {
      Schema schema = org.apache.avro.specific.SpecificData.get().getSchema(type);
      current.put(schema.getFullName(), schema);
    }
    Map<String, List<Schema>> released = new HashMap<>();
    for (String version : readLines(RELEASED_ROOT + "versions.txt")) {
      for (String file : readLines(RELEASED_ROOT + version + "/index.txt")) {
        Schema schema = parse(RELEASED_ROOT + version + "/" + file);
        released.computeIfAbsent(schema.getFullName(), k -> new ArrayList<>()).add(schema);
      }
    }
    return new SchemaCatalog(current, released);
  }

  private static Schema parse(String resource) {
    try (InputStream in = resourceStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read released schema " + resource, e);
    }
  }

  private static List<String> readLines(String resource) {
    try (InputStream in = resourceStream(resource);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private static InputStream resourceStream(String resource) {
    InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing resource " + resource + " (is the schemas jar complete?)");
    }
    return in;
  }
}
