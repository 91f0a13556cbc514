package com.coachstream.common.kafka;

/**
 * Keeps the JDK from holding on to a direct buffer as large as the largest Kafka fetch response.
 *
 * <p>Why: Kafka clients read responses into heap buffers. The JDK reads a socket into a heap buffer through a
 * temporary direct buffer of the same size, and by default keeps that buffer for the thread's next read, however
 * large. A consumer of many partitions gets fetch responses of tens of megabytes, so each process held that
 * much memory outside the heap for good: 46 MiB of the streams processor's 603 MiB in the memory benchmark,
 * 1 MiB with a limit (docs/performance.md, round six). With {@code jdk.nio.maxCachedBufferSize} a larger
 * temporary buffer is freed after its read instead.
 *
 * <p>The JDK reads the property once, when a thread first reads a socket that way, so each service's
 * {@code main} calls {@link #limit()} first. A value given on the command line ({@code -D}) wins.
 */
public final class NioBufferCache {

  public static final String PROPERTY = "jdk.nio.maxCachedBufferSize";
  /** Larger than any buffer a client reads small responses into, far smaller than a fetch of many partitions. */
  public static final long LIMIT_BYTES = 256 * 1024;

  private NioBufferCache() { }

  public static void limit() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, String.valueOf(LIMIT_BYTES));
    }
  }
}
