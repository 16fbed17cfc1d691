package nl.spiegel.meeting;

import static nl.spiegel.meeting.Meetings.*;
import static nl.spiegel.meeting.Spec.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

/**
 * Who may send which command: one row per command type. A new command type without a row here
 * fails {@link #everyCommandTypeHasARow}, so nobody adds a command without deciding who sends it.
 */
class PermissionsTest {

    private static final Set<Role> MODERATORS = EnumSet.of(Role.MODERATOR, Role.ASSISTANT);
    private static final Set<Role> LISTENERS = EnumSet.of(Role.LISTENER);
    private static final Set<Role> FOLLOW_UP = EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.ORGANISER);

    record Row(Command example, Set<Role> roles) {}

    static final List<Row> TABLE = List.of(
            new Row(new CreateMeeting("T", null, null, null, null, null, null), MODERATORS),
            new Row(new UpdateDetails("T", null, null, null, null, null, null, null, null), MODERATORS),
            new Row(new SetHouseRules("Regels"), MODERATORS),
            new Row(new EditBriefing(BriefingPart.PRACTICAL, "Koffie staat klaar."), FOLLOW_UP),
            new Row(new SetSurvey(List.of(new Preparation.SurveyScore(TOEGANG, 7.5, 120))), FOLLOW_UP),
            new Row(new AddTheme("Thema", "Vraag?", 10), MODERATORS),
            new Row(new EditTheme(TOEGANG, "Thema", "Vraag?", 10), MODERATORS),
            new Row(new RemoveTheme(REGIE), MODERATORS),
            new Row(new MoveTheme(TOEGANG, 1), MODERATORS),
            new Row(new AddParticipant("Eva", 9, null, true, null), FOLLOW_UP),
            new Row(new EditParticipant(BRAM, "Bram", 2, true, null), FOLLOW_UP),
            new Row(new SetParticipantStatus(BRAM, ParticipantStatus.CONFIRMED, null), FOLLOW_UP),
            new Row(new SetCrossSection(List.of()), FOLLOW_UP),
            new Row(new RemoveParticipant(DIRK), FOLLOW_UP),
            new Row(new PlanMilestone(Milestone.GOAL_SET, LocalDate.of(2027, 1, 4), null), FOLLOW_UP),
            new Row(new MarkMilestone(Milestone.GOAL_SET, true), FOLLOW_UP),
            new Row(new SetTopicsOpen(true), MODERATORS),
            new Row(new SubmitTopic("Onderwerp"), LISTENERS),
            new Row(new SetTopicStatus("K1", TopicStatus.ADOPTED, null), MODERATORS),
            new Row(new JoinAsListener("Anna"), LISTENERS),
            new Row(new RemoveListener("L-ben", false), MODERATORS),
            new Row(new SetJoining(false, null), MODERATORS),
            new Row(new SetRetention(30, true), MODERATORS),
            new Row(new ChangePhase(Phase.CLARIFYING), MODERATORS),
            new Row(new GiveFloor(ANOUK), MODERATORS),
            new Row(new ModeratorSpeaks(), MODERATORS),
            new Row(new PauseSpeaking(), MODERATORS),
            new Row(new QueueSpeaker(BRAM), MODERATORS),
            new Row(new UnqueueSpeaker(BRAM), MODERATORS),
            new Row(new MoveQueuedSpeaker(BRAM, 0), MODERATORS),
            new Row(new NextSpeaker(), MODERATORS),
            new Row(new StartTheme(CONTACT), MODERATORS),
            new Row(new NextTheme(), MODERATORS),
            new Row(new AddNote(null, NoteTag.WISH, "Notitie", false), MODERATORS),
            new Row(new EditNote("N1", null, "Notitie", null), MODERATORS),
            new Row(new DeleteNote("N1"), MODERATORS),
            new Row(new Whisper("Tijd"), MODERATORS),
            new Row(new SubmitQuestion("Vraag?", null, null), LISTENERS),
            new Row(new WithdrawQuestion("Q1"), LISTENERS),
            new Row(new AcceptQuestion("Q1"), MODERATORS),
            new Row(new MergeQuestion("Q1", "Q2"), MODERATORS),
            new Row(new RejectQuestion("Q1", RejectReason.NEW_TOPIC), MODERATORS),
            new Row(new MoveQuestion("Q1", 0), MODERATORS),
            new Row(new AskQuestion("Q1"), MODERATORS),
            new Row(new MarkAnswered("Q1"), MODERATORS),
            new Row(new RecordAnswer("Q1", "Ja"), FOLLOW_UP),
            new Row(new NextQuestion(), MODERATORS),
            new Row(new RestoreQuestion("Q1"), MODERATORS),
            new Row(new EditReport("Samenvatting", null, null, null, null), MODERATORS),
            new Row(new FinalizeReport(), MODERATORS),
            new Row(new RecordRoundUp("Wat telde"), MODERATORS),
            new Row(new CreateAction("N1", null, "Team", LocalDate.parse("2027-06-01"), null), FOLLOW_UP),
            new Row(new UpdateAction("A1", null, null, null, null, ActionStatus.DONE, null), FOLLOW_UP),
            new Row(new SaveLetter("Beste deelnemer,", "Dank.", "Team"), FOLLOW_UP),
            new Row(new ImportNorm("n1", "Norm"), MODERATORS),
            new Row(new DropNorm("n1"), MODERATORS),
            new Row(new EvaluateNorm("n1", NormVerdict.MET, null), MODERATORS),
            new Row(new WriteTakeAway(1, TakeAwayKind.EYEOPENER, null, "Luisteren"), LISTENERS),
            new Row(new RatePerceivedBalance(4), LISTENERS),
            new Row(new SetTakeAwayWindow(14), FOLLOW_UP),
            new Row(new IncludeTakeAways(true), FOLLOW_UP),
            new Row(new GiveEvaluation(5, 4, 4, 5, null), EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.PUBLIC)));

    @Test
    void everyCommandTypeHasARow() {
        List<Class<?>> rows = TABLE.stream().<Class<?>>map(row -> row.example().getClass()).collect(Collectors.toList());
        assertThat(rows)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Command.types());
    }

    @Test
    void eachRoleMaySendExactlyItsCommands() {
        for (Row row : TABLE) {
            for (Role role : Role.values()) {
                assertThat(MeetingCore.allowed(role, row.example().getClass()))
                        .as("%s sends %s", role, row.example().getClass().getSimpleName())
                        .isEqualTo(row.roles().contains(role));
            }
        }
    }

    @Test
    void whoMayNotSendACommandIsRefusedBeforeAnythingElse() {
        Spec s = given(inConversation());
        for (Row row : TABLE) {
            if (row.example() instanceof CreateMeeting) {
                continue;
            }
            for (Actor actor : List.of(MOD, ANNA, DISPLAY, new Actor(Role.ORGANISER, null), new Actor(Role.PUBLIC, null))) {
                if (!row.roles().contains(actor.role())) {
                    s.when(actor, row.example()).thenRejected("FORBIDDEN");
                }
            }
        }
    }
}
