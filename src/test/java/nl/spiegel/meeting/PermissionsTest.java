package nl.spiegel.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Command.*;

class PermissionsTest {

    private static final Set<Class<?>> LISTENER_COMMANDS = Set.of(SubmitQuestion.class, WithdrawQuestion.class,
            SubmitTopic.class, JoinAsListener.class);

    @Test
    void everyCommandForEveryRole() {
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            Command command = blank(type);
            boolean forListeners = LISTENER_COMMANDS.contains(type);
            assertThat(MeetingCore.allowed(Role.MODERATOR, command)).as("moderator %s", type).isEqualTo(!forListeners);
            assertThat(MeetingCore.allowed(Role.ASSISTANT, command)).as("assistant %s", type).isEqualTo(!forListeners);
            assertThat(MeetingCore.allowed(Role.LISTENER, command)).as("listener %s", type).isEqualTo(forListeners);
            assertThat(MeetingCore.allowed(Role.DISPLAY, command)).as("display %s", type).isFalse();
            assertThat(MeetingCore.allowed(Role.ORGANISER, command)).as("organiser %s", type)
                    .isEqualTo(type == CreateAction.class || type == UpdateAction.class);
        }
    }

    @Test
    void aListenerOrTheDisplayNeverChangesTheMeeting() {
        Script s = Script.inConversation();
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            if (LISTENER_COMMANDS.contains(type) || type == CreateMeeting.class) {
                continue;
            }
            s.no(Script.ANNA, blank(type), "FORBIDDEN");
            s.no(Actor.DISPLAY, blank(type), "FORBIDDEN");
        }
        s.no(Actor.DISPLAY, new SubmitQuestion("Vraag", null, null), "FORBIDDEN");
        s.no(Script.MOD, new SubmitQuestion("Vraag", null, null), "FORBIDDEN");
    }

    /** A command of that type with every field null (or false). */
    static Command blank(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Object[] args = Arrays.stream(types).map(t -> t == boolean.class ? (Object) false : null).toArray();
            return (Command) type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyCommandTypeIsCovered() {
        List<Class<?>> types = List.of(Command.class.getPermittedSubclasses());
        assertThat(types).hasSizeGreaterThan(30).allMatch(Class::isRecord);
    }
}
