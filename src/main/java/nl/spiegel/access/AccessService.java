package nl.spiegel.access;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.spiegel.meeting.Role;
import nl.spiegel.store.Access;
import nl.spiegel.store.Secrets;

/**
 * Keys to meetings: issued when a meeting is created, rotated by its moderator, and checked on
 * every request through {@link KeyAuthentication}. Keys are never stored or logged, only their hashes.
 */
@ApplicationScoped
public class AccessService {

    /** The roles that have one shared key per meeting; listeners each get their own. */
    public static final Set<Role> SHARED_ROLES = EnumSet.of(Role.MODERATOR, Role.ASSISTANT, Role.DISPLAY);

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    @Inject
    KeyLookups lookups;

    @Inject
    CreateRequests creates;

    /** The keys of a new meeting, in plain text: shown once, to its creator. */
    public record Keys(String moderator, String assistant, String display, String joinCode) {}

    /** Issues the keys and join code of a new meeting, on the connection of the command that creates it. */
    public Uni<Keys> issue(SqlConnection connection, UUID meetingId) {
        String moderator = Secrets.newKey();
        String assistant = Secrets.newKey();
        String display = Secrets.newKey();
        return persistKey(connection, meetingId, Role.MODERATOR, null, moderator)
                .chain(() -> persistKey(connection, meetingId, Role.ASSISTANT, null, assistant))
                .chain(() -> persistKey(connection, meetingId, Role.DISPLAY, null, display))
                .chain(() -> newJoinCode(connection, meetingId))
                .map(code -> new Keys(moderator, assistant, display, code));
    }

    /** A key, stored as its hash, on the connection of the command that hands it out (creating, joining). */
    public Uni<Void> persistKey(SqlConnection connection, UUID meetingId, Role role, String listenerId, String key) {
        return connection.preparedQuery("insert into access_key (key_hash, meeting_id, role, listener_id, created_at)"
                        + " values ($1, $2, $3, $4, $5)")
                .execute(Tuple.from(Arrays.asList(Secrets.hash(key), meetingId, role.name(), listenerId,
                        clock.instant().atOffset(ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private Uni<String> newJoinCode(SqlConnection connection, UUID meetingId) {
        String code = Secrets.newJoinCode();
        // One in a billion codes: on the rare clash, draw again.
        return connection.preparedQuery("insert into join_code (code, meeting_id) values ($1, $2) on conflict (code) do nothing")
                .execute(Tuple.of(code, meetingId))
                .flatMap(rows -> rows.rowCount() == 1 ? Uni.createFrom().item(code) : newJoinCode(connection, meetingId));
    }

    /** Replaces the key of a shared role; the old key stops working at once, also for open connections. */
    public Uni<String> rotate(UUID meetingId, Role role) {
        String key = Secrets.newKey();
        return Panache.withTransaction(() -> revoke(meetingId, role).chain(() -> {
            AccessKey row = new AccessKey();
            row.keyHash = Secrets.hash(key);
            row.meetingId = meetingId;
            row.role = role;
            row.createdAt = clock.instant();
            return row.persist();
        })).replaceWith(key);
    }

    /**
     * Revokes the keys of a shared role; inside a transaction. Changed as entities, not by an update
     * query, whose clean-up a reactive session would leave undone.
     */
    public Uni<Void> revoke(UUID meetingId, Role role) {
        return AccessKey.<AccessKey>list("meetingId = ?1 and role = ?2 and revokedAt is null", meetingId, role)
                .invoke(keys -> keys.forEach(k -> k.revokedAt = clock.instant())).replaceWithVoid();
    }

    /** A new join code for the meeting; earlier listeners keep their keys. */
    public Uni<String> rotateJoinCode(UUID meetingId) {
        // Deleted as an entity and flushed first: Hibernate would otherwise insert the new code first.
        return Panache.withTransaction(() -> JoinCode.<JoinCode>find("meetingId", meetingId).firstResult()
                .chain(old -> old == null ? Uni.createFrom().voidItem() : old.delete().chain(() -> Panache.flush()))
                .chain(() -> drawJoinCode(meetingId)));
    }

    private Uni<String> drawJoinCode(UUID meetingId) {
        String code = Secrets.newJoinCode();
        return JoinCode.findById(code).flatMap(taken -> {
            if (taken != null) {
                return drawJoinCode(meetingId);
            }
            JoinCode row = new JoinCode();
            row.code = code;
            row.meetingId = meetingId;
            return row.persist().replaceWith(code);
        });
    }

    /** The meeting a join code opens, if any. */
    public Uni<UUID> meetingForCode(String typed) {
        String code = Secrets.normalizeJoinCode(typed);
        return pool.preparedQuery("select meeting_id from join_code where code = $1").execute(Tuple.of(code))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }

    public Uni<String> joinCode(UUID meetingId) {
        return pool.preparedQuery("select code from join_code where meeting_id = $1").execute(Tuple.of(meetingId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null);
    }

    /** What a key opens, or {@code null} for an unknown or revoked key. */
    public Uni<Access> authenticate(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Uni.createFrom().nullItem();
        }
        return lookups.find(Secrets.hash(key));
    }

    /** Creates a series with its organiser's key (kept as a hash, like meeting keys); returns the key, shown this once. */
    public Uni<String> createSeries(UUID id, String name, String description, String idempotencyKey) {
        String key = Secrets.newKey();
        return pool.withTransaction(c -> creates.claim(c, CreateRequests.Kind.SERIES, idempotencyKey)
                        .chain(() -> c.preparedQuery("insert into series (id, name, description, created_at) values ($1, $2, $3, $4)")
                                .execute(Tuple.of(id, name, description, clock.instant().atOffset(ZoneOffset.UTC))))
                        .chain(() -> c.preparedQuery("insert into series_key (key_hash, series_id, created_at) values ($1, $2, $3)")
                                .execute(Tuple.of(Secrets.hash(key), id, clock.instant().atOffset(ZoneOffset.UTC)))))
                .replaceWith(key);
    }

    /** The series an organiser's key opens, or {@code null}. */
    public Uni<UUID> organiserOf(String key) {
        return pool.preparedQuery("select series_id from series_key where key_hash = $1 and revoked_at is null")
                .execute(Tuple.of(Secrets.hash(key)))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null);
    }

    /** Which of these key hashes still work. */
    public Uni<Set<String>> valid(UUID meetingId, Set<String> hashes) {
        return pool.preparedQuery("select key_hash from access_key where meeting_id = $1 and revoked_at is null"
                        + " and key_hash = any($2)")
                .execute(Tuple.of(meetingId, hashes.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> valid = new HashSet<>();
                    rows.forEach(row -> valid.add(row.getString(0)));
                    return valid;
                });
    }
}
