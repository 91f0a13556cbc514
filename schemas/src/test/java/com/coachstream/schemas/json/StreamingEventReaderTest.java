package com.coachstream.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.avro.QaEvaluation;
import com.coachstream.schemas.Fixtures;
import com.coachstream.schemas.validation.ValidationException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader must give exactly what the JSON tree gives, or leave the line to the tree: on every line,
 * {@link EventJson#parse} (streaming first) and the tree path alone yield the same event, bit for bit, or the same
 * rejection, word for word.
 */
class StreamingEventReaderTest {

  private static final String INTERACTION = EventJson.toJson(Fixtures.interaction()).toString();
  private static final String EVALUATION = EventJson.toJson(Fixtures.evaluation()).toString();
  private static final String AGENT = EventJson.toJson(Fixtures.agent()).toString();

  /** Lines the streaming reader takes itself (and must read exactly as the tree does). */
  static List<String> readByTheStreamingReader() {
    return List.of(INTERACTION, EVALUATION, AGENT,
        // missing and null optional fields, defaults of required fields given as null
        """
        {"type":"interaction","interactionId":"i1","agentId":"a1","channel":"chat",
         "startedAt":"2026-11-20T10:00:00Z","endedAt":"2026-11-20T10:05:00+01:00"}""",
        """
        {"type":"interaction","interactionId":"i1","agentId":"a1","channel":" Email ","teamId":null,"holdSeconds":null,
         "startedAt":1763600000000,"endedAt":"2026-11-20T10:05:00.123456Z","skillSignals":{},"csat":-3,"sentiment":1}""",
        """
        {"type":"interaction","interactionId":"","agentId":"a\\u00e9\\n","channel":"VOICE","startedAt":"2026-11-20T10:00:00.5Z",
         "endedAt":"+12026-11-20T10:05:00Z","skillSignals":{"empathy":1e2,"x":-0.0,"y":1.7976931348623157e308,"z":4.9e-324,
         "w":9223372036854775807,"v":1E400},"resolved":false,"transfers":2147483647}""",
        """
        {"type":"qa_evaluation","evaluationId":"e1","agentId":"a1","evaluatedAt":1763600000000,
         "criteria":[{"skill":"empathy","score":4,"maxScore":5}],"purpose":"calibration","retracted":null}""",
        """
        {"type":"qa_evaluation","evaluationId":"e1","agentId":"a1","evaluatedAt":-1,"criteria":[],"autoFail":true}""",
        """
        {"type":"agent","agentId":"a1","displayName":"A","active":null}""",
        "  {\"type\":\"agent\",\"agentId\":\"a1\",\"displayName\":\"A\"}  ",
        // fields out of the schema's order, and a name written with an escape
        """
        {"type":"agent","active":false,"displayName":"A","agent\\u0049d":"a1","teamId":"t"}""",
        """
        {"type":"qa_evaluation","criteria":[{"maxScore":5,"skill":"empathy","score":4,"comment":null}],"agentId":"a1",
         "evaluatedAt":"2026-11-20T10:00:00Z","evaluationId":"e1"}""");
  }

  /** Lines left to the tree, each for one of the reasons the streaming reader gives up. */
  static List<String> leftToTheTree() {
    return List.of(
        "", "null", "[]", "\"interaction\"", "{}", "{\"type\":\"interaction\"", "{} {}",
        AGENT.replace("{\"type\":\"agent\",", "{") .replace("}", ",\"type\":\"agent\"}"), // type not first
        AGENT + " " + AGENT, AGENT + "x", AGENT.replace("}", ",\"unknown\":1}"),
        AGENT.replace("}", ",\"agentId\":\"other\"}"), // the tree keeps the last of two
        AGENT.replace("}", ",\"type\":\"interaction\"}"),
        INTERACTION.replace("\"empathy\"", "\"compliance\""), // a key twice in a map
        INTERACTION.replace("\"holdSeconds\":30", "\"holdSeconds\":2147483648"),
        INTERACTION.replace("\"holdSeconds\":30", "\"holdSeconds\":30.0"),
        INTERACTION.replace("\"holdSeconds\":30", "\"holdSeconds\":\"30\""),
        INTERACTION.replace("82.5", "123456789012345678901234567890"),
        INTERACTION.replace("\"channel\":\"VOICE\"", "\"channel\":\"FAX\""),
        INTERACTION.replace("\"channel\":\"VOICE\"", "\"channel\":null"),
        INTERACTION.replace("\"2026-11-20T10:15:30Z\"", "\"yesterday\""),
        INTERACTION.replace("\"2026-11-20T10:15:30Z\"", "\"+1000000000-01-01T00:00:00Z\""),
        INTERACTION.replace("\"2026-11-20T10:15:30Z\"", "1.5"),
        INTERACTION.replace("\"2026-11-20T10:15:30Z\"", "99999999999999999999"),
        INTERACTION.replace("\"interactionId\":\"int-1\"", "\"interactionId\":null"),
        INTERACTION.replace("\"resolved\":true", "\"resolved\":1"),
        EVALUATION.replace("\"skill\":\"empathy\"", "\"skill\":{\"name\":\"empathy\"}"),
        EVALUATION.replace("\"weight\":2.0", "\"weight\":2.0,\"weight\":3.0"),
        "{\"type\":\"action\",\"actionType\":\"ACKNOWLEDGED\",\"actionId\":\"x\",\"agentId\":\"a\",\"actorId\":\"s\","
            + "\"at\":\"2026-11-20T10:00:00Z\"}",
        "{\"type\":\"INTERACTION\"}", "{\"type\":1}", "{\"type\":null}", "{\"type\":\"interaction\",}",
        "{\"type\":\"agent\",\"agentId\":\"a1\",\"displayName\":\"A\" /* c */}");
  }

  @ParameterizedTest
  @MethodSource("readByTheStreamingReader")
  void readsUsualLinesExactlyAsTheTreeDoes(String line) throws Exception {
    SpecificRecord streamed = StreamingEventReader.read(line);
    assertThat(streamed).as("read by the streaming reader").isNotNull();
    SpecificRecord tree = EventJson.parseWithTree(line);
    assertThat(streamed).isEqualTo(tree);
    assertThat(avro(streamed)).isEqualTo(avro(tree));
  }

  @ParameterizedTest
  @MethodSource("leftToTheTree")
  void leavesEverythingUnusualToTheTree(String line) {
    assertThat(StreamingEventReader.read(line)).isNull();
    assertThat(outcome(line, true)).isEqualTo(outcome(line, false));
  }

  /**
   * Tens of thousands of lines broken at random (characters dropped, tokens inserted, values swapped): whichever
   * path reads them, the outcome is the tree's.
   */
  @Test
  void brokenLinesHaveTheSameOutcomeOnBothPaths() {
    String[] tokens = {"null", "1", "-1", "0", "1.5", "-0.0", "1e400", "2147483648", "9223372036854775808", "\"x\"",
        "\"\"", ",", ":", "{", "}", "[", "]", "\"type\":\"agent\",", " ", "\"email\"", "\" chat \"", "true",
        "\"2026-11-20T10:00:00Z\"", "\"2026-11-20T10:00:00+02:00\"", "{}", "[]", "\"agentId\":\"b\","};
    Random random = new Random(20261129);
    List<String> bases = new ArrayList<>(readByTheStreamingReader());
    int streamed = 0;
    int lines = 0;
    for (String base : bases) {
      for (int i = 0; i < 2_000; i++) {
        String line = mutate(base, tokens, random);
        lines++;
        Object viaParse = outcome(line, true);
        assertThat(viaParse).as(line).isEqualTo(outcome(line, false));
        if (StreamingEventReader.read(line) != null) {
          streamed++;
        }
      }
    }
    assertThat(streamed).as("broken lines that were still events, read by the streaming reader").isGreaterThan(lines / 20);
  }

  private static String mutate(String base, String[] tokens, Random random) {
    StringBuilder line = new StringBuilder(base);
    int changes = 1 + random.nextInt(3);
    for (int c = 0; c < changes; c++) {
      int at = random.nextInt(line.length() + 1);
      switch (random.nextInt(4)) {
        case 0 -> line.delete(at, Math.min(line.length(), at + 1 + random.nextInt(4)));
        case 1 -> line.insert(at, tokens[random.nextInt(tokens.length)]);
        case 2 -> { // replace the value after a colon
          int colon = line.indexOf(":", at);
          if (colon >= 0) {
            int end = colon + 1;
            while (end < line.length() && ",}]".indexOf(line.charAt(end)) < 0) {
              end++;
            }
            line.replace(colon + 1, end, tokens[random.nextInt(tokens.length)]);
          }
        }
        default -> { // duplicate a field
          int comma = line.indexOf(",", at);
          int next = comma < 0 ? -1 : line.indexOf(",", comma + 1);
          if (next > 0) {
            line.insert(next, line.substring(comma, next));
          }
        }
      }
    }
    return line.toString();
  }

  /** What a path makes of a line: the event's Avro bytes, or the rejection's class and words. */
  private static Object outcome(String line, boolean streamingFirst) {
    try {
      SpecificRecord event = streamingFirst ? EventJson.parse(line) : EventJson.parseWithTree(line);
      return List.of(event.getClass(), ByteBuffer.wrap(avro(event)));
    } catch (ValidationException e) {
      return List.of(e.getClass(), e.violations());
    } catch (RuntimeException e) {
      return List.of(e.getClass(), String.valueOf(e.getMessage()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] avro(SpecificRecord event) throws Exception {
    ByteBuffer buffer;
    if (event instanceof InteractionEvent e) {
      buffer = e.toByteBuffer();
    } else if (event instanceof QaEvaluation e) {
      buffer = e.toByteBuffer();
    } else if (event instanceof AgentProfile e) {
      buffer = e.toByteBuffer();
    } else {
      buffer = ((CoachingAction) event).toByteBuffer();
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
