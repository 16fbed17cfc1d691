package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import java.util.Map;

class PreparationTest {

    @Test
    void createsAMeetingWithTheMethodsDefaults() {
        Meeting m = given().when(MOD, new CreateMeeting("  Spiegelgesprek  ", null, null, null, null, null, null))
                .then(new MeetingCreated("Spiegelgesprek", null, null, null, 75, "nl", HouseRules.defaults("nl"), false))
                .state();
        assertThat(m.details().houseRules()).contains("Toehoorders luisteren alleen");
        assertThat(m.phase()).isEqualTo(Phase.PREPARATION);
        assertThat(m.seq()).isEqualTo(1);
    }

    @Test
    void englishMeetingsGetEnglishHouseRules() {
        given().when(MOD, new CreateMeeting("Mirror meeting", null, null, null, 90, "EN", null))
                .then(new MeetingCreated("Mirror meeting", null, null, null, 90, "en", HouseRules.defaults("en"), false));
        assertThat(HouseRules.defaults("en")).contains("Listeners only listen");
    }

    @Test
    void refusesBadMeetingFacts() {
        assertThat(given().when(MOD, new CreateMeeting(" ", null, null, null, null, null, null)).thenRejected("INVALID").field()).isEqualTo("title");
        assertThat(given().when(MOD, new CreateMeeting("x".repeat(201), null, null, null, null, null, null)).thenRejected("INVALID").field()).isEqualTo("title");
        assertThat(given().when(MOD, new CreateMeeting("T", null, null, null, 10, null, null)).thenRejected("INVALID").field()).isEqualTo("plannedMinutes");
        assertThat(given().when(MOD, new CreateMeeting("T", null, null, null, 481, null, null)).thenRejected("INVALID").field()).isEqualTo("plannedMinutes");
        assertThat(given().when(MOD, new CreateMeeting("T", null, null, null, null, "de", null)).thenRejected("INVALID").field()).isEqualTo("language");
        assertThat(given().when(MOD, new CreateMeeting("T", "g".repeat(2001), null, null, null, null, null)).thenRejected("INVALID").field()).isEqualTo("goal");
        assertThat(given().when(MOD, new CreateMeeting("Titel\u0000", null, null, null, null, null, null)).thenRejected("INVALID").field()).isEqualTo("title");
        given().when(ASSISTANT, new CreateMeeting("T", null, null, null, null, null, null)).thenRejected("FORBIDDEN");
    }

    @Test
    void aMeetingIsCreatedOnceAndOtherCommandsNeedIt() {
        given().when(MOD, new AddTheme("A", "B?", 10)).thenRejected("NOT_FOUND");
        given(CREATED).when(MOD, new CreateMeeting("T", null, null, null, null, null, null)).thenRejected("ALREADY_EXISTS");
    }

    @Test
    void updatesDetailsAndHouseRules() {
        Instant start = Instant.parse("2027-04-01T17:30:00Z");
        Meeting m = given(prepared()).when(MOD, new UpdateDetails("Nieuwe titel", "Doel", "inwoners", start, 90, null, null, null, null))
                .then(new DetailsUpdated("Nieuwe titel", "Doel", "inwoners", start, 90, null, null, null, null))
                .when(MOD, new SetHouseRules("Eigen regels")).then(new HouseRulesSet("Eigen regels")).state();
        assertThat(m.details().language()).isEqualTo("nl");
        assertThat(m.details().houseRules()).isEqualTo("Eigen regels");
        assertThat(given(prepared()).when(MOD, new SetHouseRules("")).thenRejected("INVALID").field()).isEqualTo("text");
        assertThat(given(prepared()).when(MOD, new UpdateDetails(null, null, null, null, null, null, null, null, null)).thenRejected("INVALID").field())
                .isEqualTo("title");
    }

    @Test
    void buildsTheGuide() {
        Spec s = given(prepared())
                .when(MOD, new EditTheme(CONTACT, "Contact en bereikbaarheid", "Hoe bereikt u ons?", 30))
                .then(new ThemeEdited(CONTACT, "Contact en bereikbaarheid", "Hoe bereikt u ons?", 30))
                .when(MOD, new MoveTheme(CONTACT, 0)).then(new ThemeMoved(CONTACT, 0));
        assertThat(s.state().guide()).extracting(Meeting.Theme::id).containsExactly(CONTACT, TOEGANG, REGIE);
        s.when(MOD, new MoveTheme(CONTACT, 2)).then(new ThemeMoved(CONTACT, 2));
        assertThat(s.state().guide()).extracting(Meeting.Theme::id).containsExactly(TOEGANG, REGIE, CONTACT);
        s.when(ASSISTANT, new RemoveTheme(CONTACT)).then(new ThemeRemoved(CONTACT));
        assertThat(s.state().guide()).extracting(Meeting.Theme::id).containsExactly(TOEGANG, REGIE);
        s.when(MOD, new AddTheme(" Wachttijd ", "Hoe lang wachtte u?", 10)).then(new ThemeAdded("T" + NEXT, "Wachttijd",
                "Hoe lang wachtte u?", 10));
    }

