package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.added;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import nl.spiegel.meeting.Command.EditReport;
import nl.spiegel.meeting.Command.FinalizeReport;
import nl.spiegel.meeting.Event.ReportEdited;
import nl.spiegel.meeting.Event.ReportFinalized;

/** The reporting section: the report of an ended meeting, a draft and the versions frozen from it. */
public record Reporting(Report.Draft draft, List<Report> versions) {

    static final Reporting EMPTY = new Reporting(Report.Draft.EMPTY, List.of());

    static final int MAX_SERVICE_NORMS = 50;

    static List<Event> decide(Meeting m, Command.Reporting command, Instant at) {
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
            case FinalizeReport c -> List.of(new ReportFinalized(Report.of(m, m.reportDraft(), m.reports().size() + 1, at)));
        };
    }

    static Meeting evolve(Meeting m, Event.Reporting event) {
        Reporting r = m.reporting();
        return switch (event) {
            case ReportEdited e -> m.with(new Reporting(new Report.Draft(e.summary(), e.conclusions(),
                    List.copyOf(e.serviceNorms()), Set.copyOf(e.excludedNoteIds()), e.namesShown()), r.versions()));
            case ReportFinalized e -> m.with(new Reporting(r.draft(), added(r.versions(), e.report())));
        };
    }
}
