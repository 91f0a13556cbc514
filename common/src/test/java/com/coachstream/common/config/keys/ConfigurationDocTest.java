package com.coachstream.common.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is what the catalogue of settings renders, so docs and the CLI cannot drift. */
class ConfigurationDocTest {

  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void docsConfigurationMdIsTheRenderedCatalogue() throws Exception {
    String rendered = ConfigurationDoc.render();
    if (Boolean.getBoolean("configuration.doc.write")) {
      Files.writeString(DOC, rendered, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "")
        .as("docs/configuration.md differs from the settings in SettingKeys; regenerate it with: mvn -B -q -pl common -am test "
            + "-Dtest=ConfigurationDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dconfiguration.doc.write=true")
        .isEqualTo(rendered);
  }

  @Test
  void everySettingIsInTheDocOnce() {
    String rendered = ConfigurationDoc.render();
    for (SettingKey key : SettingKeys.all()) {
      assertThat(rendered).contains("| `" + key.name().replace("|", "\\|") + "` |");
    }
  }
}
