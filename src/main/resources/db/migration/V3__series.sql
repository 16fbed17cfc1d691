-- Meetings held per target group form a series (a programme); an organiser follows its actions.
create table series (
    id          uuid        primary key,
    name        text        not null,
    description text,
    created_at  timestamptz not null
);

-- The organiser's key to a series, by its hash only.
create table series_key (
    key_hash   text        primary key,
    series_id  uuid        not null references series (id) on delete cascade,
    created_at timestamptz not null,
    revoked_at timestamptz
);

create table series_meeting (
    series_id  uuid not null references series (id) on delete cascade,
    meeting_id uuid not null references meeting (id) on delete cascade,
    primary key (series_id, meeting_id)
);

create index series_meeting_meeting on series_meeting (meeting_id);
