-- Other nodes are told of a meeting's new events after the commit, by the node that appended them
-- (store.Notifications#grew): a NOTIFY inside the transaction made PostgreSQL commit the appends
-- of all meetings one at a time, each waiting for the disk.
drop trigger meeting_event_notify on meeting_event;
drop function notify_meeting_event();
-- No query looks events up by command id: meeting_command answers for command ids.
drop index meeting_event_command;
