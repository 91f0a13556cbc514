package com.coachstream.workspace;

import com.coachstream.avro.CoachingAction;
import com.coachstream.schemas.topics.Topic;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes supervisors' actions to the actions topic (key agentId), waiting for the broker's acknowledgement. */
final class ActionPublisher implements AutoCloseable {

  private final KafkaProducer<String, CoachingAction> producer;
  private final Topic<String, CoachingAction> topic;

  ActionPublisher(Properties clientProperties, Topic<String, CoachingAction> topic) {
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    this.topic = topic;
    this.producer = new KafkaProducer<>(props, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  void publish(CoachingAction action) {
    try {
      producer.send(new ProducerRecord<>(topic.name(), action.getAgentId(), action)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording the action", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the action could not be recorded (Kafka did not acknowledge it); try again", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
