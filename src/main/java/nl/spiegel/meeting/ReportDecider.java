package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;

/** Decides the report of an ended meeting: a draft, and versions frozen from it. */
final class ReportDecider {

    private ReportDecider() {}

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
}
