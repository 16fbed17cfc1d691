package nl.spiegel.meeting;

import static nl.spiegel.meeting.Lists.*;
import static nl.spiegel.meeting.ParticipantStatus.*;
import static nl.spiegel.meeting.Rejection.Reason.*;
import static nl.spiegel.meeting.Rules.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.spiegel.meeting.Command.AddParticipant;
import nl.spiegel.meeting.Command.EditParticipant;
import nl.spiegel.meeting.Command.RemoveParticipant;
import nl.spiegel.meeting.Command.SetCrossSection;
import nl.spiegel.meeting.Command.SetParticipantStatus;
import nl.spiegel.meeting.Event.CrossSectionSet;
import nl.spiegel.meeting.Event.ParticipantAdded;
import nl.spiegel.meeting.Event.ParticipantEdited;
import nl.spiegel.meeting.Event.ParticipantRemoved;
import nl.spiegel.meeting.Event.ParticipantStatusSet;
import nl.spiegel.meeting.Meeting.Participant;

/**
 * The recruitment section: the places of the participants, from invited to present, and the
 * cross-section of the target group they should form. Participants are pseudonyms with a status,
 * a seat while they are expected or there, whether they had their gift, and a profile in the
 * cross-section's categories. Contact data has no field and is refused wherever it is typed.
 *
 * <p>Who counts in the balance: everyone with a seat once the meeting opened. A no-show or a
 * cancellation gives up the seat. A participant marked present during the meeting after being
 * marked a no-show (or added then) arrived late and counts from that moment ({@link Participation}).
 */
public record Recruitment(List<Participant> participants, List<Category> crossSection) {

    static final Recruitment EMPTY = new Recruitment(List.of(), List.of());

    /** Places in all: a circle of {@value Meeting#MAX_PARTICIPANTS}, and who waits in reserve or declined. */
    public static final int MAX_PLACES = 30;
    public static final int MAX_CATEGORIES = 6;
    public static final int MAX_SHARES = 10;
    /** The method asks for 8 to 12 participants: fewer confirmed is a warning. */
    public static final int FEW_CONFIRMED = 8;
    /** A value of the cross-section more than this many percentage points from its wanted share is off. */
    public static final int OFF_BY_POINTS = 15;

    /**
     * A trait of the target group (for example age band, district, service used) and the share of
     * the participants wanted for each of its values, adding up to 100.
     */
    public record Category(String name, List<WantedShare> shares) {}

    /** A value of a category and the percentage of the participants wanted with it. */
    public record WantedShare(String value, Integer percent) {}

    public enum WarningKind {
        /** Fewer than {@value #FEW_CONFIRMED} participants confirmed. */
        FEW_CONFIRMED,
        /** A value of the cross-section is off its wanted share by more than {@value #OFF_BY_POINTS} points. */
        MIX_OFF
    }

    /** A warning for the organiser; {@code category} and the rest only for {@link WarningKind#MIX_OFF}. */
    public record Warning(WarningKind kind, @Nullable String category, @Nullable String value,
                          @Nullable Integer wantedPercent, @Nullable Integer actualPercent) {}

    /**
     * How a value of the cross-section is covered, in counts only.
     *
     * @param confirmed     participants who confirmed (or are there) with this value
     * @param invited       participants invited with this value who did not answer yet
     * @param actualPercent share among the confirmed who have a value in this category; absent when none has
     */
    public record ShareCoverage(String value, int wantedPercent, int confirmed, int invited, @Nullable Integer actualPercent) {}

    /** @param unknown confirmed participants without a value in this category */
    public record CategoryCoverage(String name, List<ShareCoverage> shares, int unknown) {}

    /**
     * The recruitment in counts: participants per status, how many confirmed, how many had their
     * gift, the cross-section's coverage, and the warnings while the meeting has not opened yet.
     */
    public record Coverage(Map<ParticipantStatus, Integer> byStatus, int confirmed, int gifts,
                           List<CategoryCoverage> crossSection, List<Warning> warnings) {}

