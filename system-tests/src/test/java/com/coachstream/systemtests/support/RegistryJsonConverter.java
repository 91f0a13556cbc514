package com.coachstream.systemtests.support;

import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.registry.RegistryConnection;
import com.coachstream.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A registry-aware Kafka Connect converter for sink connectors: each value in the Confluent layout becomes
 * its record as a JSON string, its schema fetched by id from {@code schema.registry.url} (set as
 * {@code value.converter.schema.registry.url}). Read-only: a sink never asks a converter to encode.
 */
public final class RegistryJsonConverter implements Converter {

  private SchemaRegistryClient registry;

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object url = configs.get("schema.registry.url");
    if (url == null) {
      throw new DataException("RegistryJsonConverter needs schema.registry.url");
    }
    registry = new SchemaRegistryClient(RegistryConnection.of(url.toString()));
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    throw new DataException("RegistryJsonConverter only reads (sink connectors)");
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    try {
      return new SchemaAndValue(Schema.STRING_SCHEMA, RecordDecoder.toJson(value, Optional.of(registry)).toString());
    } catch (RuntimeException e) {
      throw new DataException("Cannot decode a record of " + topic + ": " + e.getMessage(), e);
    }
  }
}
