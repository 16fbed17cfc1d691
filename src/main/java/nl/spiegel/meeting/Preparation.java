package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import nl.spiegel.meeting.Command.AddTheme;
import nl.spiegel.meeting.Command.CreateMeeting;
import nl.spiegel.meeting.Command.EditBriefing;
import nl.spiegel.meeting.Command.SetSurvey;
import nl.spiegel.meeting.Command.EditTheme;
import nl.spiegel.meeting.Command.MoveTheme;
import nl.spiegel.meeting.Command.RemoveTheme;
import nl.spiegel.meeting.Command.SetHouseRules;
import nl.spiegel.meeting.Command.UpdateDetails;
import nl.spiegel.meeting.Event.BriefingEdited;
import nl.spiegel.meeting.Event.DetailsUpdated;
import nl.spiegel.meeting.Event.SurveySet;
import nl.spiegel.meeting.Event.HouseRulesSet;
import nl.spiegel.meeting.Event.MeetingCreated;
import nl.spiegel.meeting.Event.ThemeAdded;
import nl.spiegel.meeting.Event.ThemeEdited;
import nl.spiegel.meeting.Event.ThemeMoved;
import nl.spiegel.meeting.Event.ThemeRemoved;
import nl.spiegel.meeting.Meeting.Details;
import nl.spiegel.meeting.Meeting.Theme;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The preparation section: the meeting's facts, its conversation guide (themes in order), the
 * organiser's own words for parts of the participants' briefing, and the scores of a satisfaction
 * survey per theme, to set the stories beside.
 *
 * @param briefing the parts of the briefing written by hand; the others are generated from the facts
 * @param survey   at most one score per theme of the guide
 */
public record Preparation(Details details, List<Theme> guide, Map<BriefingPart, String> briefing, List<SurveyScore> survey) {

    static final Preparation EMPTY = new Preparation(null, List.of(), Map.of(), List.of());

    /** A part of the briefing is a few paragraphs. */
    public static final int MAX_BRIEFING_PART = 3000;
    /** How many answered a survey, at most: more than any organisation's clients. */
    static final int MAX_RESPONDENTS = 10_000_000;

    /**
     * A satisfaction survey's figure for a theme: its score (a mark or a percentage, 0 to 100) and
     * how many answered. Boxed, as a command carries it.
     */
    public record SurveyScore(String themeId, Double score, Integer respondents) {}

    static final int DEFAULT_PLANNED_MINUTES = 75;
    /** The languages a meeting can be held in; Dutch first, the default. */
    static final List<String> LANGUAGES = List.of("nl", "en");

