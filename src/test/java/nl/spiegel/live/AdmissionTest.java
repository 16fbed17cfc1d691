package nl.spiegel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void theModeratorMayUseAllOfTheNodeAnyoneElseHalf() {
        Admission admission = new Admission(8, 100);
        AtomicInteger meeting = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThat(admission.enter(meeting, false)).isTrue();
        }
        assertThat(admission.enter(meeting, false)).as("a listener's fifth").isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(admission.enter(meeting, true)).isTrue();
        }
        assertThat(admission.enter(meeting, true)).as("the ninth").isFalse();
        assertThat(admission.underway()).isEqualTo(8);
        assertThat(meeting).hasValue(8);
    }

    @Test
    void oneMeetingCannotTakeTheWholeNode() {
        Admission admission = new Admission(64, 2);
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger quiet = new AtomicInteger();
        assertThat(admission.enter(busy, true)).isTrue();
        assertThat(admission.enter(busy, true)).isTrue();
        assertThat(admission.enter(busy, true)).isFalse();
        assertThat(admission.enter(quiet, true)).isTrue();
        assertThat(admission.underway()).isEqualTo(3);
    }

    @Test
    void anAnswerMakesRoomAgain() {
        Admission admission = new Admission(2, 2);
        AtomicInteger meeting = new AtomicInteger();
        assertThat(admission.enter(meeting, true)).isTrue();
        assertThat(admission.enter(meeting, true)).isTrue();
        assertThat(admission.enter(meeting, true)).isFalse();
        admission.leave(meeting);
        assertThat(admission.enter(meeting, true)).isTrue();
        admission.leave(meeting);
        admission.leave(meeting);
        assertThat(admission.underway()).isZero();
        assertThat(meeting).hasValue(0);
    }
}
