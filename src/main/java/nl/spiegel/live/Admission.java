package nl.spiegel.live;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much work this node takes on at once. Past its capacity a server that queues every command
 * answers all of them later and later, and acknowledges fewer as more arrive; one that refuses what
 * it cannot start soon keeps its pace, and those refused send again a moment later (as the apps do
 * with {@code RATE_LIMITED}). A command is taken on while fewer than {@code most} are underway on
 * the node and fewer than {@code perMeeting} in its meeting; a moderator's or assistant's command
 * may use all of the node's room, anyone else's half, so that running the meeting goes first.
 */
final class Admission {

    private final int most;
    private final int perMeeting;
    private final AtomicInteger underway = new AtomicInteger();

    Admission(int most, int perMeeting) {
        this.most = most;
        this.perMeeting = perMeeting;
    }

    /** Takes a command on, counted in {@code meeting} and on the node, or says no and counts nothing. */
    boolean enter(AtomicInteger meeting, boolean runsTheMeeting) {
        if (underway.incrementAndGet() > limit(runsTheMeeting)) {
            underway.decrementAndGet();
            return false;
        }
        if (meeting.incrementAndGet() > perMeeting) {
            meeting.decrementAndGet();
            underway.decrementAndGet();
            return false;
        }
        return true;
    }

    /** A command taken on was answered. */
    void leave(AtomicInteger meeting) {
        meeting.decrementAndGet();
        underway.decrementAndGet();
    }

    /** Whether a command would be refused now: then one that would wait behind another is refused at once. */
    boolean full(boolean runsTheMeeting) {
        return underway.get() >= limit(runsTheMeeting);
    }

    private int limit(boolean runsTheMeeting) {
        return runsTheMeeting ? most : most / 2;
    }

    int underway() {
        return underway.get();
    }
}
