package com.coachstream.producer.simulate;

import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.CoachingAlert;
import com.coachstream.producer.CoachStreamProducer;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated supervisors at work: they read the committed alerts and answer each as
 * {@link SupervisorActions#answer} says (acknowledge, or dismiss a false alarm the ground truth knows of),
 * through the producer library. (Their planned coaching sessions are part of the simulated history.)
 */
public final class SimulatedSupervisors implements AutoCloseable {

  private final CoachStreamProducer producer;
  private final GroundTruth truth;
  private final AtomicLong answered = new AtomicLong();
  private final TopicFollower follower;

  public SimulatedSupervisors(Properties clientProps, CoachStreamProducer producer, GroundTruth truth) {
    this.producer = producer;
    this.truth = truth;
    this.follower = new TopicFollower("simulated-supervisors", clientProps,
        List.of(producer.topics().alerts().name()), record -> answer(producer.topics().alerts().valueSerde()
            .deserializer().deserialize(record.topic(), record.value())));
  }

  private void answer(CoachingAlert alert) {
    CoachingAction action = alert == null ? null : SupervisorActions.answer(alert, truth);
    if (action != null) {
      producer.sendAction(action);
      answered.incrementAndGet();
    }
  }

  /** Alerts answered so far. */
  public long answered() {
    return answered.get();
  }

  @Override
  public void close() {
    follower.close();
  }
}
