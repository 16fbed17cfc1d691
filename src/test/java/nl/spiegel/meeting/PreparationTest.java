package nl.spiegel.meeting;

import static nl.spiegel.meeting.Script.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

class PreparationTest {

    @Test
    void createsAMeetingWithTheMethodsDefaults() {
        Script s = new Script();
        s.ok(MOD, new CreateMeeting("  Spiegelgesprek  ", null, null, null, null, null));
        Meeting.Details d = s.state.details();
        assertThat(d.title()).isEqualTo("Spiegelgesprek");
        assertThat(d.plannedMinutes()).isEqualTo(75);
        assertThat(d.language()).isEqualTo("nl");
        assertThat(d.houseRules()).contains("Toehoorders luisteren alleen");
        assertThat(s.state.phase()).isEqualTo(Phase.PREPARATION);
        assertThat(s.state.seq()).isEqualTo(1);
    }

    @Test
    void englishMeetingsGetEnglishHouseRules() {
        Script s = new Script();
        s.ok(MOD, new CreateMeeting("Mirror meeting", null, null, null, 90, "EN"));
        assertThat(s.state.details().houseRules()).contains("Listeners only listen");
    }

    @Test
    void refusesBadMeetingFacts() {
        Script s = new Script();
        assertThat(s.no(MOD, new CreateMeeting(" ", null, null, null, null, null), "INVALID").field()).isEqualTo("title");
        assertThat(s.no(MOD, new CreateMeeting("x".repeat(201), null, null, null, null, null), "INVALID").field()).isEqualTo("title");
        assertThat(s.no(MOD, new CreateMeeting("T", null, null, null, 10, null), "INVALID").field()).isEqualTo("plannedMinutes");
        assertThat(s.no(MOD, new CreateMeeting("T", null, null, null, 481, null), "INVALID").field()).isEqualTo("plannedMinutes");
        assertThat(s.no(MOD, new CreateMeeting("T", null, null, null, null, "de"), "INVALID").field()).isEqualTo("language");
        assertThat(s.no(MOD, new CreateMeeting("T", "g".repeat(2001), null, null, null, null), "INVALID").field()).isEqualTo("goal");
        s.no(Actor.ASSISTANT, new CreateMeeting("T", null, null, null, null, null), "FORBIDDEN");
    }

    @Test
    void aMeetingIsCreatedOnceAndOtherCommandsNeedIt() {
        Script s = new Script();
        s.no(MOD, new AddTheme("A", "B?", 10), "NOT_FOUND");
        s.ok(MOD, new CreateMeeting("T", null, null, null, null, null));
        s.no(MOD, new CreateMeeting("T", null, null, null, null, null), "ALREADY_EXISTS");
    }

    @Test
    void updatesDetailsAndHouseRules() {
        Script s = Script.prepared();
        Instant start = Instant.parse("2027-04-01T17:30:00Z");
        s.ok(MOD, new UpdateDetails("Nieuwe titel", "Doel", "inwoners", start, 90));
        assertThat(s.state.details()).extracting("title", "goal", "targetGroup", "scheduledStart", "plannedMinutes")
                .containsExactly("Nieuwe titel", "Doel", "inwoners", start, 90);
        assertThat(s.state.details().language()).isEqualTo("nl");
        s.ok(MOD, new SetHouseRules("Eigen regels"));
        assertThat(s.state.details().houseRules()).isEqualTo("Eigen regels");
        assertThat(s.no(MOD, new SetHouseRules(""), "INVALID").field()).isEqualTo("text");
        assertThat(s.no(MOD, new UpdateDetails(null, null, null, null, null), "INVALID").field()).isEqualTo("title");
    }

    @Test
    void buildsTheGuide() {
        Script s = Script.prepared();
        assertThat(s.state.guide()).extracting(Meeting.Theme::title).containsExactly("Toegang", "Contact", "Eigen regie");
        String contact = s.theme(1);
        s.ok(MOD, new EditTheme(contact, "Contact en bereikbaarheid", "Hoe bereikt u ons?", 30));
        assertThat(s.state.theme(contact).orElseThrow().minutes()).isEqualTo(30);
        s.ok(MOD, new MoveTheme(contact, 0));
        assertThat(s.theme(0)).isEqualTo(contact);
        s.ok(MOD, new MoveTheme(contact, 2));
        assertThat(s.theme(2)).isEqualTo(contact);
        s.ok(MOD, new RemoveTheme(contact));
        assertThat(s.state.guide()).hasSize(2);
    }