    @Test
    void refusesBadThemes() {
        Spec s = given(prepared());
        assertThat(s.when(MOD, new AddTheme("", "Vraag?", 10)).thenRejected("INVALID").field()).isEqualTo("title");
        assertThat(s.when(MOD, new AddTheme("Titel", " ", 10)).thenRejected("INVALID").field()).isEqualTo("centralQuestion");
        assertThat(s.when(MOD, new AddTheme("Titel", "Vraag?", 0)).thenRejected("INVALID").field()).isEqualTo("minutes");
        assertThat(s.when(MOD, new AddTheme("Titel", "Vraag?", null)).thenRejected("INVALID").field()).isEqualTo("minutes");
        s.when(MOD, new EditTheme("T999", "Titel", "Vraag?", 10)).thenRejected("UNKNOWN_THEME");
        s.when(MOD, new RemoveTheme(null)).thenRejected("UNKNOWN_THEME");
        assertThat(s.when(MOD, new MoveTheme(TOEGANG, 3)).thenRejected("INVALID").field()).isEqualTo("position");
        assertThat(s.when(MOD, new MoveTheme(TOEGANG, -1)).thenRejected("INVALID").field()).isEqualTo("position");
    }

    @Test
    void theGuideHoldsAtMostThirtyThemes() {
        List<Event> full = new ArrayList<>(List.of(CREATED));
        for (int i = 1; i <= Meeting.MAX_THEMES; i++) {
            full.add(new ThemeAdded("T" + i, "Thema " + i, "Vraag?", 5));
        }
        given(full).when(MOD, new AddTheme("Eén te veel", "Vraag?", 5)).thenRejected("GUIDE_FULL");
    }

    @Test
    void aDiscussedThemeStaysInTheGuide() {
        Spec s = given(inConversation());
        s.when(MOD, new RemoveTheme(TOEGANG)).thenRejected("THEME_STARTED");
        s.when(MOD, new RemoveTheme(REGIE)).then(new ThemeRemoved(REGIE));
    }

    @Test
    void seatsTheCircle() {
        Spec s = given(prepared())
                .when(MOD, new EditParticipant(BRAM, "Bram B.", 9, null, null)).then(new ParticipantEdited(BRAM, "Bram B.", 9, false, Map.of()))
                .when(MOD, new RemoveParticipant(BRAM)).then(new ParticipantRemoved(BRAM))
                .when(MOD, new AddParticipant(" Eva ", 5, null, null, null))
                .then(new ParticipantAdded("P" + NEXT, "Eva", 5, ParticipantStatus.INVITED, false, Map.of()));
        assertThat(s.state().participants()).extracting(Meeting.Participant::pseudonym)
                .containsExactly("Anouk", "Chantal", "Dirk", "Eva");
    }

    @Test
    void refusesBadSeats() {
        Spec s = given(prepared());
        s.when(MOD, new AddParticipant("Eva", 1, null, false, null)).thenRejected("SEAT_TAKEN");
        s.when(MOD, new AddParticipant("anouk", 8, null, false, null)).thenRejected("PSEUDONYM_TAKEN");
        assertThat(s.when(MOD, new AddParticipant("Eva", Meeting.MAX_PARTICIPANTS + 1, null, false, null)).thenRejected("INVALID").field()).isEqualTo("seat");
        assertThat(s.when(MOD, new AddParticipant("Eva", 0, null, false, null)).thenRejected("INVALID").field()).isEqualTo("seat");
        assertThat(s.when(MOD, new AddParticipant("", 8, null, false, null)).thenRejected("INVALID").field()).isEqualTo("pseudonym");
        assertThat(s.when(MOD, new AddParticipant("x".repeat(41), 8, null, false, null)).thenRejected("INVALID").field()).isEqualTo("pseudonym");
        s.when(MOD, new EditParticipant("P999", "Eva", 8, false, null)).thenRejected("UNKNOWN_PARTICIPANT");
        s.when(MOD, new EditParticipant(BRAM, "Anouk", 2, false, null)).thenRejected("PSEUDONYM_TAKEN");
        s.when(MOD, new EditParticipant(BRAM, "Bram", 1, false, null)).thenRejected("SEAT_TAKEN");
        s.when(MOD, new EditParticipant(BRAM, "Bram", 2, false, null)).then();
        s.when(MOD, new EditParticipant(BRAM, null, null, true, null)).then(new ParticipantEdited(BRAM, "Bram", 2, true, Map.of()));
        s.when(MOD, new RemoveParticipant("P999")).thenRejected("UNKNOWN_PARTICIPANT");
    }