    /** Creating is the one command for a meeting that does not exist yet. */
    static List<Event> create(Meeting m, Actor actor, CreateMeeting c) {
        require(!m.exists(), ALREADY_EXISTS);
        require(actor.role() == Role.MODERATOR, FORBIDDEN);
        String language = c.language() == null ? "nl" : c.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw refuse(Rejection.invalid("language", new Rejection.Detail.OneOf(LANGUAGES)));
        }
        return List.of(new MeetingCreated(text("title", c.title(), 1, 200), optional("goal", c.goal(), 2000),
                optional("targetGroup", c.targetGroup(), 200), c.scheduledStart(), plannedMinutes(c.plannedMinutes()),
                language, HouseRules.defaults(language), Boolean.TRUE.equals(c.practice())));
    }

    static List<Event> decide(Meeting m, Command.Preparation command) {
        String nextId = nextId(m);
        return switch (command) {
            case CreateMeeting c -> throw refuse(ALREADY_EXISTS.rejection());
            case UpdateDetails c -> List.of(new DetailsUpdated(text("title", c.title(), 1, 200),
                    optional("goal", c.goal(), 2000), optional("targetGroup", c.targetGroup(), 200),
                    c.scheduledStart(), plannedMinutes(c.plannedMinutes()), optional("place", c.place(), 200),
                    turnLimit(c.turnLimitSeconds()), optional("organisation", c.organisation(), 200),
                    webAddress("listenUrl", c.listenUrl())));
            case SetHouseRules c -> List.of(new HouseRulesSet(text("text", c.text(), 1, 4000)));
            case EditBriefing c -> {
                BriefingPart part = present("part", c.part());
                String text = optional("text", c.text(), MAX_BRIEFING_PART);
                yield Objects.equals(text, m.preparation().briefing().get(part)) ? List.of() : List.of(new BriefingEdited(part, text));
            }
            case SetSurvey c -> {
                List<SurveyScore> scores = survey(m, present("scores", c.scores()));
                yield scores.equals(m.preparation().survey()) ? List.of() : List.of(new SurveySet(scores));
            }
            case AddTheme c -> {
                require(m.guide().size() < Meeting.MAX_THEMES, GUIDE_FULL);
                yield List.of(new ThemeAdded("T" + nextId, text("title", c.title(), 1, 120),
                        text("centralQuestion", c.centralQuestion(), 1, 500), minutes(c.minutes())));
            }
            case EditTheme c -> {
                Theme theme = theme(m, c.themeId());
                yield List.of(new ThemeEdited(theme.id(), text("title", c.title(), 1, 120),
                        text("centralQuestion", c.centralQuestion(), 1, 500), minutes(c.minutes())));
            }
            case RemoveTheme c -> {
                Theme theme = theme(m, c.themeId());
                require(!m.themeClock().started(theme.id()), THEME_STARTED);
                yield List.of(new ThemeRemoved(theme.id()));
            }
            case MoveTheme c -> {
                Theme theme = theme(m, c.themeId());
                yield List.of(new ThemeMoved(theme.id(), position(c.position(), m.guide().size())));
            }
        };
    }

    private static int plannedMinutes(Integer minutes) {
        return minutes == null ? DEFAULT_PLANNED_MINUTES : number("plannedMinutes", minutes, 15, 480);
    }

    /** Off, or between half a minute and half an hour. */
    private static Integer turnLimit(Integer seconds) {
        return seconds == null ? null : number("turnLimitSeconds", seconds, 30, 1800);
    }

    /**
     * An optional web address people open: {@code https} only (a link into a video call is given to
     * every listener, so nothing that runs code or leaves the web), with a host, at most 500 characters.
     */
    private static String webAddress(String field, String value) {
        String address = optional(field, value, 500);
        if (address == null) {
            return null;
        }
        try {
            URI uri = new URI(address);
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return address;
            }
        } catch (URISyntaxException e) {
            // Refused below, as any other value that is no web address.
        }
        throw refuse(Rejection.invalid(field, new Rejection.Detail.WebAddress()));
    }

    /** One score per theme of the guide, from 0 to 100 with two decimals at most kept, by at least one respondent. */
    private static List<SurveyScore> survey(Meeting m, List<SurveyScore> scores) {
        if (scores.size() > Meeting.MAX_THEMES) {
            throw refuse(Rejection.invalid("scores", new Rejection.Detail.AtMost(Meeting.MAX_THEMES)));
        }
        Set<String> seen = new HashSet<>();
        List<SurveyScore> checked = new ArrayList<>();
        for (SurveyScore score : scores) {
            Theme theme = theme(m, present("scores", score).themeId());
            if (!seen.add(theme.id())) {
                throw refuse(Rejection.invalid("themeId", new Rejection.Detail.Unique()));
            }
            double value = present("score", score.score());
            if (!(value >= 0 && value <= 100)) {
                throw refuse(Rejection.invalid("score", new Rejection.Detail.Range(0, 100)));
            }
            checked.add(new SurveyScore(theme.id(), Math.round(value * 100) / 100.0,
                    number("respondents", score.respondents(), 1, MAX_RESPONDENTS)));
        }
        return List.copyOf(checked);
    }

    private static int minutes(Integer minutes) {
        return number("minutes", minutes, 1, 240);
    }

    static Meeting evolve(Meeting m, Event.Preparation event, Instant at) {
        Preparation p = m.preparation();
        Details d = p.details();
        return switch (event) {
            case MeetingCreated e -> m.with(new Meeting.Position(true, m.seq(), at, m.lastAt(), m.lastId()))
                    .with(p.with(new Details(e.title(), e.goal(), e.targetGroup(), e.scheduledStart(),
                            e.plannedMinutes(), e.language(), e.houseRules(), null, null, null, null, e.practice())))
                    .with(new Phases(m.phase(), at, null, null));
            case DetailsUpdated e -> m.with(p.with(new Details(e.title(), e.goal(), e.targetGroup(), e.scheduledStart(),
                    e.plannedMinutes(), d.language(), d.houseRules(), e.place(), e.turnLimitSeconds(), e.organisation(),
                    e.listenUrl(), d.practice())));
            case HouseRulesSet e -> m.with(p.with(new Details(d.title(), d.goal(), d.targetGroup(), d.scheduledStart(),
                    d.plannedMinutes(), d.language(), e.text(), d.place(), d.turnLimitSeconds(), d.organisation(),
                    d.listenUrl(), d.practice())));
            case ThemeAdded e -> m.with(p.withGuide(added(p.guide(), new Theme(e.themeId(), e.title(),
                    e.centralQuestion(), e.minutes()))));
            case ThemeEdited e -> m.with(p.withGuide(replaced(p.guide(), t -> t.id().equals(e.themeId()),
                    t -> new Theme(t.id(), e.title(), e.centralQuestion(), e.minutes()))));
            // A theme taken out of the guide takes its survey score along.
            case ThemeRemoved e -> m.with(new Preparation(d, removed(p.guide(), t -> t.id().equals(e.themeId())),
                    p.briefing(), removed(p.survey(), s -> s.themeId().equals(e.themeId()))));
            case ThemeMoved e -> m.with(p.withGuide(moved(p.guide(), t -> t.id().equals(e.themeId()), e.position())));
            case BriefingEdited e -> {
                Map<BriefingPart, String> briefing = new EnumMap<>(BriefingPart.class);
                briefing.putAll(p.briefing());
                if (e.text() == null) {
                    briefing.remove(e.part());
                } else {
                    briefing.put(e.part(), e.text());
                }
                yield m.with(new Preparation(d, p.guide(), Map.copyOf(briefing), p.survey()));
            }
            case SurveySet e -> m.with(new Preparation(d, p.guide(), p.briefing(), e.scores()));
        };
    }

    private Preparation with(Details details) {
        return new Preparation(details, guide, briefing, survey);
    }

    private Preparation withGuide(List<Theme> guide) {
        return new Preparation(details, guide, briefing, survey);
    }

    /** The survey's score of a theme, if the survey has one. */
    public Optional<SurveyScore> score(String themeId) {
        return survey.stream().filter(s -> s.themeId().equals(themeId)).findFirst();
    }
}
