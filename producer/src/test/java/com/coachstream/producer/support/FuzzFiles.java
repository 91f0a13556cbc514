package com.coachstream.producer.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.coachstream.producer.support.Mutations.EventInput;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** JSON-lines import files (docs/operations.md) made of generated and mutated events, with blank lines and CRLF between them. */
public final class FuzzFiles {

  /** A file's bytes and the inputs it was made of. */
  public record JsonLinesFile(byte[] bytes, List<EventInput> inputs) {

    /**
     * The 1-based numbers of the lines that hold an event: every line that is not blank (the reader skips blank
     * lines). Counted on the decoded text, as the reader sees it: a random byte may itself be a line break.
     */
    public List<Long> eventLineNumbers() {
      List<String> lines = new String(bytes, UTF_8).lines().toList();
      return IntStream.range(0, lines.size()).filter(i -> !lines.get(i).isBlank()).mapToObj(i -> (long) i + 1).toList();
    }

    public List<String> customerRefs() {
      return inputs.stream().map(EventInput::customerRef).filter(Objects::nonNull).distinct().toList();
    }

    @Override
    public String toString() {
      return "file of " + inputs.size() + " inputs:\n  " + String.join("\n  ", inputs.stream().map(EventInput::toString).toList());
    }
  }

  private record Line(EventInput input, String separator) { }

  private FuzzFiles() { }

  /** Files of 1 to {@code maxEvents} inputs, then up to 5 of them again, as re-sending systems do. */
  public static Arbitrary<JsonLinesFile> jsonLines(int maxEvents) {
    return Combinators.combine(Mutations.eventInputs(), Arbitraries.of("\n", "\n", "\r\n", "\n\n", "\n \t\n"))
        .as(Line::new)
        .list().ofMinSize(1).ofMaxSize(maxEvents)
        .flatMap(lines -> Arbitraries.integers().between(0, lines.size() - 1).list().ofMaxSize(5).map(resent -> {
          List<Line> all = new ArrayList<>(lines);
          resent.forEach(i -> all.add(lines.get(i)));
          return all;
        }))
        .map(lines -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          lines.forEach(line -> {
            out.writeBytes(line.input().bytes());
            out.writeBytes(line.separator().getBytes(UTF_8));
          });
          return new JsonLinesFile(out.toByteArray(), lines.stream().map(Line::input).toList());
        });
  }
}