    static List<Event> decide(Meeting m, Command.Recruitment command) {
        return switch (command) {
            case AddParticipant c -> {
                require(m.participants().size() < MAX_PLACES, PLACES_FULL);
                ParticipantStatus status = c.status() != null ? c.status() : m.openedAt() == null ? INVITED : PRESENT;
                requireStatusNow(m, status);
                yield List.of(new ParticipantAdded("P" + nextId(m), pseudonym(m, null, c.pseudonym()),
                        seatFor(m, null, status, c.seat()), status, Boolean.TRUE.equals(c.gift()), profile(m, c.profile())));
            }
            case EditParticipant c -> {
                Participant p = participant(m, c.participantId());
                Integer seat = p.seat();
                if (c.seat() != null) {
                    require(p.seat() != null, NOT_IN_CIRCLE);
                    seat = seat(m, p.id(), c.seat());
                }
                ParticipantEdited edited = new ParticipantEdited(p.id(),
                        c.pseudonym() == null ? p.pseudonym() : pseudonym(m, p.id(), c.pseudonym()), seat,
                        c.gift() == null ? p.gift() : c.gift(), c.profile() == null ? p.profile() : profile(m, c.profile()));
                yield edited.pseudonym().equals(p.pseudonym()) && Objects.equals(seat, p.seat()) && edited.gift() == p.gift()
                        && edited.profile().equals(p.profile()) ? List.of() : List.of(edited);
            }
            case SetParticipantStatus c -> {
                Participant p = participant(m, c.participantId());
                ParticipantStatus status = present("status", c.status());
                if (status == p.status() && c.seat() == null) {
                    yield List.of();
                }
                requireStatusNow(m, status);
                if (!status.seated()) {
                    require(!m.hasSpoken(p.id()), HAS_SPOKEN);
                }
                Integer seat = p.seat() != null && c.seat() == null && status.seated() ? p.seat()
                        : seatFor(m, p.id(), status, c.seat());
                yield List.of(new ParticipantStatusSet(p.id(), status, seat));
            }
            case RemoveParticipant c -> {
                Participant p = participant(m, c.participantId());
                require(!m.hasSpoken(p.id()), HAS_SPOKEN);
                yield List.of(new ParticipantRemoved(p.id()));
            }
            case SetCrossSection c -> {
                List<Category> categories = crossSection(c.categories());
                yield categories.equals(m.recruitment().crossSection()) ? List.of() : List.of(new CrossSectionSet(categories));
            }
        };
    }

    /**
     * The statuses of recruiting belong before the meeting opens; present and no-show to the day
     * itself, from the lobby on.
     */
    private static void requireStatusNow(Meeting m, ParticipantStatus status) {
        require(status.recruiting() ? m.openedAt() == null : m.phase() != Phase.PREPARATION, WRONG_PHASE);
    }

    private static String pseudonym(Meeting m, String self, String value) {
        String pseudonym = noContactData("pseudonym", text("pseudonym", value, 1, 40));
        boolean taken = m.participants().stream()
                .anyMatch(p -> !p.id().equals(self) && p.pseudonym().equalsIgnoreCase(pseudonym));
        if (taken) {
            throw refuse(PSEUDONYM_TAKEN.about("pseudonym"));
        }
        return pseudonym;
    }

    private static String noContactData(String field, String value) {
        if (ContactData.in(value)) {
            throw refuse(Rejection.invalid(field, new Rejection.Detail.ContactData()));
        }
        return value;
    }

