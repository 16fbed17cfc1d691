-- Secret keys to a meeting by role. Only a SHA-256 of each key is kept; the key itself is shown
-- once, in the link it belongs to. Rotating a role's key revokes the old one.
create table access_key (
    key_hash    text        primary key,
    meeting_id  uuid        not null references meeting (id) on delete cascade,
    role        text        not null check (role in ('MODERATOR', 'ASSISTANT', 'LISTENER', 'DISPLAY')),
    listener_id text,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    check ((role = 'LISTENER') = (listener_id is not null))
);

create index access_key_meeting on access_key (meeting_id, role) where revoked_at is null;

-- The short code listeners type or scan to join; read aloud, so no 0/O/1/I.
create table join_code (
    code       text primary key,
    meeting_id uuid not null unique references meeting (id) on delete cascade
);

-- Nodes learn of new events from here: the notification carries only meeting id and seq.
create function notify_meeting_event() returns trigger language plpgsql as $$
begin
    perform pg_notify('meeting_event', new.meeting_id::text || ' ' || new.seq);
    return null;
end
$$;

create trigger meeting_event_notify after insert on meeting_event
    for each row execute function notify_meeting_event();

-- Live connections on a revoked key are closed on every node.
create function notify_access_revoked() returns trigger language plpgsql as $$
begin
    if old.revoked_at is null and new.revoked_at is not null then
        perform pg_notify('access_revoked', new.meeting_id::text);
    end if;
    return null;
end
$$;

create trigger access_key_revoked after update on access_key
    for each row execute function notify_access_revoked();
