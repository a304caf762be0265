package fi.kohtaamo.calendar.internal.feeds;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.rules.Occurrence;
import fi.kohtaamo.calendar.internal.rules.RecurrenceRules;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;

import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.Lang;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Duration;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.MessageSource;

/**
 * Writes planned series as an RFC 5545 calendar with ical4j: one VEVENT per series with its rule
 * ({@link RecurrenceRules}), EXDATEs for every date of the rule that the public calendar does not
 * show as taking place, and one VEVENT of its own for each moved occurrence.
 *
 * <p><b>What is excluded.</b> The feed shows exactly what the HTML calendar and the JSON API show as
 * not cancelled, for the same filter: a date of the rule is an EXDATE when the planner cancels it
 * (public holiday, school holiday the activity follows, pause, staff cancellation), when it was moved,
 * or when the occurrence filters (weekday, time of day) leave it out. A weekly rule is first narrowed
 * to the filter's weekdays so that such a feed does not carry an EXDATE for every other day. EXDATEs
 * are one per line (the most widely understood form) and DTSTART is the first date that takes place,
 * so no client ever has to exclude DTSTART itself. Cancellations with their reasons (holiday names,
 * staff's reasons) are listed in the series' DESCRIPTION for the feed window, because an EXDATE
 * alone just makes the date disappear from a family's phone without saying why.
 *
 * <p><b>Moved occurrences</b> are an EXDATE on the series plus a separate VEVENT with its own UID
 * ({@code activity-<id>-<original yyyymmdd>@domain}), not an override with RECURRENCE-ID. An override
 * is the "proper" form, but it may not be combined with an EXDATE of the same instance (the override
 * then refers to an instance that no longer exists, and Google Calendar drops it), and without the
 * EXDATE, clients that ignore or mis-associate overrides in subscribed calendars (Outlook's internet
 * calendars, several Android sync adapters) show the occurrence twice or at the old time. A
 * separate event plus an EXDATE is understood the same way by Google, Apple and Outlook.
 *
 * <p><b>Stable output.</b> DTSTAMP and LAST-MODIFIED are the activity's {@code updated_at} (RFC 5545
 * 3.8.7.2: without a METHOD property DTSTAMP is when the information was last revised), SEQUENCE is
 * its {@code version}; so the same data gives byte-identical feeds and the ETag works. The zone is
 * written by hand (the EU rules Finland follows: last Sundays of March and October at 01.00 UTC), as
 * ical4j's bundled definitions carry history a feed does not need.
 *
 * <p><b>Folding.</b> ical4j escapes TEXT values correctly but folds at 75 characters; RFC 5545 3.1
 * counts octets, and Finnish text is full of two-octet letters. The output is therefore unfolded and
 * folded again at 75 octets by {@link fi.kohtaamo.shared.IcsText#fold}, never inside a UTF-8 sequence or an escape.
 */
public final class IcsFeed {

    static final String TZID = "Europe/Helsinki";
    /** At most this many cancellations are listed in a series' description. */
    static final int MAX_LISTED_CANCELLATIONS = 40;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * What a feed needs besides the plans.
     *
     * @param lang      the language of names and descriptions
     * @param name      the calendar's name (X-WR-CALNAME)
     * @param baseUrl   absolute URL of the site, for links back to activity and occurrence pages
     * @param uidDomain the host-independent domain of UIDs
     * @param listFrom  first day whose cancellations are listed in descriptions
     * @param listTo    last day whose cancellations are listed in descriptions
     */
    public record Settings(Lang lang, String name, String baseUrl, String uidDomain, LocalDate listFrom, LocalDate listTo) {
    }

    private final MessageSource messages;
    private final Settings settings;

    public IcsFeed(MessageSource messages, Settings settings) {
        this.messages = messages;
        this.settings = settings;
    }

    /** The calendar as text (CRLF line ends, folded), ready to be sent as UTF-8. */
    public String write(List<CalendarService.SeasonPlan> plans, CalendarFilter filter) {
        List<CalendarComponent> components = new ArrayList<>();
        components.add(helsinki());
        for (CalendarService.SeasonPlan plan : plans) {
            components.addAll(events(plan, filter));
        }
        return text(new PropertyList(List.of(
                new ProdId("-//Kohtaamo//Family calendar//EN"), ImmutableVersion.VERSION_2_0,
                ImmutableCalScale.GREGORIAN,
                new XProperty("X-WR-CALNAME", settings.name()),
                new XProperty("X-WR-TIMEZONE", TZID),
                new XProperty("REFRESH-INTERVAL", new ParameterList(List.of(Value.DURATION)), "PT6H"),
                new XProperty("X-PUBLISHED-TTL", "PT6H"))), components);
    }

