package nl.spiegel.access;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The code listeners use to join a meeting. */
@Entity
@Table(name = "join_code")
public class JoinCode extends PanacheEntityBase {

    @Id
    @Column(columnDefinition = "text")
    public String code;

    @Column(name = "meeting_id", nullable = false, unique = true)
    public UUID meetingId;
}
