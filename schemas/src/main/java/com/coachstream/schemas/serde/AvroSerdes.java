package com.coachstream.schemas.serde;

import com.coachstream.schemas.registry.SchemaRegistryClient;
import com.coachstream.schemas.registry.WireFormat;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the Avro serdes of the topic catalogue, so the wire format is a property of the catalogue and every
 * topic, including one added later, gets it with no code of its own. Without a registry: single-object
 * serdes, as always. With one: {@link RegistryAvroSerde}s that write {@code writeFormat} and read both.
 */
public final class AvroSerdes {

  private final WireFormat writeFormat;
  private final SchemaRegistryClient registry;

  private AvroSerdes(WireFormat writeFormat, SchemaRegistryClient registry) {
    this.writeFormat = writeFormat;
    this.registry = registry;
  }

  /** Single-object encoding, no registry: the default. */
  public static AvroSerdes singleObject() {
    return new AvroSerdes(WireFormat.SINGLE_OBJECT, null);
  }

  /** Writes {@code writeFormat}; reads single-object and registry-framed records of {@code registry}. */
  public static AvroSerdes withRegistry(WireFormat writeFormat, SchemaRegistryClient registry) {
    return new AvroSerdes(writeFormat, registry);
  }

  public WireFormat writeFormat() {
    return writeFormat;
  }

  public Optional<SchemaRegistryClient> registry() {
    return Optional.ofNullable(registry);
  }

  /** The serde of a record value. */
  public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
    return registry == null ? new AvroSerde<>(type) : new RegistryAvroSerde<>(type, false, writeFormat, registry);
  }

  /** The serde of an Avro record key (subject {@code <topic>-key}). */
  public <T extends SpecificRecord> Serde<T> key(Class<T> type) {
    return registry == null ? new AvroSerde<>(type) : new RegistryAvroSerde<>(type, true, writeFormat, registry);
  }
}