    /**
     * One occurrence as a file to add to one's calendar: a single VEVENT with the UID the feeds give an
     * occurrence of its own ({@code activity-<id>-<original yyyymmdd>}), so a moved or noted occurrence
     * is the same event in both; a cancelled one says STATUS:CANCELLED and why. No calendar name or
     * refresh interval: apps add the event to a calendar the family already has.
     */
    public String writeOccurrence(CalendarService.Series series, Occurrence o,
            List<fi.kohtaamo.shared.LocalizedText> notes) {
        VEvent event = single(series, o, notes);
        if (o.status() == Occurrence.Status.CANCELLED) {
            event.add(new net.fortuna.ical4j.model.property.Status(
                    net.fortuna.ical4j.model.property.Status.VALUE_CANCELLED));
        }
        return text(new PropertyList(List.of(new ProdId("-//Kohtaamo//Family calendar//EN"),
                ImmutableVersion.VERSION_2_0, ImmutableCalScale.GREGORIAN)), List.of(helsinki(), event));
    }

    private String text(PropertyList props, List<CalendarComponent> components) {
        Calendar calendar = new Calendar(props, new ComponentList<>(components));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fi.kohtaamo.shared.IcsText.fold(out.toString());
    }

    /** The series' VEVENT (if any of its dates takes place) and a VEVENT per moved occurrence. */
    private List<VEvent> events(CalendarService.SeasonPlan plan, CalendarFilter filter) {
        ActivityQueries.Activity a = plan.series().activity();
        Schedule schedule = narrowed(a.schedule(), filter);
        Set<LocalDate> shown = new HashSet<>();
        List<Occurrence> moved = new ArrayList<>();
        List<Occurrence> cancelled = new ArrayList<>();
        for (Occurrence o : plan.occurrences()) {
            boolean matches = CalendarService.matchesOccurrence(o, filter);
            switch (o.status()) {
                case SCHEDULED -> {
                    if (matches && plan.notes().containsKey(o.originalDate())) {
                        // an occurrence with a public note (e.g. a professional's visit) is an event of its own
                        moved.add(o);
                    } else if (matches) {
                        shown.add(o.originalDate());
                    }
                }
                case MOVED -> {
                    if (matches) {
                        moved.add(o);
                    }
                }
                case CANCELLED -> {
                    if (matches) {
                        cancelled.add(o);
                    }
                }
            }
        }
        List<VEvent> out = new ArrayList<>();
        List<LocalDate> ruleDates = schedule == null ? List.of()
                : ScheduleExpander.dates(schedule, schedule.seasonStart(), schedule.seasonEnd());
        LocalDate first = ruleDates.stream().filter(shown::contains).findFirst().orElse(null);
        if (first != null) {
            out.add(series(plan.series(), schedule, first, ruleDates, shown, cancelled));
        }
        for (Occurrence o : moved) {
            out.add(single(plan.series(), o, plan.notes().getOrDefault(o.originalDate(), List.of())));
        }
        return out;
    }

