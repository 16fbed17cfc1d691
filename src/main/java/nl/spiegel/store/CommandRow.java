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

/** A command by its client-made id, with the events it appended or the rejection it got. */
@Entity
@Table(name = "meeting_command")
@IdClass(CommandRow.Key.class)
public class CommandRow extends PanacheEntityBase {

    @Id
    @Column(name = "meeting_id")
    public UUID meetingId;

    @Id
    @Column(name = "command_id", columnDefinition = "text")
    public String commandId;

    @Column(name = "first_seq", nullable = false)
    public long firstSeq;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The rejection, when the command was refused (see {@link RejectionCodec}); {@code null} when applied. */
    @Column(name = "rejection", columnDefinition = "jsonb")
    @JdbcTypeCode(SqlTypes.JSON)
    public String rejection;

    public static class Key implements Serializable {
        public UUID meetingId;
        public String commandId;

        public Key() {}

        public Key(UUID meetingId, String commandId) {
            this.meetingId = meetingId;
            this.commandId = commandId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(commandId, k.commandId) && Objects.equals(meetingId, k.meetingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(meetingId, commandId);
        }
    }
}
