package com.coachstream.notifier.delivery;

/**
 * Where an alert came from: enough to dead-letter its original bytes (docs/topics.md) and to file its delivery
 * records in {@code ledgerPartition}, the deliveries partition that holds the once-only state of the
 * alert's partition.
 */
public record AlertSource(String topic, int partition, long offset, long timestampMs, byte[] key, byte[] value,
    int ledgerPartition) { }
