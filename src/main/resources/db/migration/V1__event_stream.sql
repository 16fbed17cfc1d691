-- One row per meeting, for listing meetings without folding their streams.
create table meeting (
    id              uuid        primary key,
    title           text        not null,
    phase           text        not null,
    scheduled_start timestamptz,
    last_seq        bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- The source of truth: each meeting's events, numbered 1, 2, 3, ... without gaps.
-- Writers choose the next seq themselves; the primary key turns a race into a retry.
create table meeting_event (
    meeting_id  uuid        not null references meeting (id) on delete cascade,
    seq         bigint      not null check (seq > 0),
    type        text        not null,
    payload     jsonb       not null,
    command_id  text,
    occurred_at timestamptz not null,
    primary key (meeting_id, seq)
);

-- Every applied command by its client-made id: a retried command is answered with its first
-- outcome and appends nothing. A command can append several events, hence its own table.
create table meeting_command (
    meeting_id  uuid        not null references meeting (id) on delete cascade,
    command_id  text        not null,
    first_seq   bigint      not null,
    last_seq    bigint      not null,
    recorded_at timestamptz not null,
    primary key (meeting_id, command_id)
);

create index meeting_event_command on meeting_event (meeting_id, command_id);
