// Read coaching.alerts.v1 from Java with the schemas module's serdes, from the beginning to the current end.
// A single-file program: run it with the CoachStream jar (or the schemas jar and kafka-clients) on the class path:
//   java -cp launcher/target/coachstream.jar docs/examples/ReadAlerts.java localhost:9092 coaching.alerts.v1
import com.coachstream.avro.CoachingAlert;
import com.coachstream.schemas.json.RecordDecoder;
import com.coachstream.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

public class ReadAlerts {

  public static void main(String[] args) {
    String topic = args.length > 1 ? args[1] : "coaching.alerts.v1";
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // the processor writes in transactions
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // The key is the agent id; AvroSerde reads the writer's schema from the record's fingerprint.
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroSerde<>(CoachingAlert.class))) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, CoachingAlert> record : consumer.poll(Duration.ofSeconds(1))) {
          CoachingAlert alert = record.value();
          System.out.printf("%s %s %s %s %.1f%n", alert.getAlertId(), alert.getType(), record.key(),
              alert.getCategory(), alert.getScore());
        }
      }
    }
    // Any CoachStream record, whatever its type, as JSON from its bytes alone: here the first one polled.
    try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      if (consumer.endOffsets(partitions).values().stream().anyMatch(end -> end > 0)) {
        var records = consumer.poll(Duration.ofSeconds(1));
        while (records.isEmpty()) {
          records = consumer.poll(Duration.ofSeconds(1));
        }
        System.out.println(RecordDecoder.toJson(records.iterator().next().value()));
      }
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }
}
