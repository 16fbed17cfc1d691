package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.MeetingCore;
import nl.spiegel.meeting.RandomMeetings;
import nl.spiegel.meeting.RandomMeetings.Step;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.meeting.Views;
import nl.spiegel.support.LiveClient;

/**
 * The changes a room sends, lists patched by id included, keep every role's view equal to the
 * server's: a client that took a snapshot at some event and applied every change after it holds,
 * as JSON, the snapshot the server would send now. And a resume never replays text the view no
 * longer holds: the changes after a group's last retraction carry only texts its view still has.
 */
class ChangesPropertyTest {

    /** As Quarkus configures the live stream's mapper: instants as ISO text. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    /** Three listeners who ask and hand in (their own parts differ), one who never does. */
    private static final List<String> LISTENERS = List.of("L1", "L2", "L3", "L9");

    @Property(tries = 250)
    void everyChangeAppliedToASnapshotGivesTheSnapshotMadeAtTheEnd(@ForAll("meetings") List<Step> steps,
                                                                    @ForAll @IntRange(min = 0, max = 200) int snapshotAt) {
        List<Recorded> stream = RandomMeetings.Run.of(steps).stream;
        int from = snapshotAt % stream.size();
        Meeting state = Meeting.none();
        RoleViews views = RoleViews.EMPTY;
        Map<String, ObjectNode> held = new LinkedHashMap<>();
        Map<String, Set<String>> carried = new LinkedHashMap<>();
        int patched = 0;
        int skipped = 0;
        Map<String, Meeting> sentFrom = new LinkedHashMap<>();
        for (int i = 0; i < stream.size(); i++) {
            Recorded recorded = stream.get(i);
            Meeting before = state;
            state = MeetingCore.evolve(state, recorded);
            RoleViews.Next next = RoleViews.next(views, before, state, recorded.seq(), recorded.at(), ChangesPropertyTest::write);
            RoleViews sent = next.sent();
            if (i == from) {
                held = snapshots(sent);
            } else if (i > from) {
                RoleViews.Changes changes = next.changes();
                Map<String, String> frames = new LinkedHashMap<>();
                frames.put("moderator", changes.moderator());
                frames.put("display", changes.display());
                frames.put("followUp", changes.followUp());
                for (String listenerId : LISTENERS) {
                    frames.put(listenerId, changes.personal().getOrDefault(listenerId, changes.listeners()));
                }
                for (Map.Entry<String, String> frame : frames.entrySet()) {
                    if (frame.getValue() == null) {
                        skipped++;
                        continue;
                    }
                    JsonNode change = read(frame.getValue());
                    assertThat(change.get("seq").asLong()).isEqualTo(recorded.seq());
                    Set<String> whole = new HashSet<>();
                    change.get("view").fieldNames().forEachRemaining(whole::add);
                    change.path("items").fieldNames().forEachRemaining(section -> {
                        assertThat(whole).as("a section is sent whole or patched, not both").doesNotContain(section);
                    });
                    patched += change.path("items").size();
                    LiveClient.apply(held.get(frame.getKey()), change);
                }
                if (changes.display() != null) {
                    track(carried, "display", changes.display(), changes.displayRetracts());
                }
                if (changes.followUp() != null) {
                    track(carried, "followUp", changes.followUp(), changes.followUpRetracts());
                }
                if (changes.listeners() != null) {
                    track(carried, "listeners", changes.listeners(), changes.listenersRetract());
                }
                assertThat(held).as("after seq %d", recorded.seq()).isEqualTo(snapshots(sent));
            }
            // What each group was sent, made again now, is what it would be sent now: only the seq differs.
            sentFrom.put("moderator", state);
            if (next.changes().display() != null) {
                sentFrom.put("display", state);
            }
            if (next.changes().followUp() != null) {
                sentFrom.put("followUp", state);
            }
            if (next.changes().listeners() != null) {
                sentFrom.put("listeners", state);
            }
            assertThat(withoutSeq(remade(sentFrom, sent, recorded.at()))).as("unsent changes after seq %d", recorded.seq())
                    .isEqualTo(withoutSeq(snapshots(RoleViews.of(state, recorded.at()))));
            views = sent;
        }
        Map<String, ObjectNode> last = snapshots(views);
        last.put("listeners", asSent(views.listeners));
        carried.forEach((group, texts) -> assertThat(texts(last.get(group))).as("texts %s still holds", group).containsAll(texts));
        Statistics.label("frames not sent").collect(skipped == 0 ? "none" : skipped < 20 ? "some" : "many");
        Statistics.label("lists patched").collect(patched == 0 ? "none" : patched < 20 ? "some" : "many");
    }

