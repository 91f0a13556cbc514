package com.coachstream.launcher.demo;

import com.coachstream.common.config.Settings;
import com.coachstream.notifier.NotifierService;
import com.coachstream.streams.StreamsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams processor and the notifier running side by side in this JVM, against one Kafka cluster:
 * the demo's and the end-to-end test's pipeline. Closing stops the notifier first (no alert is left half
 * delivered), then the streams processor.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

  private final StreamsService streams;
  private final NotifierService.Handle notifier;

  private Pipeline(StreamsService streams, NotifierService.Handle notifier) {
    this.streams = streams;
    this.notifier = notifier;
  }

  public static Pipeline start(Settings streamsSettings, Settings notifierSettings) {
    StreamsService streams = StreamsService.start(streamsSettings);
    try {
      return new Pipeline(streams, NotifierService.start(notifierSettings));
    } catch (RuntimeException e) {
      streams.close();
      throw e;
    }
  }

  public StreamsService streams() {
    return streams;
  }

  public NotifierService.Handle notifier() {
    return notifier;
  }

  @Override
  public void close() {
    try {
      notifier.close();
    } catch (RuntimeException e) {
      log.warn("Error while stopping the notifier: {}", e.toString());
    }
    streams.close();
  }
}
