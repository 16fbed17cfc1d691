package nl.spiegel.meeting;

import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.util.List;

import nl.spiegel.meeting.Command.*;
import nl.spiegel.meeting.Event.*;
import nl.spiegel.meeting.Meeting.Theme;

/** Decides which theme of the guide runs during the conversation. */
final class ThemesDecider {

    private ThemesDecider() {}

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
}
