package nl.spiegel.access;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.spiegel.meeting.Role;

/** A key to a meeting for one role, by the hash of its secret. */
@Entity
@Table(name = "access_key")
public class AccessKey extends PanacheEntityBase {

    @Id
    @Column(name = "key_hash", columnDefinition = "text")
    public String keyHash;

    @Column(name = "meeting_id", nullable = false)
    public UUID meetingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    public Role role;

    @Column(name = "listener_id", columnDefinition = "text")
    public String listenerId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
