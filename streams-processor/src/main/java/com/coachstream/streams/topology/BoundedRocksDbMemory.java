package com.coachstream.streams.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB stores of this process together. By default Kafka Streams gives
 * every store of every partition its own 50 MB block cache and up to 3 x 16 MB of memtables: with five stores
 * and twelve partitions that can reach gigabytes. Here every store shares one block cache of
 * {@value #MEMORY_CONFIG} bytes, and their memtables are charged against it (Kafka Streams' documented
 * bounded-memory setup). The cache is per process: the first configured size wins.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Streams config key (set from the {@code state.rocksdb.memory.mb} setting) holding the total in bytes. */
  public static final String MEMORY_CONFIG = "coachstream.rocksdb.memory.bytes";
  /** Share of the cache memtables may take before RocksDB flushes them. */
  private static final double MEMTABLE_SHARE = 0.5;
  /** Share of the cache kept for index and filter blocks, so data blocks never evict them. */
  private static final double INDEX_FILTER_SHARE = 0.1;
  private static final long MEMTABLE_BYTES = 8L << 20;

  private static Cache cache;
  private static WriteBufferManager writeBuffers;

  private static synchronized void initialise(long totalBytes) {
    if (cache == null) {
      cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_SHARE);
      writeBuffers = new WriteBufferManager((long) (totalBytes * MEMTABLE_SHARE), cache);
    }
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object configured = configs.get(MEMORY_CONFIG);
    long total = configured == null ? 64L << 20 : Long.parseLong(configured.toString());
    initialise(total);
    BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    table.setBlockCache(cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferSize(Math.min(MEMTABLE_BYTES, total / 8));
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write buffer manager are shared by every store: they live as long as the process
  }
}