    @Test
    void refusesBadThemes() {
        Script s = Script.prepared();
        assertThat(s.no(MOD, new AddTheme("", "Vraag?", 10), "INVALID").field()).isEqualTo("title");
        assertThat(s.no(MOD, new AddTheme("Titel", " ", 10), "INVALID").field()).isEqualTo("centralQuestion");
        assertThat(s.no(MOD, new AddTheme("Titel", "Vraag?", 0), "INVALID").field()).isEqualTo("minutes");
        assertThat(s.no(MOD, new AddTheme("Titel", "Vraag?", null), "INVALID").field()).isEqualTo("minutes");
        s.no(MOD, new EditTheme("T999", "Titel", "Vraag?", 10), "UNKNOWN_THEME");
        s.no(MOD, new RemoveTheme(null), "UNKNOWN_THEME");
        assertThat(s.no(MOD, new MoveTheme(s.theme(0), 3), "INVALID").field()).isEqualTo("position");
        assertThat(s.no(MOD, new MoveTheme(s.theme(0), -1), "INVALID").field()).isEqualTo("position");
    }

    @Test
    void theGuideHoldsAtMostThirtyThemes() {
        Script s = new Script();
        s.ok(MOD, new CreateMeeting("T", null, null, null, null, null));
        for (int i = 0; i < Meeting.MAX_THEMES; i++) {
            s.ok(MOD, new AddTheme("Thema " + i, "Vraag?", 5));
        }
        s.no(MOD, new AddTheme("Eén te veel", "Vraag?", 5), "GUIDE_FULL");
    }

    @Test
    void aDiscussedThemeStaysInTheGuide() {
        Script s = Script.inConversation();
        s.no(MOD, new RemoveTheme(s.theme(0)), "THEME_STARTED");
        s.ok(MOD, new RemoveTheme(s.theme(2)));
    }

    @Test
    void seatsTheCircle() {
        Script s = Script.prepared();
        assertThat(s.state.participants()).extracting(Meeting.Participant::pseudonym)
                .containsExactly("Anouk", "Bram", "Chantal", "Dirk");
        String bram = s.participant("Bram");
        s.ok(MOD, new EditParticipant(bram, "Bram B.", 9, null));
        Meeting.Participant edited = s.state.participant(bram).orElseThrow();
        assertThat(edited.seat()).isEqualTo(9);
        assertThat(edited.briefed()).isTrue();
        s.ok(MOD, new RemoveParticipant(bram));
        assertThat(s.state.participants()).hasSize(3);
    }

    @Test
    void refusesBadSeats() {
        Script s = Script.prepared();
        s.no(MOD, new AddParticipant("Eva", 1, false), "SEAT_TAKEN");
        s.no(MOD, new AddParticipant("anouk", 8, false), "PSEUDONYM_TAKEN");
        assertThat(s.no(MOD, new AddParticipant("Eva", 13, false), "INVALID").field()).isEqualTo("seat");
        assertThat(s.no(MOD, new AddParticipant("Eva", 0, false), "INVALID").field()).isEqualTo("seat");
        assertThat(s.no(MOD, new AddParticipant("", 8, false), "INVALID").field()).isEqualTo("pseudonym");
        assertThat(s.no(MOD, new AddParticipant("x".repeat(41), 8, false), "INVALID").field()).isEqualTo("pseudonym");
        s.no(MOD, new EditParticipant("P999", "Eva", 8, false), "UNKNOWN_PARTICIPANT");
        s.no(MOD, new EditParticipant(s.participant("Bram"), "Anouk", 2, false), "PSEUDONYM_TAKEN");
        s.no(MOD, new EditParticipant(s.participant("Bram"), "Bram", 1, false), "SEAT_TAKEN");
        s.ok(MOD, new EditParticipant(s.participant("Bram"), "Bram", 2, false));
        s.no(MOD, new RemoveParticipant("P999"), "UNKNOWN_PARTICIPANT");
    }

    @Test
    void theCircleHoldsAtMostTwelve() {
        Script s = Script.prepared();
        for (int seat = 5; seat <= 12; seat++) {
            s.ok(MOD, new AddParticipant("Deelnemer " + seat, seat, false));
        }
        s.no(MOD, new AddParticipant("Dertien", 12, false), "CIRCLE_FULL");
    }

