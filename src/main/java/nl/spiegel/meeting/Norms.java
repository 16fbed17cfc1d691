package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.spiegel.meeting.Command.DropNorm;
import nl.spiegel.meeting.Command.EvaluateNorm;
import nl.spiegel.meeting.Command.ImportNorm;
import nl.spiegel.meeting.Event.NormDropped;
import nl.spiegel.meeting.Event.NormEvaluated;
import nl.spiegel.meeting.Event.NormImported;

/**
 * The norms section: service norms of the series' register that this meeting evaluates. The method
 * holds later meetings to evaluate the norms of earlier ones; the participants say whether each is
 * met, and the verdict goes back to the register with this meeting as its source.
 */
public record Norms(List<NormCheck> checks) {

    static final Norms EMPTY = new Norms(List.of());

    /** Norms one meeting evaluates: a few per theme at most. */
    public static final int MAX_NORMS = 30;
    static final int MAX_NOTE_LENGTH = 500;

    /** A norm on this meeting's guide; {@code verdict} and {@code note} once evaluated. */
    public record NormCheck(String normId, String text, @Nullable NormVerdict verdict, @Nullable String note,
                            @Nullable Instant evaluatedAt) {}

    public Optional<NormCheck> check(String normId) {
        return checks.stream().filter(c -> c.normId().equals(normId)).findFirst();
    }

    static List<Event> decide(Meeting m, Command.Norms command) {
        Norms n = m.norms();
        return switch (command) {
            case ImportNorm c -> {
                require(m.phase() != Phase.ENDED, WRONG_PHASE);
                String normId = text("normId", c.normId(), 1, 100);
                if (n.check(normId).isPresent()) {
                    yield List.of();
                }
                require(n.checks().size() < MAX_NORMS, NORMS_FULL);
                yield List.of(new NormImported(normId, text("text", c.text(), 1, 500)));
            }
            case DropNorm c -> {
                NormCheck check = lookup(n.check(c.normId()), UNKNOWN_NORM, "normId");
                require(check.verdict() == null, NORM_EVALUATED);
                yield List.of(new NormDropped(check.normId()));
            }
            case EvaluateNorm c -> {
                require(m.openedAt() != null, WRONG_PHASE);
                NormCheck check = lookup(n.check(c.normId()), UNKNOWN_NORM, "normId");
                NormVerdict verdict = present("verdict", c.verdict());
                String note = optional("note", c.note(), MAX_NOTE_LENGTH);
                yield verdict == check.verdict() && Objects.equals(note, check.note()) ? List.of()
                        : List.of(new NormEvaluated(check.normId(), verdict, note));
            }
        };
    }

    static Meeting evolve(Meeting m, Event.Norms event, Instant at) {
        List<NormCheck> checks = m.norms().checks();
        return switch (event) {
            case NormImported e -> m.with(new Norms(added(checks, new NormCheck(e.normId(), e.text(), null, null, null))));
            case NormDropped e -> m.with(new Norms(removed(checks, c -> c.normId().equals(e.normId()))));
            case NormEvaluated e -> m.with(new Norms(replaced(checks, c -> c.normId().equals(e.normId()),
                    c -> new NormCheck(c.normId(), c.text(), e.verdict(), e.note(), at))));
        };
    }
}
