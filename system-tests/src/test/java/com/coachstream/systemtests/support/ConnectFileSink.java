package com.coachstream.systemtests.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A Kafka Connect standalone worker, as a data team runs one, in this JVM: Apache Kafka's own
 * {@code FileStreamSinkConnector} writes one topic to a file, through a registry-aware value converter.
 */
public final class ConnectFileSink implements AutoCloseable {

  private final Connect<StandaloneHerder> connect;

  private ConnectFileSink(Connect<StandaloneHerder> connect) {
    this.connect = connect;
  }

  /** Starts the worker and the connector {@code name}: {@code topic} to {@code file}, values decoded. */
  public static ConnectFileSink start(Properties client, String topic, Path file, Path offsets, String registryUrl)
      throws Exception {
    Map<String, String> worker = new HashMap<>();
    client.forEach((key, value) -> {
      worker.put(key.toString(), value.toString());
      worker.put("consumer." + key, value.toString());
    });
    worker.put("key.converter", StringConverter.class.getName());
    worker.put("value.converter", RegistryJsonConverter.class.getName());
    worker.put("value.converter.schema.registry.url", registryUrl);
    worker.put("offset.storage.file.filename", offsets.toString());
    worker.put("listeners", "http://127.0.0.1:0");
    worker.put("plugin.discovery", "only_scan");
    Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(worker);
    Map<String, String> connector = new HashMap<>();
    connector.put("name", "alerts-to-file");
    connector.put("connector.class", FileStreamSinkConnector.class.getName());
    connector.put("tasks.max", "1");
    connector.put("topics", topic);
    connector.put("file", file.toString());
    FutureCallback<org.apache.kafka.connect.runtime.Herder.Created<org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo>> created =
        new FutureCallback<>();
    connect.herder().putConnectorConfig("alerts-to-file", connector, false, created);
    created.get(60, TimeUnit.SECONDS);
    return new ConnectFileSink(connect);
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
