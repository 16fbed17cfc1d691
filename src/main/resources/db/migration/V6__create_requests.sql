-- Creates that carried an Idempotency-Key: a repeat is refused and learns nothing of what the first
-- created (the meeting's id is random, never derived from the key). Kept for a day.
create table create_request (
    kind       text        not null,
    key_hash   text        not null,
    created_at timestamptz not null,
    primary key (kind, key_hash)
);
