package com.coachstream.streams.team;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The category scores of one team's members in one window, at a fixed resolution: each score is rounded to the
 * nearest {@link #RESOLUTION} point and counted in that bucket (0, 0.5, ..., 100). A member's update is a
 * remove and an add, and the percentile is read from the cumulative counts, so both cost the same whatever the
 * team's size, and the encoded form is bounded (one entry per occupied bucket).
 */
public final class TeamHistogram {

  public static final double RESOLUTION = 0.5;
  static final int BUCKETS = 201;

  private final int[] counts = new int[BUCKETS];
  private int members;

  /** The bucket of a score 0..100 (scores outside are clamped to it). */
  public static int bucket(double score) {
    long rounded = Math.round(score / RESOLUTION);
    return (int) Math.max(0, Math.min(BUCKETS - 1, rounded));
  }

  /** The score a bucket stands for. */
  public static double value(int bucket) {
    return bucket * RESOLUTION;
  }

  /** A score as the histogram sees it: rounded to the resolution. */
  public static double rounded(double score) {
    return value(bucket(score));
  }

  public void add(int bucket) {
    counts[bucket]++;
    members++;
  }

  /** Takes one member out of {@code bucket}; a bucket already empty is left as it is. */
  public void remove(int bucket) {
    if (counts[bucket] > 0) {
      counts[bucket]--;
      members--;
    }
  }

  public int members() {
    return members;
  }

  public boolean isEmpty() {
    return members == 0;
  }

  /**
   * The {@code p}-th percentile (0-100) of the rounded scores, interpolated between the two nearest ranks
   * (the "inclusive" definition of spreadsheets: rank {@code (n - 1) p / 100}, counted from 0): with one member or
   * all members equal it is their score, so nobody is below it. NaN without members.
   */
  public double percentile(double p) {
    if (members == 0) {
      return Double.NaN;
    }
    double rank = (members - 1) * p / 100.0;
    int lower = (int) Math.floor(rank);
    double fraction = rank - lower;
    double low = value(nth(lower));
    if (fraction == 0) {
      return low;
    }
    return low + fraction * (value(nth(lower + 1)) - low);
  }

  /** The bucket of the {@code n}-th smallest score, from 0. */
  private int nth(int n) {
    int seen = 0;
    for (int bucket = 0; bucket < BUCKETS; bucket++) {
      seen += counts[bucket];
      if (seen > n) {
        return bucket;
      }
    }
    throw new IllegalStateException("rank " + n + " of " + members);
  }

  /** Occupied buckets only: their number, then each bucket and its count. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      int occupied = (int) Arrays.stream(counts).filter(c -> c > 0).count();
      out.writeShort(occupied);
      for (int bucket = 0; bucket < BUCKETS; bucket++) {
        if (counts[bucket] > 0) {
          out.writeShort(bucket);
          out.writeInt(counts[bucket]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static TeamHistogram decode(byte[] data) {
    TeamHistogram histogram = new TeamHistogram();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int occupied = in.readShort();
      for (int i = 0; i < occupied; i++) {
        int bucket = in.readShort();
        int count = in.readInt();
        if (bucket < 0 || bucket >= BUCKETS || count < 0) {
          throw new IllegalStateException("Corrupt team histogram: bucket " + bucket + ", count " + count);
        }
        histogram.counts[bucket] += count;
        histogram.members += count;
      }
    } catch (IOException e) {
      throw new IllegalStateException("Corrupt team histogram: " + e.getMessage(), e);
    }
    return histogram;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TeamHistogram h && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "TeamHistogram(" + members + " members)";
  }
}