    @Test
    void someoneWhoSpokeStaysInTheRecord() {
        Script s = Script.inConversation();
        String anouk = s.participant("Anouk");
        s.ok(MOD, new GiveFloor(anouk));
        s.laterSeconds(30).ok(MOD, new PauseSpeaking());
        s.no(MOD, new RemoveParticipant(anouk), "HAS_SPOKEN");
    }

    @Test
    void listenersHandInTopicsWhileTheModeratorAllowsIt() {
        Script s = Script.prepared();
        s.no(ANNA, new SubmitTopic("Wachtlijsten"), "TOPICS_CLOSED");
        s.ok(MOD, new SetTopicsOpen(true));
        assertThat(s.ok(MOD, new SetTopicsOpen(true))).isEmpty();
        s.ok(ANNA, new SubmitTopic("  Wachtlijsten  "));
        Meeting.Topic topic = s.state.topics().getFirst();
        assertThat(topic.text()).isEqualTo("Wachtlijsten");
        assertThat(topic.listenerId()).isEqualTo(ANNA.listenerId());
        s.ok(MOD, new SetTopicStatus(topic.id(), TopicStatus.ADOPTED));
        assertThat(s.state.topics().getFirst().status()).isEqualTo(TopicStatus.ADOPTED);
        s.no(MOD, new SetTopicStatus("K999", TopicStatus.ADOPTED), "UNKNOWN_TOPIC");
        assertThat(s.no(MOD, new SetTopicStatus(topic.id(), null), "INVALID").field()).isEqualTo("status");
        assertThat(s.no(MOD, new SetTopicsOpen(null), "INVALID").field()).isEqualTo("open");
        s.no(ANNA, new SubmitTopic(""), "INVALID");
        s.no(Actor.listener("L-stranger"), new SubmitTopic("Hallo"), "NOT_JOINED");
        s.phase(Phase.LOBBY, Phase.OPENING);
        s.no(ANNA, new SubmitTopic("Te laat"), "TOPICS_CLOSED");
    }

    @Test
    void listenersJoinOnceAndMayRenameThemselves() {
        Script s = Script.prepared();
        assertThat(s.state.listeners()).containsKeys(ANNA.listenerId(), BEN.listenerId());
        assertThat(s.ok(ANNA, new JoinAsListener("Anna"))).isEmpty();
        assertThat(s.ok(ANNA, new JoinAsListener("Anna K."))).containsExactly(new ListenerJoined(ANNA.listenerId(), "Anna K."));
        assertThat(s.no(ANNA, new JoinAsListener("x".repeat(41)), "INVALID").field()).isEqualTo("displayName");
        s.phase(Phase.LOBBY, Phase.OPENING, Phase.CONVERSATION, Phase.CLARIFYING, Phase.CLOSING, Phase.ENDED);
        s.no(Actor.listener("L-late"), new JoinAsListener(null), "WRONG_PHASE");
    }

    @Test
    void theModeratorClosesJoiningAndLimitsListeners() {
        Script s = Script.prepared();
        s.ok(MOD, new SetJoining(true, 3));
        s.ok(Actor.listener("L-3"), new JoinAsListener("Derde"));
        s.no(Actor.listener("L-4"), new JoinAsListener("Vierde"), "LISTENERS_FULL");
        s.ok(MOD, new SetJoining(false, null));
        assertThat(s.ok(MOD, new SetJoining(false, null))).isEmpty();
        s.no(Actor.listener("L-5"), new JoinAsListener(null), "JOINING_CLOSED");
        s.ok(ANNA, new JoinAsListener("Anna, al binnen"));
        assertThat(s.no(MOD, new SetJoining(null, null), "INVALID").field()).isEqualTo("open");
        assertThat(s.no(MOD, new SetJoining(true, 0), "INVALID").field()).isEqualTo("listenerLimit");
        s.no(ANNA, new SetJoining(true, null), "FORBIDDEN");
        Views.ModeratorView view = Views.moderator(s.state, s.now);
        assertThat(view.joiningOpen()).isFalse();
        assertThat(view.listeners()).isEqualTo(3);
    }

    @Test
    void aMissingCommandIsRefused() {
        assertThat(new Script().no(MOD, null, "INVALID").field()).isEqualTo("type");
    }
}