    @Test
    void theCircleHoldsAtMostFourteen() {
        List<Event> full = new ArrayList<>(prepared());
        for (int seat = 5; seat <= 14; seat++) {
            full.add(new ParticipantAdded("P-" + seat, "Deelnemer " + seat, seat, ParticipantStatus.CONFIRMED, false, Map.of()));
        }
        Spec s = given(full);
        s.when(MOD, new AddParticipant("Vijftien", 14, null, null, null)).thenRejected("SEAT_TAKEN");
        // A fifteenth recruit waits in reserve, without a seat; one who is there needs one.
        s.when(MOD, new AddParticipant("Vijftien", null, null, null, null))
                .then(new ParticipantAdded("P" + (NEXT + 10), "Vijftien", null, ParticipantStatus.INVITED, false, Map.of()));
        given(full).and(phases(Phase.PREPARATION, Phase.LOBBY))
                .when(MOD, new AddParticipant("Vijftien", null, ParticipantStatus.PRESENT, null, null)).thenRejected("CIRCLE_FULL");
    }

    @Test
    void someoneWhoSpokeStaysInTheRecord() {
        given(inConversation()).and(new FloorGiven(ANOUK)).after(30).and(new SpeakingPaused())
                .when(MOD, new RemoveParticipant(ANOUK)).thenRejected("HAS_SPOKEN");
    }

    @Test
    void someoneWhoLeavesTheCircleLeavesTheSpeakerQueue() {
        Meeting m = given(inConversation()).and(new SpeakerQueued(DIRK))
                .when(MOD, new RemoveParticipant(DIRK)).then(new ParticipantRemoved(DIRK)).state();
        assertThat(m.floor().queue()).isEmpty();
    }

    @Test
    void listenersHandInTopicsWhileTheModeratorAllowsIt() {
        Spec s = given(prepared());
        s.when(ANNA, new SubmitTopic("Wachtlijsten")).thenRejected("TOPICS_CLOSED");
        s.when(MOD, new SetTopicsOpen(true)).then(new TopicsOpenSet(true))
                .when(MOD, new SetTopicsOpen(true)).then()
                .when(ANNA, new SubmitTopic("  Wachtlijsten  ")).then(new TopicSubmitted("K" + NEXT, ANNA.listenerId(), "Wachtlijsten"))
                .when(MOD, new SetTopicStatus("K" + NEXT, TopicStatus.ADOPTED, null)).then(new TopicStatusSet("K" + NEXT, TopicStatus.ADOPTED, null));
        assertThat(s.state().topics().getFirst().status()).isEqualTo(TopicStatus.ADOPTED);
        s.when(MOD, new SetTopicStatus("K999", TopicStatus.ADOPTED, null)).thenRejected("UNKNOWN_TOPIC");
        assertThat(s.when(MOD, new SetTopicStatus("K" + NEXT, null, null)).thenRejected("INVALID").field()).isEqualTo("status");
        assertThat(s.when(MOD, new SetTopicsOpen(null)).thenRejected("INVALID").field()).isEqualTo("open");
        s.when(ANNA, new SubmitTopic("")).thenRejected("INVALID");
        s.when(Actor.listener("L-stranger"), new SubmitTopic("Hallo")).thenRejected("NOT_JOINED");
        s.and(phases(Phase.PREPARATION, Phase.OPENING)).when(ANNA, new SubmitTopic("Te laat")).thenRejected("TOPICS_CLOSED");
    }

    @Test
    void listenersJoinOnceAndMayRenameThemselves() {
        Spec s = given(prepared());
        assertThat(s.state().listeners()).containsKeys(ANNA.listenerId(), BEN.listenerId());
        s.when(ANNA, new JoinAsListener("Anna")).then()
                .when(ANNA, new JoinAsListener("Anna K.")).then(new ListenerJoined(ANNA.listenerId(), "Anna K."));
        assertThat(s.when(ANNA, new JoinAsListener("x".repeat(41))).thenRejected("INVALID").field()).isEqualTo("displayName");
        s.and(phases(Phase.PREPARATION, Phase.ENDED)).when(Actor.listener("L-late"), new JoinAsListener(null))
                .thenRejected("WRONG_PHASE");
    }

