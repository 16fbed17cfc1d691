package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.CREATED;
import static nl.spiegel.meeting.Meetings.phases;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import nl.spiegel.meeting.Event.*;
import java.util.Map;

/**
 * The moderator's tablet moves the balance on every second between two views (frontend/src/lib/floor.ts
 * and balance.ts), by the rule of {@link Participation}. This test keeps the two equal: it computes golden
 * cases here, in the server's code, and holds them against the committed file that the app's unit test
 * (balance.test.ts) reads. Each case is a moderator's view as the server sends it, and the shares, tones,
 * balance index and moderator's share the server computes at later moments, while the running turn goes on.
 *
 * <p>When {@code Participation} changes on purpose, write the file again with
 * {@code SPIEGEL_GOLDEN_UPDATE=true ./mvnw -Dtest=ParticipationGoldenTest test} and make the app follow.
 */
class ParticipationGoldenTest {

    static final Path GOLDEN = Path.of("frontend/src/lib/golden/balance.json");
    private static final String[] NAMES = {"Anouk", "Bram", "Chantal", "Dirk", "Esra", "Fatima", "Gerrit", "Hanna",
        "Ivo", "Joke", "Karim", "Lotte", "Mehmet", "Noor"};
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theAppsBalanceFileIsWhatParticipationComputes() throws IOException {
        String computed = JSON.writeValueAsString(golden()) + "\n";
        if ("true".equals(System.getenv("SPIEGEL_GOLDEN_UPDATE")) || Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, computed, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(GOLDEN) ? Files.readString(GOLDEN, StandardCharsets.UTF_8) : "";
        assertThat(committed.replace("\r\n", "\n"))
                .as("%s differs from what Participation computes. If Participation changed on purpose, write it again with "
                        + "SPIEGEL_GOLDEN_UPDATE=true ./mvnw -Dtest=ParticipationGoldenTest test, then make "
                        + "frontend/src/lib/balance.ts follow until `npm test` passes", GOLDEN)
                .isEqualTo(computed);
    }

    private static ObjectNode golden() {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "Written by ParticipationGoldenTest from Participation.java, read by balance.test.ts: "
                + "do not edit by hand.");
        ArrayNode cases = root.putArray("cases");
        // Everyone spoke a minute: the index is 1, every seat fair.
        cases.add(of("all fair", 10, talk(60, 60, 60, 60, 60, 60, 60, 60, 60, 60), 0, 30));
        // One voice takes the time and still speaks: the others fall under, the index drops as it goes on.
        cases.add(of("one dominant", 10, s -> {
            for (int i = 1; i < 10; i++) {
                s.and(new FloorGiven(id(i))).after(20);
            }
            s.and(new FloorGiven(id(0))).after(300);
        }, 0, 60, 600));
        // Only the moderator spoke: no index, every seat never spoken, the moderator's share whole.
        cases.add(of("all silent", 10, s -> s.and(new ModeratorSpeaking()).after(120), 0, 45));
        // A full circle of 14 with every tone, the moderator speaking.
        cases.add(of("fourteen seats", 14, s -> {
            int[] seconds = {240, 120, 90, 60, 60, 45, 30, 20, 10, 5, 3};
            for (int i = 0; i < seconds.length; i++) {
                s.and(new FloorGiven(id(i))).after(seconds[i]);
            }
            s.and(new ModeratorSpeaking()).after(40);
        }, 0, 20));
        // Half the circle has not spoken yet; one of them is given the floor this moment.
        cases.add(of("never-spoken seats", 6, s -> {
            s.and(new FloorGiven(id(0))).after(90).and(new FloorGiven(id(1))).after(30).and(new FloorGiven(id(2))).after(60);
            s.and(new FloorGiven(id(4)));
        }, 0, 1, 120));
        // Shares just outside and just inside half and 1.6 times a fair share of four (0.125 and 0.4).
        cases.add(of("just outside the bounds", 4, talk(401, 124, 238, 237), 0));
        cases.add(of("just inside the bounds", 4, talk(399, 126, 238, 237), 0));
        // One of six did not come at first and arrived after ten minutes: they count from then, their fair share grows.
        cases.add(of("late arrival", 6, s -> {
            s.and(new ParticipantStatusSet(id(5), ParticipantStatus.NO_SHOW, null));
            for (int i = 0; i < 5; i++) {
                s.and(new FloorGiven(id(i))).after(120);
            }
            s.and(new ParticipantStatusSet(id(5), ParticipantStatus.PRESENT, 6)).after(60);
            s.and(new FloorGiven(id(5))).after(60);
        }, 0, 60, 600));
        // One participant: no index, however long they speak.
        cases.add(of("one seat", 1, s -> s.and(new FloorGiven(id(0))).after(30), 0, 30));
        return root;
    }

