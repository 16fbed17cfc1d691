package nl.spiegel.store;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One event of a meeting's stream. */
@Entity
@Table(name = "meeting_event")
@IdClass(EventRow.Key.class)
public class EventRow extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    public long seq;

    @Column(nullable = false, columnDefinition = "text")
    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "command_id", columnDefinition = "text")
    public String commandId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static class Key implements Serializable {
        public UUID meetingId;
        public long seq;

        public Key() {}

        public Key(UUID meetingId, long seq) {
            this.meetingId = meetingId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(meetingId, k.meetingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, seq);
        }
    }
}
