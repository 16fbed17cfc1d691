-- What the retention job needs to find meetings that are due.
alter table meeting add column ended_at timestamptz;
alter table meeting add column retention_days integer check (retention_days between 1 and 3650);
alter table meeting add column keep_anonymised boolean not null default true;

-- What an organisation keeps of an erased meeting when it chose to: no pseudonyms, no questions,
-- no listeners; only the improvement points and the actions taken on them.
create table meeting_archive (
    meeting_id         uuid        primary key,
    title              text        not null,
    target_group       text,
    ended_at           timestamptz,
    improvement_points jsonb       not null,
    actions            jsonb       not null,
    erased_at          timestamptz not null
);
