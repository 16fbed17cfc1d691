package nl.spiegel.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.support.Api;
import nl.spiegel.support.HtmlChecker;
import nl.spiegel.support.LiveClient;
import nl.spiegel.support.TestDatabase;

/** From a scripted meeting to its report and exports. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ReportResourceTest {

    @TestHTTPResource("/")
    URI server;

    record Ended(Api.Created meeting, String listenerKey, LiveClient moderator) {}

    private Ended scriptedMeeting() {
        Api.Created m = Api.createMeeting("Verslag", 2, 3);
        String listenerKey = Api.join(m.joinCode(), "Sanne Luisteraar").getString("key");
        LiveClient moderator = LiveClient.connect(server, m.id(), m.moderatorKey()).hello(null);
        LiveClient listener = LiveClient.connect(server, m.id(), listenerKey).hello(null);
        List<String> seats = moderator.view().get("participants").findValuesAsText("id");
        moderator.command("UpdateDetails", "title", "Verslag", "organisation", "Gemeente Utrecht, team Jeugd");
        for (String phase : List.of("LOBBY", "OPENING", "CONVERSATION")) {
            moderator.command("ChangePhase", "to", phase);
        }
        moderator.command("GiveFloor", "participantId", seats.get(0));
        moderator.command("AddNote", "tag", "STRENGTH", "text", "Vriendelijke ontvangst", "shared", true);
        moderator.command("AddNote", "tag", "IMPROVEMENT_POINT", "text", "<script>alert('x')</script> wachttijd", "shared", false);
        moderator.command("GiveFloor", "participantId", seats.get(1));
        moderator.command("NextTheme");
        moderator.command("AddNote", "tag", "WISH", "text", "Eén vast aanspreekpunt", "shared", true);
        moderator.command("GiveFloor", "participantId", seats.get(0));
        listener.command("SubmitQuestion", "text", "Wat bedoelde u met de lijst?");
        moderator.command("ChangePhase", "to", "CLARIFYING");
        String q = moderator.view().get("questions").get(0).get("id").asText();
        moderator.command("AcceptQuestion", "questionId", q);
        moderator.command("AskQuestion", "questionId", q);
        moderator.command("RecordAnswer", "questionId", q, "answer", "De wachtlijst bij de <b>huisarts</b>.");
        moderator.command("MarkAnswered", "questionId", q);
        moderator.command("ChangePhase", "to", "CLOSING");
        moderator.command("ChangePhase", "to", "ENDED");
        listener.close();
        return new Ended(m, listenerKey, moderator);
    }

    @Test
    void theReportShowsEveryNoteWhereItBelongsWithPseudonymsOnlyAndEscaped() {
        Ended e = scriptedMeeting();
        String html = e.meeting().asModerator().accept("text/html").get("/api/meetings/" + e.meeting().id() + "/report")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<h1>Verslag: ", "Concept", "Sterke punten", "Verbeterpunten", "Wensen",
                "Deelname aan het gesprek", "<svg", "Wat bedoelde u met de lijst?", "beantwoord",
                "Antwoord:</span> De wachtlijst bij de &lt;b&gt;huisarts&lt;/b&gt;.");
        int theme1 = html.indexOf("<h3>Thema 1</h3>");
        int theme2 = html.indexOf("<h3>Thema 2</h3>");
        assertThat(html.indexOf("Vriendelijke ontvangst")).isBetween(theme1, theme2);
        assertThat(html.indexOf("Eén vast aanspreekpunt")).isGreaterThan(theme2);
        assertThat(html).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(");
        // By default the speaking time shows how evenly it was spread, by no name.
        assertThat(html).containsPattern("<dd>0,\\d\\d</dd>").containsPattern("\\d van de 3 deelnemers spraken minder dan de helft");
        assertThat(html).contains("Van groot naar klein, zonder namen")
                .doesNotContain("Deelnemer 1", "Deelnemer 2", "Sanne", "Luisteraar");
        e.meeting().asModerator().body("{\"namesShown\":true}").put("/api/meetings/" + e.meeting().id() + "/report")
                .then().statusCode(200);
        String named = e.meeting().asModerator().accept("text/html").get("/api/meetings/" + e.meeting().id() + "/report")
                .then().statusCode(200).extract().asString();
        assertThat(named).contains("Deelnemer 1", "Deelnemer 2").doesNotContain("Van groot naar klein", "Sanne");
        Matcher shares = Pattern.compile("data-share=\"(\\d+)%\"").matcher(html);
        int total = 0;
        while (shares.find()) {
            total += Integer.parseInt(shares.group(1));
        }
        assertThat(total).isBetween(99, 101);
        String english = e.meeting().asModerator().get("/api/meetings/" + e.meeting().id() + "/report?lang=en")
                .then().statusCode(200).extract().asString();
        assertThat(english).contains("<h1>Report: ", "Improvement points", "lang=\"en\"");
        e.moderator().close();
    }

    /**
     * The pages the server renders (report, draft and finalised; letter with its actions; briefing;
     * the participants' evaluation cards),
     * in both languages, have no error by the W3C Nu HTML checker: what screen readers and print rely on.
     */
    @Test
    void theServersPagesHaveNoHtmlErrors() throws Exception {
        Ended e = scriptedMeeting();
        String id = e.meeting().id();
        String point = e.moderator().view().get("notes").get(1).get("id").asText();
        e.meeting().asModerator().body("{\"noteId\":\"" + point + "\",\"title\":\"Wachttijd\",\"owner\":\"Team toegang\",\"due\":\"2027-06-01\"}")
                .post("/api/meetings/" + id + "/actions").then().statusCode(200);
        e.meeting().asModerator().body("{\"summary\":\"Eén aanspreekpunt.\",\"serviceNorms\":[\"Binnen 5 werkdagen.\"]}")
                .put("/api/meetings/" + id + "/report").then().statusCode(200);
        e.meeting().asModerator().post("/api/meetings/" + id + "/report/finalize").then().statusCode(200);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String lang : List.of("nl", "en")) {
            for (String page : List.of("report", "report?version=1", "report/letter", "briefing.html", "evaluation/cards.html")) {
                var answer = e.meeting().asModerator()
                        .get("/api/meetings/" + id + "/" + page + (page.contains("?") ? "&" : "?") + "lang=" + lang)
                        .then().statusCode(200).contentType("text/html").extract();
                pages.put(page.replaceAll("\\W", "-") + "-" + lang, answer.asString());
                // Opened from the app, the page lives under the app's policy: its styles are allowed by hash.
                Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(answer.asString());
                while (style.find()) {
                    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                            .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
                    assertThat(answer.header("Content-Security-Policy")).contains("'sha256-" + hash + "'")
                            .doesNotContain("unsafe-inline");
                }
            }
        }
        e.moderator().close();
        HtmlChecker.check(pages);
    }

    @Test
    void aFinalisedReportDoesNotChangeWhenTheNotesDo() {
        Ended e = scriptedMeeting();
        String id = e.meeting().id();
        e.meeting().asModerator().body("{\"summary\":\"Ouders willen één aanspreekpunt.\",\"conclusions\":\"Persoonlijker contact.\","
                + "\"serviceNorms\":[\"Binnen 5 werkdagen een vast aanspreekpunt.\"]}")
                .put("/api/meetings/" + id + "/report").then().statusCode(200)
                .body("summary", is("Ouders willen één aanspreekpunt.")).body("version", is(0));
        e.meeting().asModerator().post("/api/meetings/" + id + "/report/finalize").then().statusCode(200).body("version", is(1));
        String first = e.meeting().asModerator().get("/api/meetings/" + id + "/report?version=1").then().statusCode(200)
                .extract().asString();
        assertThat(first).contains("Versie 1", "Binnen 5 werkdagen een vast aanspreekpunt.", "Eén vast aanspreekpunt");

        String wish = e.moderator().view().get("notes").findValuesAsText("id").get(2);
        assertThat(e.moderator().command("EditNote", "noteId", wish, "text", "Gewijzigde wens").get("type").asText()).isEqualTo("ack");
        assertThat(e.meeting().asModerator().get("/api/meetings/" + id + "/report?version=1").then().extract().asString())
                .isEqualTo(first);
        assertThat(e.meeting().asModerator().get("/api/meetings/" + id + "/report").then().extract().asString())
                .contains("Gewijzigde wens");
        e.meeting().asModerator().post("/api/meetings/" + id + "/report/finalize").then().statusCode(200).body("version", is(2));
        e.meeting().asModerator().get("/api/meetings/" + id + "/report/versions").then().statusCode(200)
                .body("version", Matchers.contains(1, 2));
        e.meeting().asModerator().get("/api/meetings/" + id + "/report?version=7").then().statusCode(404);
        e.moderator().close();
    }

    @Test
    void theExportsParseAndAgreeWithTheMeeting() throws Exception {
        Ended e = scriptedMeeting();
        String id = e.meeting().id();
        String csv = e.meeting().asModerator().get("/api/meetings/" + id + "/export/turns.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("start,end,seat,participant,theme,duration_seconds");
        JsonNode view = e.moderator().view();
        int stretches = 0;
        for (JsonNode p : view.get("participants")) {
            stretches += p.get("turns").asInt();
        }
        // A row per stretch of speaking: a turn that goes on into the next theme is two stretches.
        assertThat(lines.subList(1, lines.size())).hasSizeGreaterThanOrEqualTo(stretches)
                .allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(6));
        assertThat(lines.get(1)).contains("Deelnemer 1", "Thema 1");
        double seconds = lines.subList(1, lines.size()).stream().mapToDouble(l -> Double.parseDouble(l.split(",")[5])).sum();
        assertThat(seconds * 1000).isCloseTo(view.get("balance").get("participantsMs").asDouble()
                + view.get("balance").get("moderatorMs").asDouble(), Assertions.within(200.0));

        String json = e.meeting().asModerator().get("/api/meetings/" + id + "/export/meeting.json").then().statusCode(200)
                .extract().asString();
        JsonNode archive = new ObjectMapper().readTree(json);
        assertThat(archive.get("events").size()).isEqualTo(view.get("seq").asInt());
        assertThat(archive.get("events").get(0).get("type").asText()).isEqualTo("MeetingCreated");
        assertThat(archive.get("view").get("phase").asText()).isEqualTo("ENDED");
        e.moderator().close();
    }

    @Test
    void theThankYouLetterTellsWhatWasHeardAndWhatHappensNextNamingNoOne() {
        Ended e = scriptedMeeting();
        String id = e.meeting().id();
        String point = e.moderator().view().get("notes").get(1).get("id").asText();
        e.meeting().asModerator().body("{\"noteId\":\"" + point + "\",\"title\":\"Wachttijd onder twee weken\",\"owner\":\"Team toegang\",\"due\":\"2027-06-01\"}")
                .post("/api/meetings/" + id + "/actions").then().statusCode(200);
        // Before the report is finalised the letter quotes nothing anyone wrote or said.
        String early = e.meeting().asModerator().get("/api/meetings/" + id + "/report/letter").then().statusCode(200)
                .extract().asString();
        assertThat(early).contains("Bedankt voor uw bijdrage")
                .doesNotContain("Vriendelijke ontvangst", "Eén vast aanspreekpunt", "Wachttijd onder twee weken", "wachttijd");
        // A note left out of the report stays out of the letter, and so does its action.
        String strength = e.moderator().view().get("notes").get(0).get("id").asText();
        e.meeting().asModerator().body("{\"noteId\":\"" + strength + "\",\"title\":\"Ontvangst houden\",\"owner\":\"Balie\"}")
                .post("/api/meetings/" + id + "/actions").then().statusCode(400);
        e.meeting().asModerator().body("{\"excludedNoteIds\":[\"" + strength + "\"],\"serviceNorms\":[\"Binnen twee weken een eerste gesprek\"]}")
                .put("/api/meetings/" + id + "/report")
                .then().statusCode(200);
        e.meeting().asModerator().post("/api/meetings/" + id + "/report/finalize").then().statusCode(200);
        String letter = e.meeting().asModerator().get("/api/meetings/" + id + "/report/letter").then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(letter).contains("Bedankt voor uw bijdrage", "Verslag", "Eén vast aanspreekpunt",
                "Wachttijd onder twee weken", "Team toegang, uiterlijk 1 juni 2027",
                "Gemeente Utrecht, team Jeugd");
        // Concept service norms are no promise: they stay out of the letter.
        assertThat(letter).doesNotContain("Binnen twee weken een eerste gesprek");
        assertThat(letter).doesNotContain("Vriendelijke ontvangst");
        assertThat(letter).doesNotContain("Deelnemer 1", "Deelnemer 2", "Sanne", "<script>alert(");
        assertThat(e.meeting().asModerator().get("/api/meetings/" + id + "/report/letter?lang=en").then().extract().asString())
                .contains("Thank you for your contribution", "What we will do now");
        e.moderator().close();
    }

    @Test
    void theReportPrintsToPdfWithItsHeadingsAndChart() throws Exception {
        Ended e = scriptedMeeting();
        String html = e.meeting().asModerator().get("/api/meetings/" + e.meeting().id() + "/report").then().statusCode(200)
                .extract().asString();
        Path dir = Files.createTempDirectory("spiegel-pdf");
        Path page = Files.writeString(dir.resolve("report.html"), html);
        Path pdf = dir.resolve("report.pdf");
        run(List.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--no-first-run", "--no-pdf-header-footer",
                "--user-data-dir=" + dir.resolve("profile"), "--print-to-pdf=" + pdf, page.toUri().toString()));
        assertThat(pdf).exists();
        String text = run(List.of("pdftotext", "-layout", pdf.toString(), "-"));
        assertThat(text).contains("Verslag: ", "Wat de deelnemers vertelden", "Verbeterpunten",
                "Deelname aan het gesprek", "Verhelderende vragen van toehoorders");
        assertThat(text).contains("beurten", "%", "deelnemers spraken minder dan de helft").doesNotContain("Deelnemer 1");
        e.moderator().close();
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s", command).isZero();
        return out;
    }

    @Test
    void onlyTheModeratorsGetReportsAndExports() {
        Ended e = scriptedMeeting();
        String id = e.meeting().id();
        for (String path : List.of("/report", "/report/versions", "/report/letter", "/export/turns.csv", "/export/meeting.json")) {
            given().get("/api/meetings/" + id + path).then().statusCode(401);
            Api.as(e.listenerKey()).get("/api/meetings/" + id + path).then().statusCode(403);
            Api.as(e.meeting().displayKey()).get("/api/meetings/" + id + path).then().statusCode(403);
        }
        Api.as(e.listenerKey()).post("/api/meetings/" + id + "/report/finalize").then().statusCode(403);
        e.meeting().asModerator().get("/api/meetings/" + id + "/themes").then().statusCode(405);
        e.moderator().close();
    }
}
