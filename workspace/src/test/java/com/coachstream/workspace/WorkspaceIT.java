package com.coachstream.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.coachstream.avro.ActionType;
import com.coachstream.avro.AgentProfile;
import com.coachstream.avro.CoachingAction;
import com.coachstream.avro.InteractionEvent;
import com.coachstream.common.config.KafkaSettings;
import com.coachstream.common.config.Settings;
import com.coachstream.common.security.DemoUsers;
import com.coachstream.common.security.Role;
import com.coachstream.common.security.SecuritySettings;
import com.coachstream.kafka.local.KafkaBrokerExtension;
import com.coachstream.kafka.local.KafkaTestBroker;
import com.coachstream.schemas.topics.TopicNames;
import com.coachstream.schemas.topics.Topics;
import com.coachstream.streams.StreamsService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace over HTTP on a real broker and streams processor: sign-in with cookie flags and CSRF, a
 * supervisor sees only their team and its agents, acts on an alert (the CoachingAction is on the topic), and
 * an agent sees only themself.
 */
@Tag("integration")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(300)
class WorkspaceIT {

  private static final long DAY = Duration.ofDays(1).toMillis();

  @TempDir
  java.nio.file.Path dir;

  @Test
  void aSupervisorSeesOnlyTheirTeamAndActsOnAnAlert(KafkaTestBroker broker) throws Exception {
    try (WorkspaceStack stack = WorkspaceStack.start(broker, dir)) {
      Browser browser = new Browser(stack.workspace().port());
      assertThat(browser.get("/teams/team-alpha").statusCode()).as("not signed in: to the sign-in page").isEqualTo(302);

      var signInPage = browser.get("/signin");
      String setCookie = signInPage.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie).contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Strict");
      assertThat(browser.signIn(WorkspaceStack.SUPERVISOR.id(), "wrong password").statusCode()).isEqualTo(401);
      var signedIn = browser.signIn(WorkspaceStack.SUPERVISOR.id(), WorkspaceStack.SUPERVISOR.secret());
      assertThat(signedIn.statusCode()).isEqualTo(302);
      assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("cs_session=")
          .contains("HttpOnly").contains("Secure").containsIgnoringCase("SameSite=Strict"));

      // the roster names sup-alpha as team-alpha's supervisor: the team page lists its agents once scored
      await().atMost(Duration.ofSeconds(120)).until(() -> browser.get("/inbox").body().contains("alpha-1"));
      String team = browser.get("/teams/team-alpha").body();
      assertThat(team).contains("alpha-1", "alpha-2").doesNotContain("bravo");
      // every agent: a sparkline of recent windows with its text alternative, the slip state, the open alerts
      Matcher alpha1 = Pattern.compile("<tr data-agent=\"alpha-1\" data-open-alerts=\"(\\d+)\" data-slip=\"slipping\">"
          + ".*?<svg class=\"spark\" role=\"img\"[^>]*aria-label=\"soft \\d+ &rarr; \\d+ over \\d+ windows?; hard[^\"]*\">"
          + "<title>[^<]+</title><polyline class=\"soft\"[^>]*points=\"[0-9., ]+\"/>.*?slipping: soft</td>"
          + "<td class=\"slip\">(\\d+)</td>").matcher(team);
      assertThat(alpha1.find()).as("alpha-1's row: sparkline, slipping, open alerts").isTrue();
      assertThat(Integer.parseInt(alpha1.group(1))).isPositive().isEqualTo(Integer.parseInt(alpha1.group(2)));
      assertThat(team).contains("<tr data-agent=\"alpha-2\" data-open-alerts=\"", "Open alerts</th>", "Slip state</th>",
          "from the open alerts", "?sort=slip");
      assertThat(browser.get("/teams/team-bravo").statusCode()).isEqualTo(404);
      assertThat(browser.firstEvent("/teams/team-alpha/live")).startsWith("text/event-stream")
          .contains("event: ready").doesNotContain("bravo");
      String agent = browser.get("/agents/alpha-1").body();
      assertThat(agent).contains("id=\"chart-data\"", "uPlot.iife.min.js", "id=\"skill-chart\"", "\"skills\":{\"empathy\":[",
          "\"sessions\":[]").doesNotContain("bravo");
      assertThat(browser.get("/agents/bravo-1").statusCode()).isEqualTo(404);