    /**
     * Every list section whose items have an id is patched field by field: the JSON of its items
     * must be exactly their components, or a patch would leave a field the client holds unchanged.
     */
    @Test
    void itemsAreWrittenAsTheirComponents() {
        List<Class<?>> types = new ArrayList<>();
        for (Class<? extends Record> view : List.of(Views.ModeratorView.class, Views.ListenerView.class,
                Views.DisplayView.class, Views.FollowUpView.class, Views.Own.class)) {
            types.addAll(Delta.itemTypes(view));
        }
        assertThat(types).extracting(Class::getSimpleName).contains("NoteView", "QuestionView", "SeatStats", "SharedNote",
                "OwnQuestion", "Done");
        for (Class<?> type : types) {
            List<String> written = JSON.getSerializationConfig().introspect(JSON.constructType(type)).findProperties().stream()
                    .map(BeanPropertyDefinition::getName).toList();
            assertThat(written).as("%s", type.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    @Provide
    Arbitrary<List<Step>> meetings() {
        return RandomMeetings.meetings();
    }

    /** Every role's snapshot view as JSON: moderator (and assistant), display, follow-up page, each listener. */
    private static Map<String, ObjectNode> snapshots(RoleViews views) {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        all.put("moderator", asSent(views.moderator));
        all.put("display", asSent(views.display));
        all.put("followUp", asSent(views.followUp));
        for (String listenerId : LISTENERS) {
            all.put(listenerId, asSent(views.listenerView(listenerId)));
        }
        return all;
    }

    /** The views each group was last sent, made again at {@code at} from the meeting they were made from. */
    private static Map<String, ObjectNode> remade(Map<String, Meeting> from, RoleViews sent, Instant at) {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        all.put("moderator", asSent(sent.moderator));
        all.put("display", asSent(Views.display(from.get("display"), at)));
        all.put("followUp", asSent(Views.followUp(from.get("followUp"), at)));
        for (String listenerId : LISTENERS) {
            all.put(listenerId, asSent(Views.listener(from.get("listeners"), null, at).with(sent.own(listenerId))));
        }
        return all;
    }

    private static Map<String, ObjectNode> withoutSeq(Map<String, ObjectNode> views) {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        views.forEach((group, view) -> all.put(group, view.deepCopy().without("seq")));
        return all;
    }

    /** The texts a group's changes carried since its last retraction: a resume may replay only those. */
    private static void track(Map<String, Set<String>> carried, String group, String frame, boolean retracts) {
        if (retracts) {
            carried.put(group, new HashSet<>());
        }
        carried.computeIfAbsent(group, g -> new HashSet<>()).addAll(texts(read(frame)));
    }

    /** The values of the fields whose text a role may lose again ({@code RoleViews.RETRACTABLE}). */
    private static Set<String> texts(JsonNode node) {
        Set<String> texts = new HashSet<>();
        node.findValues("text").forEach(t -> collect(t, texts));
        node.findValues("pseudonym").forEach(t -> collect(t, texts));
        return texts;
    }

    private static void collect(JsonNode value, Set<String> into) {
        if (value.isTextual()) {
            into.add(value.asText());
        }
    }

    /** A view as a client reads it off the wire (numbers as parsed, not as the record's types). */
    private static ObjectNode asSent(Record view) {
        return (ObjectNode) read(write(view));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
