-- The register of service norms of a series: each norm's text and status, every change with when,
-- by which role and from which meeting, and what it was made from. A norm outlives the meetings it
-- came from and was evaluated in, so those are named by id and title, without a foreign key.
create table service_norm (
    id           uuid        primary key,
    series_id    uuid        not null references series (id) on delete cascade,
    text         text        not null,
    status       text        not null check (status in ('CONCEPT', 'ADOPTED', 'MEASURED', 'REVISED', 'RETIRED')),
    created_at   timestamptz not null,
    carried_from uuid
);

create index service_norm_series on service_norm (series_id, created_at);

create table service_norm_change (
    norm_id       uuid        not null references service_norm (id) on delete cascade,
    n             integer     not null,
    at            timestamptz not null,
    role          text        not null,
    status        text        not null,
    text          text        not null,
    meeting_id    uuid,
    meeting_title text,
    verdict       text        check (verdict in ('MET', 'NOT_MET', 'UNCLEAR')),
    note          text,
    primary key (norm_id, n)
);

create table service_norm_source (
    norm_id       uuid not null references service_norm (id) on delete cascade,
    n             integer not null,
    meeting_id    uuid not null,
    meeting_title text not null,
    kind          text not null check (kind in ('IMPROVEMENT_POINT', 'WISH', 'STRENGTH', 'QUOTE', 'REPORT')),
    text          text not null,
    primary key (norm_id, n)
);

-- The public follow-up page of a meeting ("what was done with your input"): a link for the
-- participants and the client council, printed on the letter. Read-only, so its token is kept as it
-- is (the letter prints it again); revoking it answers 410 at once and closes its live connections.
-- It outlives the meeting's erasure: the page is then read from the archive.
create table followup_link (
    token      text        primary key,
    meeting_id uuid        not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);

create index followup_link_meeting on followup_link (meeting_id);

-- The same notification as a revoked key (V2): its live connections are closed on every node.
create trigger followup_link_revoked after update on followup_link
    for each row execute function notify_access_revoked();

-- A series keeps its meetings after they are erased; their archive is read instead.
alter table series_meeting drop constraint series_meeting_meeting_id_fkey;

-- What the follow-up page shows of an erased meeting: its public part as it was at erasure.
alter table meeting_archive add column public_page jsonb;
