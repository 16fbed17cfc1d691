package nl.spiegel.followup;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Event;
import nl.spiegel.meeting.Recorded;
import nl.spiegel.store.Consequences;
import nl.spiegel.store.Outcome;

/**
 * A meeting's verdict on a service norm goes back to the series' register in the same transaction
 * as the event, with the meeting as its source: both are kept, or neither.
 */
@ApplicationScoped
public class NormVerdicts implements Consequences {

    @Inject
    NormRegister register;

    @Override
    public boolean concerns(List<Recorded> events) {
        return events.stream().anyMatch(r -> r.event() instanceof Event.NormEvaluated);
    }

    @Override
    public Uni<Void> of(SqlConnection connection, UUID meetingId, Outcome.Applied applied) {
        Uni<Void> all = Uni.createFrom().voidItem();
        String title = applied.meeting().details().title();
        for (Recorded r : applied.events()) {
            if (r.event() instanceof Event.NormEvaluated e) {
                all = all.chain(() -> register.verdict(connection, UUID.fromString(e.normId()), meetingId, title, e.verdict(), e.note()));
            }
        }
        return all;
    }
}
