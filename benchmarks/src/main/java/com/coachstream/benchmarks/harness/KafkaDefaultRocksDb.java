package com.coachstream.benchmarks.harness;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * Leaves RocksDB as Kafka Streams configures it (its own cache and memtables per store), to compare with the
 * processor's bounded memory: {@code --set kafka.rocksdb.config.setter=com.coachstream.benchmarks.harness.KafkaDefaultRocksDb}.
 */
public final class KafkaDefaultRocksDb implements RocksDBConfigSetter {

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    // Kafka Streams' defaults
  }

  @Override
  public void close(String storeName, Options options) {
    // nothing to release
  }
}
