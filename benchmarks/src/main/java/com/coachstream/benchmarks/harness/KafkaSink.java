package com.coachstream.benchmarks.harness;

import com.coachstream.producer.simulate.EventSink;
import com.coachstream.producer.simulate.SimulatedEvent;
import com.coachstream.schemas.topics.Topics;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Streams simulated events straight into Kafka, encoded like the producer library, without keeping them. */
public final class KafkaSink implements EventSink {

  private final Topics topics;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public KafkaSink(Properties client, Topics topics) {
    this.topics = topics;
    this.producer = EncodedEvents.producer(client);
  }

  @Override
  public void accept(SimulatedEvent event) throws Exception {
    Exception failed = failure.get();
    if (failed != null) {
      throw failed;
    }
    EncodedEvents.Encoded r = EncodedEvents.encode(topics, event.event());
    producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
    });
  }

  @Override
  public void close() throws Exception {
    producer.close();
    Exception failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }
}