    /** Each participant in turn speaks this many seconds, then the floor is free. */
    private static Consumer<Spec> talk(int... seconds) {
        return s -> {
            for (int i = 0; i < seconds.length; i++) {
                s.and(new FloorGiven(id(i))).after(seconds[i]);
            }
            s.and(new SpeakingPaused());
        };
    }

    /** A conversation among {@code seats} participants, as the server sends it and as it stands {@code later} seconds on. */
    private static ObjectNode of(String name, int seats, Consumer<Spec> talk, long... later) {
        List<Event> events = new ArrayList<>(List.of(CREATED));
        for (int i = 0; i < seats; i++) {
            events.add(new ParticipantAdded(id(i), NAMES[i], i + 1, ParticipantStatus.INFORMED, false, Map.of()));
        }
        events.addAll(phases(Phase.PREPARATION, Phase.CONVERSATION));
        Spec s = given(events);
        talk.accept(s);
        Meeting m = s.state();
        Instant asOf = s.now();
        Views.ModeratorView view = Views.moderator(m, asOf);

        ObjectNode c = JSON.createObjectNode();
        c.put("name", name);
        ObjectNode v = c.putObject("view");
        v.put("asOf", view.asOf().toString());
        v.put("openedAt", view.openedAt().toString());
        v.putNull("endedAt");
        ArrayNode participants = v.putArray("participants");
        for (Views.SeatStats p : view.participants()) {
            ObjectNode seat = participants.addObject().put("id", p.id()).put("pseudonym", p.pseudonym())
                    .put("speakingMs", p.speakingMs()).put("speaking", p.speaking()).put("neverSpoken", p.neverSpoken());
            if (p.arrivedAt() == null) {
                seat.putNull("arrivedAt");
            } else {
                seat.put("arrivedAt", p.arrivedAt().toString());
            }
        }
        if (view.speaker() == null) {
            v.putNull("speaker");
        } else {
            v.putObject("speaker").put("participantId", view.speaker().participantId())
                    .put("moderator", view.speaker().moderator()).put("since", view.speaker().since().toString());
        }
        v.putArray("speakerQueue");
        v.putObject("balance").put("moderatorMs", view.balance().moderatorMs())
                .put("underFair", view.balance().underFair()).put("overFair", view.balance().overFair());

        ArrayNode moments = c.putArray("moments");
        for (long seconds : later) {
            Instant at = asOf.plusSeconds(seconds);
            Participation p = Participation.of(m, at);
            ObjectNode moment = moments.addObject();
            moment.put("at", at.toString());
            ArrayNode entries = moment.putArray("participants");
            for (Participation.Entry e : p.participants()) {
                entries.addObject().put("id", e.participantId()).put("speakingMs", e.speakingTime().toMillis())
                        .put("share", e.share()).put("fairShare", e.fairShare()).put("tone", e.tone().name());
            }
            if (p.balanceIndex() == null) {
                moment.putNull("balanceIndex");
            } else {
                moment.put("balanceIndex", p.balanceIndex());
            }
            if (p.moderatorShare() == null) {
                moment.putNull("moderatorShare");
            } else {
                moment.put("moderatorShare", p.moderatorShare());
            }
        }
        return c;
    }

    private static String id(int i) {
        return "P" + (i + 1);
    }
}
