package com.coachstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The first hour of a newcomer, checked on every build: the README's quick start is read from the README
 * itself, and every command it shows must exist as written — the launcher script, the Maven reactor, each
 * {@code coachstream} subcommand and option (parsed by the real command line, not run). Commands shown in the
 * guides under docs/ are parsed the same way, so renaming a subcommand or an option breaks the build, not the
 * reader.
 */
class ReadmeQuickStartTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern FENCED_BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern MENTIONED_SUBCOMMAND = Pattern.compile("coachstream ([a-z][a-z-]+)");

  @Test
  void theQuickStartCommandsExistAsWritten() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String quickStart = section(readme, "## The two commands");
    List<List<String>> commands = commands(quickStart);

    assertThat(commands).extracting(c -> c.get(0)).containsExactly("./coachstream", "mvn");
    for (List<String> command : commands) {
      if (command.get(0).equals("./coachstream")) {
        assertThat(ROOT.resolve("coachstream")).isRegularFile().isExecutable();
        assertParses(command.subList(1, command.size()));
      } else {
        assertThat(command).contains("verify");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<module>launcher</module>");
      }
    }
  }

  @Test
  void helpListsEverySubcommandTheReadmeMentions() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    Set<String> mentioned = new LinkedHashSet<>();
    Matcher m = MENTIONED_SUBCOMMAND.matcher(readme);
    while (m.find()) {
      mentioned.add(m.group(1));
    }
    StringWriter help = new StringWriter();
    CommandLine cli = CoachStream.commandLine();
    cli.setOut(new PrintWriter(help));
    assertThat(cli.execute("--help")).isZero();

    assertThat(mentioned).contains("demo", "produce");
    for (String subcommand : mentioned) {
      assertThat(help.toString()).as("./coachstream --help").containsPattern("(?m)^\\s+" + subcommand + "\\s");
    }
  }

  @Test
  void everyCoachstreamCommandInTheGuidesParses() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (var docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    int checked = 0;
    for (Path page : pages) {
      Matcher block = FENCED_BASH.matcher(Files.readString(page));
      while (block.find()) {
        for (List<String> command : commands(block.group(1))) {
          if (command.get(0).equals("./coachstream") || command.get(0).equals("coachstream")) {
            assertParses(command.subList(1, command.size()));
            checked++;
          }
        }
      }
    }
    assertThat(checked).as("coachstream commands found in the guides").isGreaterThanOrEqualTo(3);
  }

  private static void assertParses(List<String> args) {
    assertThatCode(() -> CoachStream.commandLine().parseArgs(args.toArray(String[]::new)))
        .as("coachstream %s", String.join(" ", args)).doesNotThrowAnyException();
  }

  /** The text from a heading to the next heading of the same level. */
  private static String section(String markdown, String heading) {
    int start = markdown.indexOf("\n" + heading + "\n");
    assertThat(start).as("README heading '%s'", heading).isNotNegative();
    int end = markdown.indexOf("\n## ", start + heading.length() + 1);
    return markdown.substring(start, end < 0 ? markdown.length() : end);
  }

  /**
   * Each command line of the fenced bash blocks in {@code markdown} (or of {@code markdown} itself when it is one
   * block's body): continuation lines joined, comments and anything after a pipe removed, split on blanks.
   */
  private static List<List<String>> commands(String markdown) {
    List<String> bodies = new ArrayList<>();
    Matcher block = FENCED_BASH.matcher(markdown);
    while (block.find()) {
      bodies.add(block.group(1));
    }
    if (bodies.isEmpty()) {
      bodies.add(markdown);
    }
    List<List<String>> commands = new ArrayList<>();
    for (String body : bodies) {
      for (String line : body.replace("\\\n", " ").split("\n")) {
        String command = line.replaceAll("\\s#.*$", "").replaceAll("\\|.*$", "").strip();
        if (!command.isEmpty() && !command.startsWith("#")) {
          commands.add(Arrays.asList(command.split("\\s+")));
        }
      }
    }
    return commands;
  }
}
