package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.NO_NEXT_THEME;
import static nl.spiegel.meeting.Rules.*;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.spiegel.meeting.Command.NextTheme;
import nl.spiegel.meeting.Command.StartTheme;
import nl.spiegel.meeting.Event.ThemeStarted;
import nl.spiegel.meeting.Meeting.Theme;

/**
 * The themes section: which theme of the guide runs during the conversation, and the time spent on
 * each. {@code spent} holds finished stretches; the running one is {@code current} since
 * {@code since}; {@code last} is the theme most recently discussed.
 */
public record Themes(String current, Instant since, String last, Map<String, Duration> spent) {

    static final Themes IDLE = new Themes(null, null, null, Map.of());

    public Duration spentOn(String themeId, Instant now) {
        Duration done = spent.getOrDefault(themeId, Duration.ZERO);
        return themeId.equals(current) ? done.plus(Duration.between(since, now)) : done;
    }

    public boolean started(String themeId) {
        return themeId.equals(current) || spent.containsKey(themeId);
    }

    static List<Event> decide(Meeting m, Command.Themes command) {
        requirePhase(m, Phase.CONVERSATION);
        return switch (command) {
            case StartTheme c -> {
                Theme theme = theme(m, c.themeId());
                yield theme.id().equals(m.currentThemeId()) ? List.of() : List.of(new ThemeStarted(theme.id()));
            }
            case NextTheme c -> {
                String from = m.currentThemeId() != null ? m.currentThemeId() : m.themeClock().last();
                int next = from == null ? 0 : indexOf(m.guide(), from) + 1;
                require(next < m.guide().size(), NO_NEXT_THEME);
                yield List.of(new ThemeStarted(m.guide().get(next).id()));
            }
        };
    }

    /** A new theme: the one before stops, and a running turn goes on into the new one. */
    static Meeting evolve(Meeting m, Event.Themes event, Instant at) {
        return switch (event) {
            case ThemeStarted e -> m.with(new Themes(e.themeId(), at, e.themeId(), m.themeClock().stopped(at).spent()))
                    .with(m.floor().continuedIn(e.themeId(), at));
        };
    }

    /** The running theme, if any, adds its time to what was spent on it. */
    Themes stopped(Instant at) {
        if (current == null) {
            return this;
        }
        Map<String, Duration> total = new HashMap<>(spent);
        total.merge(current, Duration.between(since, at), Duration::plus);
        return new Themes(null, null, current, Map.copyOf(total));
    }
}
