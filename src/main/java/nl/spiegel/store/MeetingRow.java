package nl.spiegel.store;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.spiegel.meeting.Meeting;

/** The summary of a meeting, kept in step with its stream in the same transaction. */
@Entity
@Table(name = "meeting")
public class MeetingRow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, columnDefinition = "text")
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String phase;

    @Column(name = "scheduled_start")
    public Instant scheduledStart;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** {@code null}: the server's default. */
    @Column(name = "retention_days")
    public Integer retentionDays;

    @Column(name = "keep_anonymised", nullable = false)
    public boolean keepAnonymised = true;

    /** A new summary row for a meeting that was just created. */
    static MeetingRow of(UUID id, Meeting m) {
        MeetingRow row = new MeetingRow();
        row.id = id;
        row.createdAt = m.createdAt();
        row.follow(m);
        return row;
    }

    /** Brings the summary in step with the meeting as it is after its last event. */
    void follow(Meeting m) {
        title = m.details().title();
        phase = m.phase().name();
        scheduledStart = m.details().scheduledStart();
        lastSeq = m.seq();
        updatedAt = m.lastAt();
        endedAt = m.endedAt();
        retentionDays = m.retentionDays();
        keepAnonymised = m.keepAnonymised();
    }
}