    /**
     * The seat a participant gets with {@code status}: none when not expected, the one asked for when
     * it is free, else the first free one; a participant still recruited waits in reserve when the
     * circle is full, one who is there needs a seat.
     */
    private static Integer seatFor(Meeting m, String self, ParticipantStatus status, Integer wanted) {
        if (!status.seated()) {
            return null;
        }
        if (wanted != null) {
            return seat(m, self, wanted);
        }
        for (int seat = 1; seat <= Meeting.MAX_PARTICIPANTS; seat++) {
            if (free(m, self, seat)) {
                return seat;
            }
        }
        require(status != PRESENT, CIRCLE_FULL);
        return null;
    }

    private static int seat(Meeting m, String self, Integer value) {
        int seat = number("seat", value, 1, Meeting.MAX_PARTICIPANTS);
        if (!free(m, self, seat)) {
            throw refuse(SEAT_TAKEN.about("seat"));
        }
        return seat;
    }

    private static boolean free(Meeting m, String self, int seat) {
        return m.participants().stream().noneMatch(p -> !p.id().equals(self) && p.seat() != null && p.seat() == seat);
    }

    /** A profile in the cross-section's categories; a blank value leaves the category out. */
    private static Map<String, String> profile(Meeting m, Map<String, String> profile) {
        if (profile == null) {
            return Map.of();
        }
        List<Category> categories = m.recruitment().crossSection();
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : profile.entrySet()) {
            Category category = categories.stream().filter(c -> c.name().equals(entry.getKey())).findFirst()
                    .orElseThrow(() -> refuse(Rejection.invalid("profile",
                            new Rejection.Detail.OneOf(categories.stream().map(Category::name).toList()))));
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                continue;
            }
            String value = entry.getValue().strip();
            WantedShare share = category.shares().stream().filter(s -> s.value().equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> refuse(Rejection.invalid("profile",
                            new Rejection.Detail.OneOf(category.shares().stream().map(WantedShare::value).toList()))));
            checked.put(category.name(), share.value());
        }
        return checked;
    }

    private static List<Category> crossSection(List<Category> categories) {
        if (present("categories", categories).size() > MAX_CATEGORIES) {
            throw refuse(Rejection.invalid("categories", new Rejection.Detail.AtMost(MAX_CATEGORIES)));
        }
        List<Category> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Category category : categories) {
            present("categories", category);
            String name = noContactData("name", text("name", category.name(), 1, 60));
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw refuse(Rejection.invalid("name", new Rejection.Detail.Unique()));
            }
            List<WantedShare> shares = present("shares", category.shares());
            if (shares.isEmpty() || shares.size() > MAX_SHARES) {
                throw refuse(Rejection.invalid("shares", new Rejection.Detail.Length(1, MAX_SHARES)));
            }
            List<WantedShare> checkedShares = new ArrayList<>();
            Set<String> values = new HashSet<>();
            int total = 0;
            for (WantedShare share : shares) {
                present("shares", share);
                String value = noContactData("value", text("value", share.value(), 1, 60));
                if (!values.add(value.toLowerCase(Locale.ROOT))) {
                    throw refuse(Rejection.invalid("value", new Rejection.Detail.Unique()));
                }
                int percent = number("percent", share.percent(), 0, 100);
                total += percent;
                checkedShares.add(new WantedShare(value, percent));
            }
            if (total != 100) {
                throw refuse(Rejection.invalid("percent", new Rejection.Detail.AddsUpTo(100)));
            }
            checked.add(new Category(name, List.copyOf(checkedShares)));
        }
        return List.copyOf(checked);
    }

    static Meeting evolve(Meeting m, Event.Recruitment event, Instant at) {
        Recruitment r = m.recruitment();
        return switch (event) {
            // Added while people talk in the room: a late arrival, who counts from now.
            case ParticipantAdded e -> m.with(r.with(added(r.participants(), new Participant(e.participantId(),
                    e.pseudonym(), e.seat(), e.status(), e.gift(), e.profile(),
                    e.status() == PRESENT && m.phase().live() ? at : null))));
            case ParticipantEdited e -> m.with(r.with(replaced(r.participants(), p -> p.id().equals(e.participantId()),
                    p -> new Participant(p.id(), e.pseudonym(), e.seat(), p.status(), e.gift(), e.profile(), p.arrivedAt()))));
            // A no-show who comes in while people talk arrived late; whoever gives up the seat leaves the speaker queue.
            case ParticipantStatusSet e -> m.with(r.with(replaced(r.participants(), p -> p.id().equals(e.participantId()),
                    p -> new Participant(p.id(), p.pseudonym(), e.seat(), e.status(), p.gift(), p.profile(),
                            e.status() != PRESENT ? null
                                    : p.status() == NO_SHOW && m.phase().live() ? at : p.arrivedAt()))))
                    .with(e.seat() == null ? m.floor().withoutQueued(e.participantId()) : m.floor());
            case ParticipantRemoved e -> m.with(r.with(removed(r.participants(), p -> p.id().equals(e.participantId()))))
                    .with(m.floor().withoutQueued(e.participantId()));
            case CrossSectionSet e -> m.with(new Recruitment(replaced(r.participants(), p -> true,
                    p -> new Participant(p.id(), p.pseudonym(), p.seat(), p.status(), p.gift(),
                            within(p.profile(), e.categories()), p.arrivedAt())), e.categories()));
        };
    }

    /** The part of a profile that the cross-section still has categories and values for. */
    private static Map<String, String> within(Map<String, String> profile, List<Category> categories) {
        Map<String, String> kept = new LinkedHashMap<>();
        profile.forEach((name, value) -> categories.stream().filter(c -> c.name().equals(name))
                .filter(c -> c.shares().stream().anyMatch(s -> s.value().equals(value)))
                .findFirst().ifPresent(c -> kept.put(name, value)));
        return kept;
    }

    private Recruitment with(List<Participant> participants) {
        return new Recruitment(participants, crossSection);
    }

    /** The recruitment in counts, for the organiser's screen. */
    public static Coverage coverage(Meeting m) {
        List<Participant> all = m.participants();
        Map<ParticipantStatus, Integer> byStatus = new EnumMap<>(ParticipantStatus.class);
        for (ParticipantStatus status : ParticipantStatus.values()) {
            byStatus.put(status, (int) all.stream().filter(p -> p.status() == status).count());
        }
        List<Participant> confirmed = all.stream().filter(p -> p.status().confirmed()).toList();
        List<Warning> warnings = new ArrayList<>();
        boolean before = m.openedAt() == null;
        if (before && confirmed.size() < FEW_CONFIRMED) {
            warnings.add(new Warning(WarningKind.FEW_CONFIRMED, null, null, FEW_CONFIRMED, confirmed.size()));
        }
        List<CategoryCoverage> categories = new ArrayList<>();
        for (Category category : m.recruitment().crossSection()) {
            long known = confirmed.stream().filter(p -> p.profile().containsKey(category.name())).count();
            List<ShareCoverage> shares = new ArrayList<>();
            for (WantedShare share : category.shares()) {
                int yes = (int) confirmed.stream().filter(p -> share.value().equals(p.profile().get(category.name()))).count();
                int invited = (int) all.stream().filter(p -> p.status() == INVITED)
                        .filter(p -> share.value().equals(p.profile().get(category.name()))).count();
                Integer actual = known == 0 ? null : (int) Math.round(100.0 * yes / known);
                shares.add(new ShareCoverage(share.value(), share.percent(), yes, invited, actual));
                if (before && actual != null && Math.abs(actual - share.percent()) > OFF_BY_POINTS) {
                    warnings.add(new Warning(WarningKind.MIX_OFF, category.name(), share.value(), share.percent(), actual));
                }
            }
            categories.add(new CategoryCoverage(category.name(), List.copyOf(shares), (int) (confirmed.size() - known)));
        }
        return new Coverage(byStatus, confirmed.size(), (int) all.stream().filter(Participant::gift).count(),
                List.copyOf(categories), List.copyOf(warnings));
    }
}
