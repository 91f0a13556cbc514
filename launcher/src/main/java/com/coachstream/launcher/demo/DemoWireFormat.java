package com.coachstream.launcher.demo;

import com.coachstream.common.config.Settings;
import com.coachstream.kafka.local.LocalSchemaRegistry;
import com.coachstream.schemas.registry.WireFormat;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's wire format: in {@code registry}, every topic is written in the Confluent layout against a
 * schema registry — the one {@code schema.registry.url} names, else a local Apicurio registry started here.
 */
public final class DemoWireFormat {

  private DemoWireFormat() { }

  /**
   * The settings that put the demo in {@code format} (the user's own settings win over them); a registry
   * started here is pushed onto {@code resources} so it stops with the demo.
   */
  public static Map<String, String> settings(WireFormat format, Settings given, Deque<AutoCloseable> resources,
      PrintStream out) {
    Map<String, String> settings = new HashMap<>();
    settings.put("wire.format", format.id());
    if (format == WireFormat.SINGLE_OBJECT) {
      return settings;
    }
    String url = given.string("schema.registry.url", "");
    if (!url.isBlank()) {
      out.printf("  Registry %s (given by %s)%n", url, given.origin("schema.registry.url"));
      return settings;
    }
    LocalSchemaRegistry registry = LocalSchemaRegistry.start(Path.of(System.getProperty("java.io.tmpdir"), "coachstream-demo-registry"));
    resources.push(registry);
    out.printf("  Registry Apicurio schema registry at %s, started in %.1f s%n", registry.ccompatUrl(),
        registry.startTime().toMillis() / 1000.0);
    out.printf("           (try: curl %s/subjects)%n", registry.ccompatUrl());
    settings.put("schema.registry.url", registry.ccompatUrl());
    return settings;
  }
}
