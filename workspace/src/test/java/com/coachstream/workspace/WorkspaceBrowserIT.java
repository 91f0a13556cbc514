package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.CoachingAction;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.workspace.pages.AgentPage;
import com.coachstream.workspace.pages.InboxPage;
import com.coachstream.workspace.pages.RulesPage;
import com.coachstream.workspace.pages.SignInPage;
import com.coachstream.workspace.pages.TeamPage;
import com.coachstream.workspace.pages.WorkspacePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The workspace in a real browser (Debian's chromium and chromedriver, headless): a supervisor signs in, sees
 * only their team, opens an agent and sees the chart drawn (pixels on the canvas), acknowledges an alert and
 * logs a coaching session (both CoachingActions on the topic); an agent sees only themself. Screenshots of
 * every page go to target/screenshots.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(300)
class WorkspaceBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir
  Path dir;

  private WebDriver driver;

  @BeforeEach
  void browser() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "browser tests skipped: install Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void aSupervisorWorksTheirTeamInABrowserAndAnAgentSeesOnlyThemself(KafkaTestBroker broker) throws Exception {
    // plain HTTP without a certificate here: the Secure flag is off for this run (WorkspaceIT checks the flags)
    try (WorkspaceStack stack = WorkspaceStack.start(broker, dir, false)) {
      String base = "http://localhost:" + stack.workspace().port();
      SignInPage signIn = new SignInPage(driver, base).open();
      signIn.screenshot("sign-in");
      signIn.signInAs(WorkspaceStack.SUPERVISOR.id(), WorkspaceStack.SUPERVISOR.secret());

      // wait for the slips to be scored and alerted, then look at the team
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
          .until(() -> new InboxPage(driver, base).open().source().contains("alpha-1"));
      driver.get(base + "/teams/team-alpha");
      TeamPage team = new TeamPage(driver);
      assertThat(team.agents()).containsExactly("alpha-1", "alpha-2");
      assertThat(team.source()).doesNotContain("bravo");
      assertThat(team.trend("alpha-1")).matches("soft \\d+ → \\d+ over \\d+ windows?; hard.*");
      assertThat(team.softTrendPoints("alpha-1")).as("points of the soft sparkline").isGreaterThan(1);
      assertThat(team.slipState("alpha-1")).startsWith("slipping: soft");
      assertThat(team.openAlerts("alpha-1")).isPositive();
      team.screenshot("team");

      AgentPage agent = team.openAgent("alpha-1");
      assertThat(agent.heading()).isEqualTo("Agent alpha-1");
      assertThat(agent.chartPixelsDrawn()).as("painted pixels on the chart's canvas").isGreaterThan(1000);
      assertThat(agent.skillChartPixelsDrawn()).as("painted pixels on the skill chart's canvas").isGreaterThan(1000);
      agent.screenshot("agent-before-coaching");

      InboxPage inbox = new InboxPage(driver, base).open();
      assertThat(inbox.source()).doesNotContain("bravo");
      inbox.screenshot("inbox");
      String alertId = inbox.firstAlertId();
      assertThat(inbox.acknowledgeFirst().flash()).startsWith("ACKNOWLEDGED recorded for");
      // acknowledged, the alert leaves the open inbox; its own page still takes the coaching session
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .until(() -> !new InboxPage(driver, base).open().source().contains("id=\"alert-" + alertId + "\""));
      assertThat(inbox.openAlert(alertId).logCoachingOnFirst("empathy", "went through two calls").flash())
          .startsWith("COACHED recorded for");
      List<CoachingAction> actions = stack.readActions(2);
      assertThat(actions).extracting(CoachingAction::getType).containsExactly(ActionType.ACKNOWLEDGED, ActionType.COACHED);
      assertThat(actions).allSatisfy(a -> assertThat(a.getActorId()).isEqualTo("sup-alpha"));

      // once the processor measured the session, the agent's charts mark it on the timeline
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
        driver.get(base + "/agents/alpha-1");
        return new AgentPage(driver).sessionMarks() > 0;
      });
      driver.manage().window().setSize(new Dimension(1280, 1500));
      driver.get(base + "/agents/alpha-1");
      AgentPage coached = new AgentPage(driver);
      assertThat(coached.chartPixelsDrawn()).isGreaterThan(1000);
      assertThat(coached.skillChartPixelsDrawn()).isGreaterThan(1000);
      coached.screenshot("agent");
      driver.manage().window().setSize(new Dimension(1280, 900));

      driver.manage().window().setSize(new Dimension(390, 844));
      driver.get(base + "/teams/team-alpha");
      new TeamPage(driver).screenshot("team-phone");
      driver.manage().window().setSize(new Dimension(1280, 900));

      // a QA manager changes team-alpha's rules on the rules page
      driver.manage().deleteAllCookies();
      new SignInPage(driver, base).open().signInAs(WorkspaceStack.QA_MANAGER.id(), WorkspaceStack.QA_MANAGER.secret());
      RulesPage rules = new RulesPage(driver, base).open()
          .setForNewTeam("team-alpha", "slip.floor=75\nslip.sustain=2/3", "noisy evaluators");
      assertThat(rules.flash()).startsWith("Saved team-alpha@1");
      assertThat(rules.settingsOf("team-alpha")).isEqualTo("slip.floor=75\nslip.sustain=2/3");
      rules.screenshot("rules");

      driver.manage().deleteAllCookies();
      SignInPage again = new SignInPage(driver, base).open();
      again.signInAs(WorkspaceStack.AGENT.id(), WorkspaceStack.AGENT.secret());
      AgentPage self = new AgentPage(driver);
      assertThat(self.heading()).isEqualTo("Agent alpha-2");
      assertThat(self.chartPixelsDrawn()).isGreaterThan(1000);
      self.screenshot("agent-self-view");
      driver.get(base + "/agents/alpha-1");
      assertThat(new AnyPage(driver).heading()).isEqualTo("Not found");
      driver.get(base + "/teams/team-alpha");
      assertThat(new AnyPage(driver).heading()).isEqualTo("Not found");
      System.out.println("SCREENSHOTS " + WorkspacePage.SCREENSHOTS.toAbsolutePath());
    }
  }

  /** Any page, read by its heading. */
  private static final class AnyPage extends WorkspacePage {
    AnyPage(WebDriver driver) {
      super(driver);
    }
  }
}
