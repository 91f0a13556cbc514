package com.coachstream.producer.simulate;

/** Where simulated events go: Kafka through the producer library, or a JSON-lines file. */
public interface EventSink extends AutoCloseable {

  void accept(SimulatedEvent event) throws Exception;

  /** Waits until every accepted event is stored; throws if one was not. */
  @Override
  void close() throws Exception;
}
