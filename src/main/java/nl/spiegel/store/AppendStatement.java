package nl.spiegel.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import nl.spiegel.meeting.Meeting;
import nl.spiegel.meeting.Recorded;

/**
 * The one statement that stores appends, of one meeting or of many: their events, their commands'
 * keys and the meetings' summaries, in one round trip. One shape for every load: a node that starts
 * grouping its appends (GroupCommit) under load runs code that was hot while it was quiet, instead
 * of compiling new code on the core that serves the meetings (decision 0042).
 */
final class AppendStatement {

    /** A command's events for one meeting, with the command's client-made id (or none). */
    record Appended(UUID meetingId, String commandId, Verdict.Append verdict) {}

    private AppendStatement() {
    }

    static Uni<Void> run(SqlClient client, List<Appended> appends) {
        List<UUID> eventMeetings = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        int n = appends.size();
        UUID[] meetings = new UUID[n];
        UUID[] commands = new UUID[n];
        Long[] firsts = new Long[n];
        Long[] lasts = new Long[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] titles = new String[n];
        String[] phases = new String[n];
        OffsetDateTime[] starts = new OffsetDateTime[n];
        OffsetDateTime[] ended = new OffsetDateTime[n];
        Integer[] retention = new Integer[n];
        Boolean[] anonymised = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Appended a = appends.get(i);
            for (Recorded r : a.verdict().events()) {
                eventMeetings.add(a.meetingId());
                seqs.add(r.seq());
                times.add(EventStore.utc(r.at()));
                types.add(EventCodec.type(r.event()));
                payloads.add(EventCodec.payload(r.event()));
            }
            Meeting after = a.verdict().after();
            meetings[i] = a.meetingId();
            commands[i] = EventStore.key(a.commandId());
            firsts[i] = a.verdict().events().getFirst().seq();
            lasts[i] = a.verdict().events().getLast().seq();
            at[i] = EventStore.utc(a.verdict().at());
            titles[i] = after.details().title();
            phases[i] = after.phase().name();
            starts[i] = EventStore.utc(after.details().scheduledStart());
            ended[i] = EventStore.utc(after.endedAt());
            retention[i] = after.retentionDays();
            anonymised[i] = after.keepAnonymised();
        }
        return client.preparedQuery(SQL).execute(Tuple.from(Arrays.asList(
                        eventMeetings.toArray(UUID[]::new), seqs.toArray(Long[]::new), times.toArray(OffsetDateTime[]::new),
                        types.toArray(String[]::new), payloads.toArray(String[]::new),
                        meetings, commands, firsts, lasts, at, titles, phases, starts, ended, retention, anonymised)))
                .replaceWithVoid();
    }

    /**
     * Each array holds one row per event or per append. Payloads go as text and are cast in the
     * database. The summary row is written only when it changed: most commands leave it as it was
     * (decision 0043).
     */
    private static final String SQL = "with events as (insert into meeting_event"
            + " (meeting_id, seq, occurred_at, type, payload)"
            + " select e.meeting_id, e.seq, e.at, e.type, e.payload::jsonb"
            + " from unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[])"
            + " as e(meeting_id, seq, at, type, payload)),"
            + " command as (insert into meeting_command (meeting_id, command_key, first_seq, last_seq, recorded_at)"
            + " select c.meeting_id, c.command_key, c.first_seq, c.last_seq, c.at"
            + " from unnest($6::uuid[], $7::uuid[], $8::bigint[], $9::bigint[], $10::timestamptz[])"
            + " as c(meeting_id, command_key, first_seq, last_seq, at) where c.command_key is not null)"
            + " update meeting m set title = s.title, phase = s.phase, scheduled_start = s.scheduled_start,"
            + " ended_at = s.ended_at, retention_days = s.retention_days, keep_anonymised = s.keep_anonymised"
            + " from unnest($6::uuid[], $11::text[], $12::text[], $13::timestamptz[], $14::timestamptz[], $15::integer[],"
            + " $16::boolean[]) as s(id, title, phase, scheduled_start, ended_at, retention_days, keep_anonymised)"
            + " where m.id = s.id and (m.title, m.phase, m.scheduled_start, m.ended_at, m.retention_days, m.keep_anonymised)"
            + " is distinct from (s.title, s.phase, s.scheduled_start, s.ended_at, s.retention_days, s.keep_anonymised)";
}
