package com.coachstream.producer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.coachstream.producer.http.RequestBody.Item;
import com.coachstream.producer.ingest.EventChecker;
import com.coachstream.producer.ingest.EventChecker.Checked;
import com.coachstream.producer.support.FuzzBodies;
import com.coachstream.producer.support.FuzzBodies.Body;
import com.coachstream.producer.support.FuzzTally;
import com.coachstream.producer.support.TopicEncoding;
import com.coachstream.schemas.validation.EventValidator;
import com.coachstream.schemas.validation.ReasonCode;
import com.coachstream.schemas.validation.ValidationException;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes how {@code POST /v1/events} reads a body, without HTTP or Kafka (issue 8 item 6): a body is refused as a
 * whole with BAD_JSON only when it is broken as a whole; otherwise it holds exactly its events, and each is an
 * event the producer can encode or a rejection with a reason code, never repeating a customer reference.
 * {@link IngestFuzzIT} sends such bodies to the running endpoint.
 */
@Tag("faults")
class RequestBodyFuzzTest {

  /** Far above what a body of a few dozen events takes; only a hang reaches it. */
  private static final Duration NO_HANG = Duration.ofSeconds(30);
  private static final FuzzTally TALLY = new FuzzTally("HTTP ingest bodies (parsing and validation, no HTTP, no Kafka)");

  private final EventChecker checker = new EventChecker(EventValidator.withDefaults());

  @Provide
  Arbitrary<Body> bodies() {
    return FuzzBodies.bodies(4 * 1024); // the limit only sizes the oversize bodies here: parsing has no limit
  }

  @Property(tries = 500)
  void aBodyIsRefusedWithAReasonOrEachOfItsEventsIsAnswered(@ForAll("bodies") Body body) {
    TALLY.tried(body.kind());
    List<Item> items;
    try {
      items = assertTimeoutPreemptively(NO_HANG, () -> RequestBody.parse(body.bytes()));
    } catch (ValidationException refused) {
      TALLY.answered("body refused " + refused.reason());
      assertThat(body.events()).as("only a broken body is refused as a whole").isEqualTo(FuzzBodies.UNKNOWN);
      assertThat(refused.reason()).isEqualTo(ReasonCode.BAD_JSON);
      body.customerRefs().forEach(ref -> assertThat(refused.getMessage()).doesNotContain(ref));
      return;
    }
    if (body.events() != FuzzBodies.UNKNOWN) {
      assertThat(items).hasSize(body.events());
    }
    for (Item item : items) {
      Checked checked = item.check(checker);
      if (checked.isValid()) {
        TALLY.answered("accepted");
        assertThatCode(() -> TopicEncoding.encode(checked.event())).doesNotThrowAnyException();
      } else {
        TALLY.answered("rejected " + checked.reason());
        assertThat(checked.message()).isNotBlank();
        body.customerRefs().forEach(ref -> assertThat(checked.message()).doesNotContain(ref));
      }
    }
  }

  @AfterContainer
  static void printCounts() {
    TALLY.print();
  }
}