    @Test
    void theModeratorClosesJoiningAndLimitsListeners() {
        Spec s = given(prepared())
                .when(MOD, new SetJoining(true, 3)).then(new JoiningSet(true, 3))
                .when(Actor.listener("L-3"), new JoinAsListener("Derde")).then(new ListenerJoined("L-3", "Derde"));
        s.when(Actor.listener("L-4"), new JoinAsListener("Vierde")).thenRejected("LISTENERS_FULL");
        s.when(MOD, new SetJoining(false, null)).then(new JoiningSet(false, null))
                .when(MOD, new SetJoining(false, null)).then();
        s.when(Actor.listener("L-5"), new JoinAsListener(null)).thenRejected("JOINING_CLOSED");
        s.when(ANNA, new JoinAsListener("Anna, al binnen")).then(new ListenerJoined(ANNA.listenerId(), "Anna, al binnen"));
        assertThat(s.when(MOD, new SetJoining(null, null)).thenRejected("INVALID").field()).isEqualTo("open");
        assertThat(s.when(MOD, new SetJoining(true, 0)).thenRejected("INVALID").field()).isEqualTo("listenerLimit");
        s.when(ANNA, new SetJoining(true, null)).thenRejected("FORBIDDEN");
        Views.ModeratorView view = Views.moderator(s.state(), s.now());
        assertThat(view.joiningOpen()).isFalse();
        assertThat(view.listeners()).isEqualTo(3);
    }

    @Test
    void retentionIsSetOnceAndKeptUntilChanged() {
        Spec s = given(prepared()).when(MOD, new SetRetention(30, false)).then(new RetentionSet(30, false))
                .when(MOD, new SetRetention(30, null)).then()
                .when(MOD, new SetRetention(null, null)).then(new RetentionSet(null, false));
        assertThat(s.when(MOD, new SetRetention(0, true)).thenRejected("INVALID").field()).isEqualTo("days");
        s.and(phases(Phase.PREPARATION, Phase.ENDED)).when(MOD, new SetRetention(7, true)).then(new RetentionSet(7, true));
    }

    @Test
    void aMissingCommandIsRefused() {
        assertThat(given().when(MOD, null).thenRejected("INVALID").field()).isEqualTo("type");
    }

    @Test
    void thePlaceAndASoftLimitPerTurnAreFactsOfTheMeeting() {
        Spec s = given(prepared()).when(MOD, new UpdateDetails("Titel", null, null, null, 75, " Stadhuis, zaal 2 ", 120, null, null))
                .then(new DetailsUpdated("Titel", null, null, null, 75, "Stadhuis, zaal 2", 120, null, null));
        assertThat(s.state().details()).extracting(Meeting.Details::place, Meeting.Details::turnLimitSeconds)
                .containsExactly("Stadhuis, zaal 2", 120);
        s.when(MOD, new SetHouseRules("Luister in stilte.")).then(new HouseRulesSet("Luister in stilte."));
        assertThat(s.state().details().turnLimitSeconds()).isEqualTo(120);
        assertThat(s.when(MOD, new UpdateDetails("Titel", null, null, null, 75, null, 10, null, null)).thenRejected("INVALID").field())
                .isEqualTo("turnLimitSeconds");
        s.when(MOD, new UpdateDetails("Titel", null, null, null, 75, null, null, null, null))
                .then(new DetailsUpdated("Titel", null, null, null, 75, null, null, null, null));
    }

    @Test
    void theOrganisationAndWhereToListenAreFactsOfTheMeetingAndOnlyHttpsLinksAreTaken() {
        String call = "https://meet.example.org/spiegel-jeugdzorg?pwd=abc";
        Spec s = given(prepared()).when(MOD, new UpdateDetails("Titel", null, null, null, 75, null, null,
                        " Gemeente Utrecht, team Jeugd ", call))
                .then(new DetailsUpdated("Titel", null, null, null, 75, null, null, "Gemeente Utrecht, team Jeugd", call));
        assertThat(Views.listener(s.state(), ANNA.listenerId(), s.now()).details().listenUrl()).isEqualTo(call);
        for (String bad : List.of("javascript:alert(1)", "http://meet.example.org/x", "https://", "meet.example.org",
                "https://user:secret@meet.example.org/", "data:text/html,hoi", "https://meet example.org/", "ftp://x.org/")) {
            Rejection r = s.when(MOD, new UpdateDetails("Titel", null, null, null, 75, null, null, null, bad)).thenRejected("INVALID");
            assertThat(r.field()).as(bad).isEqualTo("listenUrl");
            assertThat(r.detail()).isEqualTo(new Rejection.Detail.WebAddress());
        }
        assertThat(s.when(MOD, new UpdateDetails("Titel", null, null, null, 75, null, null, "x".repeat(201), null))
                .thenRejected("INVALID").field()).isEqualTo("organisation");
    }
}
