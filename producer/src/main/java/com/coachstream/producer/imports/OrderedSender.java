package com.coachstream.producer.imports;

import com.coachstream.producer.CoachStreamProducer;
import com.coachstream.producer.SendFailedException;
import com.coachstream.producer.imports.NotWritten.Why;
import com.coachstream.producer.ingest.DuplicateTracker;
import com.coachstream.producer.ingest.DuplicateTracker.Verdict;
import com.coachstream.schemas.json.EventType;
import com.coachstream.schemas.validation.ReasonCode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends the sorted events of an import. An identical re-send is counted as a duplicate and skipped; a changed
 * one (a QA correction) is sent. An event counts as accepted only once Kafka acknowledged it.
 *
 * <p>Identical re-sends carry identical event times, so once sorted they are neighbours: the ids of the current
 * event time are all it needs to remember to find every duplicate, in memory that does not grow with the import
 * (a 10 GB export holds tens of millions of ids). A re-send with changed content is sent either way; it is counted
 * as a correction when it has the same event time as the event it corrects.
 *
 * <p>A send that Kafka does not acknowledge is a line not written, named by file and line. At the first such
 * failure the import stops sending: sending later events while an earlier one is missing would break the
 * event-time order, and against a broker that is down each send would wait out its timeout. The events not
 * sent are named too, so the report lists every line that is not on its topic.
 */
final class OrderedSender {

  private final CoachStreamProducer producer;
  private final ImportProgress progress;
  private final ImportReport report;
  private final List<String> fileNames;
  private DuplicateTracker duplicatesAtTime = new DuplicateTracker();
  private long currentTime = EventTime.ROSTER;
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicLong done = new AtomicLong();
  /** The sorter holds each event in single-object encoding: with that wire format, it is sent as it is. */
  private final boolean sendsEncoded;

  /** @param fileNames the import's files, by their position in {@link ImportedEvent#file()} */
  OrderedSender(CoachStreamProducer producer, ImportProgress progress, ImportReport report, List<String> fileNames) {
    this.producer = producer;
    this.progress = progress;
    this.report = report;
    this.fileNames = fileNames;
    this.sendsEncoded = producer.writesSingleObject();
  }

  /** Sends everything the cursor yields and waits until Kafka has answered for each. */
  void sendAll(EventCursor events, long count) throws IOException {
    progress.sending(count);
    try {
      for (ImportedEvent event = events.next(); event != null; event = events.next()) {
        String file = fileNames.get(event.file());
        if (failed.get()) {
          report.notWritten(new NotWritten(file, event.line(), Why.NOT_SENT), null);
        } else {
          if (event.eventTime() != currentTime) {
            currentTime = event.eventTime();
            duplicatesAtTime = new DuplicateTracker();
          }
          send(file, event.line(), event.payload());
        }
      }
    } finally {
      producer.flush();
      progress.finished();
    }
  }

  private void send(String file, long line, byte[] encoded) {
    Verdict verdict = duplicatesAtTime.observe(EventCodec.idFingerprint(encoded), encoded);
    if (verdict == Verdict.DUPLICATE) {
      report.summary().duplicate();
      progress.sent(done.incrementAndGet());
      return;
    }
    EventType type = EventCodec.type(encoded);
    boolean correction = verdict == Verdict.CHANGED && type == EventType.QA_EVALUATION;
    CompletableFuture<RecordMetadata> sent = sendsEncoded
        ? producer.sendEncoded(type, EventCodec.agentId(encoded), EventCodec.singleObject(encoded))
        : producer.sendValidated(EventCodec.decode(encoded));
    sent.whenComplete((metadata, error) -> {
      if (error == null) {
        report.summary().accepted(correction);
        progress.sent(done.incrementAndGet());
      } else if (error instanceof SendFailedException failure && failure.recordTooLarge()) {
        report.rejected(new Rejection(file, line, ReasonCode.TOO_LARGE, "the event is larger than Kafka accepts"));
      } else {
        failed.set(true);
        report.notWritten(new NotWritten(file, line, Why.SEND_FAILED), error.getMessage());
      }
    });
  }
}
