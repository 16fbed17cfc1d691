package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.added;
import static nl.spiegel.meeting.Rejection.Reason.WRONG_PHASE;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import nl.spiegel.meeting.Command.EditReport;
import nl.spiegel.meeting.Command.FinalizeReport;
import nl.spiegel.meeting.Command.RecordRoundUp;
import nl.spiegel.meeting.Event.ReportEdited;
import nl.spiegel.meeting.Event.ReportFinalized;
import nl.spiegel.meeting.Event.RoundUpRecorded;

/**
 * The reporting section: the report of an ended meeting, a draft and the versions frozen from it,
 * and the moderator's round-up of the closing phase.
 */
public record Reporting(Report.Draft draft, List<Report> versions, @Nullable String roundUp) {

    static final Reporting EMPTY = new Reporting(Report.Draft.EMPTY, List.of(), null);

    static final int MAX_ROUND_UP_LENGTH = 4000;

    static final int MAX_SERVICE_NORMS = 50;

    static List<Event> decide(Meeting m, Command.Reporting command, Instant at) {
        if (command instanceof RecordRoundUp c) {
            // The round-up is made in the closing phase, and may be written out after the end.
            require(m.phase() == Phase.CLOSING || m.phase() == Phase.ENDED, WRONG_PHASE);
            String text = optional("text", c.text(), MAX_ROUND_UP_LENGTH);
            return Objects.equals(text, m.reporting().roundUp()) ? List.of() : List.of(new RoundUpRecorded(text));
        }
        requirePhase(m, Phase.ENDED);
        return switch (command) {
            case EditReport c -> {
                Report.Draft now = m.reportDraft();
                List<String> norms = c.serviceNorms() == null ? now.serviceNorms() : c.serviceNorms().stream()
                        .map(norm -> text("serviceNorms", norm, 1, 500)).toList();
                if (norms.size() > MAX_SERVICE_NORMS) {
                    throw refuse(Rejection.invalid("serviceNorms", new Rejection.Detail.AtMost(MAX_SERVICE_NORMS)));
                }
                List<String> excluded = c.excludedNoteIds() == null ? List.copyOf(now.excludedNoteIds()) : c.excludedNoteIds();
                for (String noteId : excluded) {
                    note(m, noteId, "excludedNoteIds");
                }
                yield List.of(new ReportEdited(c.summary() == null ? now.summary() : optional("summary", c.summary(), 20_000),
                        c.conclusions() == null ? now.conclusions() : optional("conclusions", c.conclusions(), 20_000),
                        norms, List.copyOf(new LinkedHashSet<>(excluded)),
                        c.namesShown() == null ? now.namesShown() : c.namesShown()));
            }
            case FinalizeReport c -> {
                Rules.require(!m.details().practice(), Rejection.Reason.PRACTICE);
                yield List.of(new ReportFinalized(Report.of(m, m.reportDraft(), m.reports().size() + 1, at)));
            }
            case RecordRoundUp c -> throw new IllegalStateException("decided above");
        };
    }

    static Meeting evolve(Meeting m, Event.Reporting event) {
        Reporting r = m.reporting();
        return switch (event) {
            case ReportEdited e -> m.with(new Reporting(new Report.Draft(e.summary(), e.conclusions(),
                    List.copyOf(e.serviceNorms()), Set.copyOf(e.excludedNoteIds()), e.namesShown()), r.versions(), r.roundUp()));
            case ReportFinalized e -> m.with(new Reporting(r.draft(), added(r.versions(), e.report()), r.roundUp()));
            case RoundUpRecorded e -> m.with(new Reporting(r.draft(), r.versions(), e.text()));
        };
    }
}
