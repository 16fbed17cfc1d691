package nl.spiegel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.spiegel.client.ApiClient;
import nl.spiegel.client.ApiException;
import nl.spiegel.client.api.JoinResourceApi;
import nl.spiegel.client.api.MeetingKeysResourceApi;
import nl.spiegel.client.api.MeetingResourceApi;
import nl.spiegel.client.api.RecruitmentResourceApi;
import nl.spiegel.client.api.ReportResourceApi;
import nl.spiegel.client.api.ViewResourceApi;
import nl.spiegel.client.model.CreateMeeting;
import nl.spiegel.client.model.CreatedMeeting;
import nl.spiegel.client.model.EditReport;
import nl.spiegel.client.model.JoinBody;
import nl.spiegel.client.model.Joined;
import nl.spiegel.client.model.MeetingResponse;
import nl.spiegel.client.model.ParticipantStatus;
import nl.spiegel.client.model.PlaceBody;
import nl.spiegel.client.model.Problem;
import nl.spiegel.client.model.Role;
import nl.spiegel.client.model.ThemeBody;
import nl.spiegel.support.TestDatabase;

/**
 * A Java client that OpenAPI Generator made from docs/openapi.json at build time (the pom's
 * generate-test-sources), with nothing written here but the server's address and the keys, runs
 * a meeting's REST part: create, prepare, preview and join, the listener's view, the report; and
 * gets each refusal as a Problem. When the description stops matching the server, this breaks.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ApiClientTest {

    @TestHTTPResource("/")
    URI server;

    @Test
    void aGeneratedClientRunsAMeetingsRestPart() throws Exception {
        CreatedMeeting created = new MeetingKeysResourceApi(client(null))
                .createMeeting(new CreateMeeting().title("Gegenereerd gesprek"), null);
        UUID id = created.getId();
        ApiClient moderator = client(created.getAccess().getModeratorKey());

        MeetingResponse themed = new MeetingResourceApi(moderator).addTheme(id,
                new ThemeBody().title("Toegang").centralQuestion("Hoe kwam u bij ons terecht?").minutes(20), "thema-toegang");
        assertThat(themed.getCreatedId()).isNotBlank();
        for (int seat = 1; seat <= 2; seat++) {
            new RecruitmentResourceApi(moderator).addParticipant(id, new PlaceBody().pseudonym("Deelnemer " + seat)
                    .seat(seat).status(ParticipantStatus.INFORMED).gift(false).profile(Map.of()), null);
        }
        MeetingResponse prepared = new MeetingResourceApi(moderator).getMeeting(id);
        assertThat(prepared.getMeeting().getGuide()).hasSize(1);
        assertThat(prepared.getMeeting().getParticipants()).hasSize(2);

        JoinResourceApi join = new JoinResourceApi(client(null));
        String code = created.getAccess().getJoinCode();
        assertThat(join.previewJoin(code).getTitle()).isEqualTo("Gegenereerd gesprek");
        Joined joined = join.joinMeeting(new JoinBody().code(code).displayName("Sanne"), null);
        assertThat(new ViewResourceApi(client(joined.getKey())).getView(id).getRole()).isEqualTo(Role.LISTENER);

        ReportResourceApi report = new ReportResourceApi(moderator);
        // The generator's clients ask for the JSON one of an operation's types (here the refusals'),
        // so a printable page is asked for as HTML by name.
        assertThat(report.getReportPage(id, "nl", null, Map.of("Accept", "text/html"))).contains("Gegenereerd gesprek");

        assertRefused(() -> join.previewJoin("ZZZZZZ"), 404);
        assertRefused(() -> new MeetingResourceApi(client(null)).getMeeting(id), 401);
        assertRefused(() -> new MeetingResourceApi(client(joined.getKey())).getMeeting(id), 403);
        Problem invalid = assertRefused(() -> new MeetingResourceApi(moderator).addTheme(id,
                new ThemeBody().title("").centralQuestion("?").minutes(20), null), 400);
        assertThat(invalid.getField()).isEqualTo("title");
        assertRefused(() -> report.finalizeReport(id, null), 409);
        assertRefused(() -> report.editReport(id, new EditReport().summary("x".repeat(300_000)), null), 413);
    }

    private ApiClient client(String key) {
        ApiClient client = new ApiClient().setBasePath(server.toString().replaceFirst("/$", ""));
        if (key != null) {
            client.setBearerToken(() -> key);
        }
        return client;
    }

    /** The call is refused with {@code status}; its body reads as the description's Problem, with a code and words. */
    private Problem assertRefused(ThrowingCallable call, int status) throws Exception {
        ApiException refused = catchThrowableOfType(ApiException.class, call);
        assertThat(refused).as("refused with %d", status).isNotNull();
        assertThat(refused.getCode()).as(refused.getResponseBody()).isEqualTo(status);
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(status);
        assertThat(problem.getCode()).isNotBlank();
        assertThat(problem.getDetail()).isNotBlank();
        return problem;
    }
}