    /** The schedule with a weekly rule's weekdays cut to the filter's; null if nothing is left. */
    static Schedule narrowed(Schedule s, CalendarFilter filter) {
        if (filter.weekdays().isEmpty() || s.kind() != Schedule.Kind.WEEKLY) {
            return s;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        days.addAll(s.weekdays());
        days.retainAll(filter.weekdays());
        if (days.isEmpty()) {
            return null;
        }
        return new Schedule(s.kind(), days, s.parity(), s.nth(), s.dates(), s.seasonStart(), s.seasonEnd(), s.start(),
                s.durationMinutes());
    }

    private VEvent series(CalendarService.Series series, Schedule schedule, LocalDate first, List<LocalDate> ruleDates,
            Set<LocalDate> shown, List<Occurrence> cancelled) {
        ActivityQueries.Activity a = series.activity();
        ParameterList tz = tz();
        List<Property> p = common(a, "activity-" + a.id());
        p.add(new DtStart<>(tz, at(first, schedule)));
        p.add(new Duration(java.time.Duration.ofMinutes(schedule.durationMinutes())));
        String rrule = RecurrenceRules.rrule(schedule);
        if (rrule != null) {
            p.add(new RRule<>(rrule));
        }
        Set<LocalDate> ruleSet = new HashSet<>(ruleDates);
        for (LocalDate r : RecurrenceRules.rdates(schedule)) {
            // an RDATE that does not take place is left out rather than excluded again
            if (!r.isBefore(first) && ruleSet.contains(r) && shown.contains(r)) {
                p.add(new RDate<>(tz, new DateList<>(at(r, schedule))));
            }
        }
        for (LocalDate d : ruleDates) {
            if (d.isAfter(first) && !shown.contains(d)) {
                p.add(new ExDate<>(tz, new DateList<>(at(d, schedule))));
            }
        }
        p.add(new Summary(a.name().get(settings.lang())));
        addPlace(p, series.place());
        String description = description(a, cancelled);
        if (!description.isEmpty()) {
            p.add(new Description(description));
        }
        p.add(new Url(URI.create(settings.baseUrl() + "/calendar/activities/" + a.id())));
        return new VEvent(new PropertyList(p));
    }

    /**
     * One occurrence as an event of its own (UID of the series plus its original date): a moved one, or
     * one with public notes, which go into its summary and description.
     */
    private VEvent single(CalendarService.Series series, Occurrence o, List<fi.kohtaamo.shared.LocalizedText> notes) {
        ActivityQueries.Activity a = series.activity();
        List<Property> p = common(a, "activity-" + a.id() + "-" + BASIC_DATE.format(o.originalDate()));
        p.add(new DtStart<>(tz(), o.start()));
        p.add(new Duration(java.time.Duration.between(o.start(), o.end())));
        String noteText = String.join("; ", notes.stream().map(n -> n.get(settings.lang())).toList());
        p.add(new Summary(a.name().get(settings.lang()) + (noteText.isEmpty() ? "" : " – " + noteText)));
        addPlace(p, series.place());
        StringBuilder d = new StringBuilder();
        if (!noteText.isEmpty()) {
            d.append(noteText);
        }
        if (o.status() != Occurrence.Status.SCHEDULED) {
            if (!d.isEmpty()) {
                d.append("\n\n");
            }
            d.append(o.status() == Occurrence.Status.MOVED
                    ? message("calendar.movedReason", DAY.format(o.originalDate())) : message("calendar.cancelled") + ":");
            if (o.reason() != null && !o.reason().text().isEmpty()) {
                d.append(' ').append(o.reason().text().get(settings.lang()));
            }
        }
        if (!a.description().isEmpty()) {
            d.append("\n\n").append(a.description().get(settings.lang()));
        }
        otherLanguages(a, d);
        p.add(new Description(d.toString()));
        p.add(new Url(URI.create(settings.baseUrl() + "/calendar/activities/" + a.id() + "/" + o.date())));
        return new VEvent(new PropertyList(p));
    }

    /** UID, DTSTAMP, LAST-MODIFIED and SEQUENCE from the activity's version. */
    private List<Property> common(ActivityQueries.Activity a, String uid) {
        Instant updated = a.updatedAt().truncatedTo(ChronoUnit.SECONDS);
        List<Property> p = new ArrayList<>();
        p.add(new Uid(uid + "@" + settings.uidDomain()));
        p.add(new DtStamp(updated));
        p.add(new LastModified(updated));
        p.add(new Sequence(Math.max(0, a.version())));
        return p;
    }

    private void addPlace(List<Property> p, PlaceInfo place) {
        String name = place.name().get(settings.lang());
        String address = place.addressLine();
        p.add(new Location(address.isEmpty() ? name : name + ", " + address));
        if (place.latitude() != null && place.longitude() != null) {
            p.add(new Geo(place.latitude(), place.longitude()));
        }
    }

    /** The activity's description, then the cancellations in the listing window with their reasons. */
    private String description(ActivityQueries.Activity a, List<Occurrence> cancelled) {
        StringBuilder d = new StringBuilder();
        if (!a.description().isEmpty()) {
            d.append(a.description().get(settings.lang()));
        }
        otherLanguages(a, d);
        StringJoiner list = new StringJoiner("\n");
        int n = 0;
        for (Occurrence o : cancelled) {
            if (o.date().isBefore(settings.listFrom()) || o.date().isAfter(settings.listTo())) {
                continue;
            }
            if (n++ == MAX_LISTED_CANCELLATIONS) {
                list.add("…");
                break;
            }
            String why = o.reason() == null ? "" : o.reason().text().get(settings.lang());
            list.add(DAY.format(o.date()) + (why.isEmpty() ? "" : " " + why));
        }
        if (n > 0) {
            if (!d.isEmpty()) {
                d.append("\n\n");
            }
            d.append(message("calendar.feed.notHeld")).append('\n').append(list);
        }
        return d.toString();
    }

    /** The name and description in other languages (Arabic, Ukrainian ...), each under its language's name. */
    private void otherLanguages(ActivityQueries.Activity a, StringBuilder d) {
        for (var t : a.texts()) {
            if (!d.isEmpty()) {
                d.append("\n\n");
            }
            d.append(t.languageName(settings.lang())).append(": ").append(t.name());
            if (t.description() != null) {
                d.append('\n').append(t.description());
            }
        }
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, settings.lang().locale());
    }

    private static ZonedDateTime at(LocalDate date, Schedule s) {
        return ZonedDateTime.of(date, s.start(), ClockConfig.ZONE);
    }

    private static ParameterList tz() {
        return new ParameterList(List.of(new TzId(TZID)));
    }

    /** Europe/Helsinki with the EU rules in force since 1996 (and for Finland since 1981). */
    static VTimeZone helsinki() {
        Daylight summer = new Daylight(new PropertyList(List.of(
                new TzOffsetFrom(ZoneOffset.ofHours(2)), new TzOffsetTo(ZoneOffset.ofHours(3)), new TzName("EEST"),
                new DtStart<>(java.time.LocalDateTime.of(1981, 3, 29, 3, 0)),
                new RRule<>("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))));
        Standard winter = new Standard(new PropertyList(List.of(
                new TzOffsetFrom(ZoneOffset.ofHours(3)), new TzOffsetTo(ZoneOffset.ofHours(2)), new TzName("EET"),
                new DtStart<>(java.time.LocalDateTime.of(1981, 10, 25, 4, 0)),
                new RRule<>("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"))));
        return new VTimeZone(new PropertyList(List.of(new net.fortuna.ical4j.model.property.TzId(TZID))),
                new ComponentList<Observance>(List.of(summer, winter)));
    }
}
