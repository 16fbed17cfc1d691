-- The link on the participants' evaluation card: one per meeting, printed on every card, kept as it
-- is (the cards are on paper). It goes with the meeting.
create table evaluation_card (
    token       text        primary key,
    meeting_id  uuid        not null unique references meeting (id) on delete cascade,
    created_at  timestamptz not null
);
