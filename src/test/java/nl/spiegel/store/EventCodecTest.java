package nl.spiegel.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.spiegel.meeting.Event;
import nl.spiegel.meeting.ParticipantStatus;

/** Events written by earlier versions still read: the stream is never rewritten. */
class EventCodecTest {

    @Test
    void aParticipantFromBeforeRecruitmentHadConfirmed() {
        Event old = EventCodec.decode("ParticipantAdded", "{\"participantId\":\"P4\",\"pseudonym\":\"Anouk\",\"seat\":1,\"briefed\":true}");
        assertThat(old).isEqualTo(new Event.ParticipantAdded("P4", "Anouk", 1, ParticipantStatus.CONFIRMED, false, Map.of()));
        Event edited = EventCodec.decode("ParticipantEdited", "{\"participantId\":\"P4\",\"pseudonym\":\"Anouk\",\"seat\":2,\"briefed\":true}");
        assertThat(edited).isEqualTo(new Event.ParticipantEdited("P4", "Anouk", 2, false, Map.of()));
    }
}