      String inbox = browser.get("/inbox").body();
      assertThat(inbox).doesNotContain("bravo");
      Matcher form = Pattern.compile("action=\"/alerts/([^\"]+)/actions\"><input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"")
          .matcher(inbox);
      assertThat(form.find()).isTrue();
      String alertId = java.net.URLDecoder.decode(form.group(1), java.nio.charset.StandardCharsets.UTF_8);
      String csrf = form.group(2);
      String path = "/alerts/" + form.group(1) + "/actions";
      assertThat(browser.post(path, Map.of("type", "ACKNOWLEDGED")).statusCode()).as("no CSRF token").isEqualTo(403);
      assertThat(browser.post(path, Map.of("type", "ACKNOWLEDGED", "csrf", "forged")).statusCode()).isEqualTo(403);
      assertThat(browser.post(path, Map.of("type", "ACKNOWLEDGED", "csrf", csrf)).statusCode()).isEqualTo(302);
      assertThat(browser.post(path, Map.of("type", "COACHED", "csrf", csrf, "sessionAt", "2026-11-20",
          "skills", "empathy", "note", "talked it through")).statusCode()).isEqualTo(302);

      List<CoachingAction> recorded = stack.readActions(2);
      assertThat(recorded).extracting(CoachingAction::getType).containsExactly(ActionType.ACKNOWLEDGED, ActionType.COACHED);
      assertThat(recorded).allSatisfy(a -> {
        assertThat(a.getActorId()).isEqualTo("sup-alpha");
        assertThat(a.getAlertId()).isEqualTo(alertId);
        assertThat(a.getAgentId()).isEqualTo("alpha-1");
      });
      // the streams processor applies the actions: the alert leaves the open inbox, the session is measured
      await().atMost(Duration.ofSeconds(120)).until(() -> !browser.get("/inbox").body().contains(path));
      await().atMost(Duration.ofSeconds(120)).until(() -> browser.get("/agents/alpha-1").body().contains("id=\"coaching-effects\""));
      String coached = browser.get("/agents/alpha-1").body();
      assertThat(coached).as("the session's coach in the sessions table").contains("</td><td>sup-alpha</td><td>");
      long sessionAt = Instant.parse("2026-11-20T12:00:00Z").getEpochSecond(); // a date alone is taken at noon UTC
      assertThat(coached).as("the session marked on the charts' timeline")
          .containsPattern("\"sessions\":\\[\\{\"t\":" + sessionAt + ",\"category\":\"[A-Z]+\",\"coach\":\"sup-alpha\"\\}")
          .containsPattern("green vertical lines: coaching sessions \\([1-9]\\d*\\)");
      assertThat(browser.get("/qa").statusCode()).as("QA page: QA managers and admins").isEqualTo(404);

      Browser qa = new Browser(stack.workspace().port());
      qa.get("/signin");
      qa.signIn(WorkspaceStack.QA_MANAGER.id(), WorkspaceStack.QA_MANAGER.secret());
      String quality = qa.get("/qa").body();
      assertThat(quality).contains("id=\"rule-precision\"", "threshold:", "id=\"effects-per-team\"",
          "data-id=\"team-alpha\"", "id=\"effects-per-coach\"", "data-id=\"sup-alpha\"");

      Browser self = new Browser(stack.workspace().port());
      self.get("/signin");
      assertThat(self.signIn(WorkspaceStack.AGENT.id(), WorkspaceStack.AGENT.secret()).headers().firstValue("Location")).isPresent();
      assertThat(self.get("/").headers().firstValue("Location")).contains("/agents/alpha-2");
      assertThat(self.get("/agents/alpha-2").statusCode()).isEqualTo(200);
      assertThat(self.get("/agents/alpha-1").statusCode()).isEqualTo(404);
      assertThat(self.get("/teams/team-alpha").statusCode()).isEqualTo(404);
      assertThat(self.get("/inbox").body()).doesNotContain("alpha-1").doesNotContain("bravo");
      assertThat(self.get("/agents/alpha-2").body()).contains("No coaching sessions yet.");
    }
  }

  @Test
  void aQaManagerChangesATeamsRulesAndNoOneElseMay(KafkaTestBroker broker) throws Exception {
    try (WorkspaceStack stack = WorkspaceStack.start(broker, dir)) {
      Browser anonymous = new Browser(stack.workspace().port());
      assertThat(anonymous.get("/rules").statusCode()).as("not signed in: to the sign-in page").isEqualTo(302);
      assertThat(anonymous.post("/rules", Map.of("team", "team-alpha", "settings", "slip.floor=80")).statusCode()).isEqualTo(401);

      Browser supervisor = new Browser(stack.workspace().port());
      supervisor.get("/signin");
      supervisor.signIn(WorkspaceStack.SUPERVISOR.id(), WorkspaceStack.SUPERVISOR.secret());
      var notFound = supervisor.get("/rules");
      assertThat(notFound.statusCode()).as("rules: QA managers and admins only").isEqualTo(404);
      assertThat(notFound.body()).doesNotContain("rule-sets", "slip.");
      String supervisorCsrf = csrf(notFound.body());
      assertThat(supervisor.post("/rules", Map.of("team", "team-alpha", "settings", "slip.floor=10", "csrf", supervisorCsrf))
          .statusCode()).isEqualTo(404);

      Browser qa = new Browser(stack.workspace().port());
      qa.get("/signin");
      qa.signIn(WorkspaceStack.QA_MANAGER.id(), WorkspaceStack.QA_MANAGER.secret());
      String page = qa.get("/rules").body();
      assertThat(page).contains("id=\"rule-sets\"", "id=\"rules-form-new\"", "href=\"/rules\"");
      String csrf = csrf(page);
      assertThat(qa.post("/rules", Map.of("team", "team-alpha", "settings", "slip.floor=80", "csrf", "forged")).statusCode())
          .as("a forged CSRF token").isEqualTo(403);

      var refused = qa.post("/rules", Map.of("team", "team-alpha", "settings", "slip.flor=80", "csrf", csrf));
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).contains("id=\"rules-problems\"",
          "`slip.flor` (rules of team-alpha) is not a rule setting; did you mean `slip.floor`?", "slip.flor=80");
      var badLine = qa.post("/rules", Map.of("team", "team-alpha", "settings", "slip.floor", "csrf", csrf));
      assertThat(badLine.body()).contains("Line 1 is not key=value: slip.floor");

      var saved = qa.post("/rules", Map.of("team", "team-alpha", "settings", "slip.floor=80\nslip.sustain=2/3",
          "comment", "noisy evaluators", "csrf", csrf));
      assertThat(saved.statusCode()).isEqualTo(303);
      assertThat(saved.headers().firstValue("Location")).contains("/rules?saved=team-alpha%401");
      assertThat(qa.post("/rules", Map.of("team", "*", "settings", "slip.max-drop=8", "csrf", csrf)).statusCode()).isEqualTo(303);
      String after = qa.get("/rules?saved=team-alpha%401").body();
      assertThat(after).contains("Saved team-alpha@1", "<tr data-team=\"team-alpha\"><td>team-alpha</td><td>1</td>",
          "slip.floor=80", "noisy evaluators", "<tr data-team=\"*\"><td>*</td><td>1</td>", "id=\"rules-form-team-alpha\"");

      var stored = new com.coachstream.common.kafka.RulesTopic(broker.clientProperties(), stack.topics().rules(),
          Duration.ofSeconds(30)).newest();
      assertThat(stored.get("team-alpha").getSettings()).containsExactlyInAnyOrderEntriesOf(
          Map.of("slip.floor", "80", "slip.sustain", "2/3"));
      assertThat(stored.get("team-alpha").getUpdatedBy()).isEqualTo(WorkspaceStack.QA_MANAGER.id());
      assertThat(stored.get("*").getVersion()).isEqualTo(1);
    }
  }

  private static String csrf(String page) {
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).isTrue();
    return csrf.group(1);
  }

  /** Two agents per team with roster entries; agent 1 of each team slips on day 12 of 20. */
  static void produce(KafkaTestBroker broker, Topics topics) {
    Properties props = broker.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    long start = (Instant.now().toEpochMilli() / DAY - 22) * DAY;
    Random random = new Random(11);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (String agent : List.of("alpha-1", "alpha-2", "bravo-1", "bravo-2")) {
        String team = agent.split("-")[0];
        AgentProfile profile = AgentProfile.newBuilder().setAgentId(agent).setDisplayName("Agent " + agent)
            .setTeamId("team-" + team).setSupervisorId("sup-" + team).setActive(true).build();
        producer.send(new ProducerRecord<>(topics.agents().name(), agent.getBytes(),
            topics.agents().valueSerde().serializer().serialize(topics.agents().name(), profile)));
      }
      producer.flush();
      for (int day = 0; day < 20; day++) {
        for (int i = 0; i < 3; i++) {
          for (String agent : List.of("alpha-1", "alpha-2", "bravo-1", "bravo-2")) {
            double score = agent.endsWith("-1") && day >= 12 ? 30 + random.nextInt(20) : 75 + random.nextInt(25);
            Instant endedAt = Instant.ofEpochMilli(start + day * DAY + i * Duration.ofHours(7).toMillis());
            InteractionEvent event = InteractionEvent.newBuilder().setInteractionId(agent + "-" + day + "-" + i)
                .setAgentId(agent).setTeamId("team-" + agent.split("-")[0]).setChannel(com.coachstream.avro.Channel.VOICE)
                .setStartedAt(endedAt.minusSeconds(300)).setEndedAt(endedAt).setSkillSignals(Map.of("empathy", score))
                .build();
            producer.send(new ProducerRecord<>(topics.interactions().name(), agent.getBytes(),
                topics.interactions().valueSerde().serializer().serialize(topics.interactions().name(), event)));
          }
        }
      }
    }
  }
}
