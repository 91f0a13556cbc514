package com.coachstream.streams.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.apache.kafka.streams.state.internals.BlockBasedTableConfigWithAccessibleCache;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * Bounds the off-heap memory of the RocksDB stores of this process. By default Kafka Streams gives every
 * store of every partition its own 50 MB block cache and up to 3 x 16 MB of memtables: with five stores and
 * twelve partitions that can reach gigabytes. Here every store shares one block cache of
 * {@code state.rocksdb.memory.mb} (index and filter blocks included), and each store's memtables are small
 * (1/64 of it, at least 512 KiB, two at most), so RocksDB flushes them early: sixty stores of a process that
 * holds every partition then keep at most about twice the cache in memtables. (The memory benchmark's 10,000
 * agents peaked at 673 MiB RSS with 1/16, 593 MiB with 1/64; docs/performance.md.) The cache is per process:
 * the first configured size wins.
 *
 * <p>Memtables are deliberately not charged to the cache through a {@code WriteBufferManager}: measured on
 * the benchmark, a manager shared by sixty stores kept triggering flushes and stalled writes for seconds.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Streams config key (set from the {@code state.rocksdb.memory.mb} setting) holding the total in bytes. */
  public static final String MEMORY_CONFIG = "coachstream.rocksdb.memory.bytes";
  /** Share of the cache kept for index and filter blocks, so data blocks never evict them. */
  private static final double INDEX_FILTER_SHARE = 0.1;

  private static Cache cache;

  private static synchronized Cache cache(long totalBytes) {
    if (cache == null) {
      cache = new LRUCache(totalBytes, -1, false, INDEX_FILTER_SHARE);
    }
    return cache;
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Object configured = configs.get(MEMORY_CONFIG);
    long total = configured == null ? 16L << 20 : Long.parseLong(configured.toString());
    BlockBasedTableConfigWithAccessibleCache table = (BlockBasedTableConfigWithAccessibleCache) options.tableFormatConfig();
    table.setBlockCache(cache(total));
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferSize(Math.max(512L << 10, total / 64));
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache is shared by every store: it lives as long as the process
  }
}
