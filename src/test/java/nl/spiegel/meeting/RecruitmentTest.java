package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.ParticipantStatus.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Recruitment.Category;
import nl.spiegel.meeting.Recruitment.WantedShare;
import nl.spiegel.meeting.Recruitment.WarningKind;

/** Recruiting participants without contact data, the cross-section they form, and who came. */
class RecruitmentTest {

    static final Actor ORGANISER = new Actor(Role.ORGANISER, null);
    static final Category AGE = new Category("Leeftijd", List.of(new WantedShare("18-40", 50), new WantedShare("40+", 50)));

    @ParameterizedTest
    @ValueSource(strings = {"jan@example.nl", "Jan @ mail.com", "jan (at) example (dot) nl", "jan[at]example[dot]nl",
        "jan at example dot com", "jan apenstaartje ziggo punt nl", "06-12345678", "06 1234 5678", "+31 6 12 34 56 78",
        "0031612345678", "(020) 123 4567", "020-1234567", "Anouk 0612345678"})
    void contactDataIsRefusedAndNothingIsStored(String contact) {
        Spec s = given(prepared());
        Rejection r = s.when(ORGANISER, new AddParticipant(contact, null, null, null, null)).thenRejected("INVALID");
        assertThat(r.field()).isEqualTo("pseudonym");
        assertThat(r.detail()).isInstanceOf(Rejection.Detail.ContactData.class);
        s.when(MOD, new EditParticipant(ANOUK, contact, null, null, null)).thenRejected("INVALID");
        s.when(ORGANISER, new SetCrossSection(List.of(new Category("Wijk", List.of(new WantedShare(contact, 100))))))
                .thenRejected("INVALID");
        assertThat(s.state().participants()).extracting(Meeting.Participant::pseudonym)
                .containsExactly("Anouk", "Bram", "Chantal", "Dirk");
        assertThat(s.state().recruitment().crossSection()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eva", "Mw. de Vries", "Stoel 12", "Bram (65+)", "Deelnemer 2019-2023", "Kees at home", "1e lijn 12-03-1960"})
    void namesAndLabelsAreNoContactData(String pseudonym) {
        given(prepared()).when(ORGANISER, new AddParticipant(pseudonym, null, null, null, null))
                .then(new ParticipantAdded("P" + NEXT, pseudonym, 5, INVITED, false, Map.of()));
    }

    @Test
    void recruitingRunsFromInvitedToInformedAndCancellingGivesUpTheSeat() {
        Spec s = given(prepared())
                .when(ORGANISER, new AddParticipant("Eva", null, null, true, null))
                .then(new ParticipantAdded("P" + NEXT, "Eva", 5, INVITED, true, Map.of()))
                .when(ORGANISER, new SetParticipantStatus("P" + NEXT, CONFIRMED, null))
                .then(new ParticipantStatusSet("P" + NEXT, CONFIRMED, 5))
                .when(ORGANISER, new SetParticipantStatus("P" + NEXT, CANCELLED, null))
                .then(new ParticipantStatusSet("P" + NEXT, CANCELLED, null));
        assertThat(s.state().circle()).extracting(Meeting.Participant::pseudonym).doesNotContain("Eva");
        // Present and no-show belong to the day itself.
        s.when(ORGANISER, new SetParticipantStatus(ANOUK, PRESENT, null)).thenRejected("WRONG_PHASE");
        // Who changes their mind gets the first free seat back.
        s.when(ORGANISER, new SetParticipantStatus("P" + NEXT, CONFIRMED, null)).then(new ParticipantStatusSet("P" + NEXT, CONFIRMED, 5));
    }

    @Test
    void theCrossSectionShowsCoverageAndWarns() {
        Spec s = given(prepared())
                .when(ORGANISER, new SetCrossSection(List.of(AGE))).then(new CrossSectionSet(List.of(AGE)))
                .when(ORGANISER, new EditParticipant(ANOUK, null, null, null, Map.of("Leeftijd", "40+"))).then(
                        new ParticipantEdited(ANOUK, "Anouk", 1, false, Map.of("Leeftijd", "40+")))
                .when(ORGANISER, new EditParticipant(BRAM, null, null, null, Map.of("Leeftijd", "40+"))).then(
                        new ParticipantEdited(BRAM, "Bram", 2, false, Map.of("Leeftijd", "40+")))
                .when(ORGANISER, new EditParticipant(CHANTAL, null, null, null, Map.of("Leeftijd", "40+"))).then(
                        new ParticipantEdited(CHANTAL, "Chantal", 3, false, Map.of("Leeftijd", "40+")));
        Recruitment.Coverage coverage = Recruitment.coverage(s.state());
        assertThat(coverage.confirmed()).isEqualTo(4);
        assertThat(coverage.crossSection().getFirst().shares())
                .extracting(Recruitment.ShareCoverage::value, Recruitment.ShareCoverage::confirmed, Recruitment.ShareCoverage::actualPercent)
                .containsExactly(tuple("18-40", 0, 0), tuple("40+", 3, 100));
        assertThat(coverage.crossSection().getFirst().unknown()).isEqualTo(1);
        assertThat(coverage.warnings()).extracting(Recruitment.Warning::kind)
                .containsExactly(WarningKind.FEW_CONFIRMED, WarningKind.MIX_OFF, WarningKind.MIX_OFF);

        // A value outside the cross-section, or a category it does not have, is refused.
        s.when(ORGANISER, new EditParticipant(DIRK, null, null, null, Map.of("Leeftijd", "12"))).thenRejected("INVALID");
        s.when(ORGANISER, new EditParticipant(DIRK, null, null, null, Map.of("Wijk", "Noord"))).thenRejected("INVALID");
        // Shares add up to a hundred.
        assertThat(s.when(ORGANISER, new SetCrossSection(List.of(new Category("Wijk", List.of(new WantedShare("Noord", 60),
                new WantedShare("Zuid", 60)))))).thenRejected("INVALID").detail()).isEqualTo(new Rejection.Detail.AddsUpTo(100));
    }

    @Test
    void eightConfirmedWithTheWantedMixRaiseNoWarning() {
        List<Event> events = new ArrayList<>(List.of(CREATED, new CrossSectionSet(List.of(AGE))));
        for (int i = 1; i <= 8; i++) {
            events.add(new ParticipantAdded("P" + i, "Deelnemer " + i, i, i % 2 == 0 ? CONFIRMED : INFORMED, false,
                    Map.of("Leeftijd", i <= 4 ? "18-40" : "40+")));
        }
        assertThat(Recruitment.coverage(given(events).state()).warnings()).isEmpty();
    }

    @Test
    void noShowsHaveNoSeatAndAreLeftOutOfTheBalance() {
        Spec s = given(prepared()).and(phases(Phase.PREPARATION, Phase.LOBBY))
                .when(MOD, new SetParticipantStatus(DIRK, NO_SHOW, null)).then(new ParticipantStatusSet(DIRK, NO_SHOW, null))
                .when(MOD, new SetParticipantStatus(ANOUK, PRESENT, null)).then(new ParticipantStatusSet(ANOUK, PRESENT, 1))
                .and(phases(Phase.LOBBY, Phase.CONVERSATION))
                .and(new FloorGiven(ANOUK)).after(60).and(new FloorGiven(BRAM)).after(60).and(new FloorGiven(CHANTAL)).after(60)
                .and(new SpeakingPaused());
        Participation p = Participation.of(s.state(), s.now());
        assertThat(p.participants()).extracting(Participation.Entry::participantId).containsExactly(ANOUK, BRAM, CHANTAL);
        assertThat(p.participants()).allSatisfy(e -> assertThat(e.fairShare()).isCloseTo(1.0 / 3, within(1e-12)));
        // Three who spoke equally long: perfectly balanced, though a fourth was expected.
        assertThat(p.balanceIndex()).isEqualTo(1.0);
        assertThat(Views.moderator(s.state(), s.now()).participants()).hasSize(3);
        s.when(MOD, new GiveFloor(DIRK)).thenRejected("NOT_IN_CIRCLE");
        s.when(MOD, new QueueSpeaker(DIRK)).thenRejected("NOT_IN_CIRCLE");
        s.when(ANNA, new SubmitQuestion("Wat bedoelde u?", DIRK, null)).thenRejected("NOT_IN_CIRCLE");
    }

    @Test
    void aLateArrivalCountsFromArrival() {
        Spec s = given(prepared()).and(phases(Phase.PREPARATION, Phase.LOBBY))
                .and(new ParticipantStatusSet(DIRK, NO_SHOW, null))
                .and(phases(Phase.LOBBY, Phase.CONVERSATION))
                .and(new FloorGiven(ANOUK)).after(600)
                .when(MOD, new SetParticipantStatus(DIRK, PRESENT, null)).then(new ParticipantStatusSet(DIRK, PRESENT, 4));
        assertThat(s.state().participant(DIRK).orElseThrow().arrivedAt()).isEqualTo(s.now());
        s.after(300).and(new FloorGiven(DIRK)).after(80).and(new SpeakingPaused());
        // Anouk spoke 900 s, Dirk 80. Dirk was there 380 s of the 980, the others all 980.
        Participation p = Participation.of(s.state(), s.now());
        Participation.Entry anouk = p.participants().getFirst();
        Participation.Entry dirk = p.participants().getLast();
        assertThat(anouk.fairShare()).isCloseTo(980.0 / 3320, within(1e-12));
        assertThat(dirk.fairShare()).isCloseTo(380.0 / 3320, within(1e-12));
        // Counted from the opening, 8 % of the talk would be under a fair share of 25 %; from his arrival it is fair.
        assertThat(dirk.tone()).isEqualTo(Participation.Tone.FAIR);
        double kl = 900.0 / 980 * Math.log(900.0 / 980 / anouk.fairShare()) + 80.0 / 980 * Math.log(80.0 / 980 / dirk.fairShare());
        assertThat(p.balanceIndex()).isCloseTo(Math.max(0, 1 - kl / Math.log(4)), within(1e-12));
    }

    @Test
    void aLateArrivalIsNudgedTenMinutesAfterComingIn() {
        Spec s = given(prepared()).and(phases(Phase.PREPARATION, Phase.LOBBY))
                .and(new ParticipantStatusSet(DIRK, NO_SHOW, null))
                .and(phases(Phase.LOBBY, Phase.CONVERSATION)).after(1200)
                .and(new ParticipantStatusSet(DIRK, PRESENT, 4));
        assertThat(Participation.of(s.state(), s.now()).nudges())
                .filteredOn(n -> n.kind() == Participation.NudgeKind.NEVER_SPOKEN && DIRK.equals(n.participantId()))
                .extracting(Participation.Nudge::from).containsExactly(s.now().plus(Participation.NEVER_SPOKEN_AFTER));
    }

    @Test
    void aLateArrivalCanBeAddedDuringTheMeeting() {
        Spec s = given(inConversation()).after(900)
                .when(MOD, new AddParticipant("Eva", null, null, null, null))
                .then(new ParticipantAdded("P" + NEXT, "Eva", 5, PRESENT, false, Map.of()));
        assertThat(s.state().participant("P" + NEXT).orElseThrow().arrivedAt()).isEqualTo(s.now());
        s.when(MOD, new AddParticipant("Fleur", null, INVITED, null, null)).thenRejected("WRONG_PHASE");
        s.when(MOD, new SetParticipantStatus(ANOUK, CANCELLED, null)).thenRejected("WRONG_PHASE");
    }

    @Test
    void whoHasSpokenStaysInTheCircle() {
        given(inConversation()).and(new FloorGiven(ANOUK)).after(30).and(new SpeakingPaused())
                .when(MOD, new SetParticipantStatus(ANOUK, NO_SHOW, null)).thenRejected("HAS_SPOKEN");
    }

    @Test
    void whoMayChangeWhatIsAskedOfTheCoreItself() {
        Meeting m = given(prepared()).state();
        Views.Place anouk = Views.recruitment(m).places().getFirst();
        assertThat(anouk.canBecome()).containsExactly(INVITED, CONFIRMED, CANCELLED);
        Meeting lobby = given(prepared()).and(phases(Phase.PREPARATION, Phase.LOBBY)).state();
        assertThat(Views.recruitment(lobby).places().getFirst().canBecome())
                .containsExactly(INVITED, CONFIRMED, PRESENT, NO_SHOW, CANCELLED);
    }

    @Test
    void theRecruitmentHoldsAtMostThirtyPlaces() {
        List<Event> events = new ArrayList<>(List.of(CREATED));
        for (int i = 1; i <= Recruitment.MAX_PLACES; i++) {
            events.add(new ParticipantAdded("P" + i, "Deelnemer " + i, i <= Meeting.MAX_PARTICIPANTS ? i : null, INVITED,
                    false, Map.of()));
        }
        given(events).when(ORGANISER, new AddParticipant("Nog een", null, null, null, null)).thenRejected("PLACES_FULL");
    }
}
