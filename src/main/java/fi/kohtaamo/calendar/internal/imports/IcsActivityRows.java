package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;

import fi.kohtaamo.calendar.internal.ActivityCommand;
import fi.kohtaamo.calendar.internal.ActivityForm;

import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Lang;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Format;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Options;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Problem;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Result;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Row;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.MAX_ROWS;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.base;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.check;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.failed;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.shorten;
import fi.kohtaamo.calendar.internal.imports.ActivityImport.Adjustment;
import static fi.kohtaamo.calendar.internal.imports.ActivityImport.LOCAL;

/**
 * The iCalendar side of {@link ActivityImport}: the file is bounded by {@link IcsLimits} before ical4j reads it;
 * each series (a VEVENT without RECURRENCE-ID) becomes a row, its RRULE mapped by {@link IcsRecurrence}, its
 * EXDATEs and Google's changed instances (events with the series' UID and a RECURRENCE-ID) becoming
 * cancellations and moves of single occurrences.
 */
final class IcsActivityRows {

    private static final Map<String, String> ICS_WHERE = Map.ofEntries(Map.entry("nameFi", "SUMMARY"),
            Map.entry("nameSv", "SUMMARY"), Map.entry("nameEn", "SUMMARY"), Map.entry("descriptionFi", "DESCRIPTION"),
            Map.entry("descriptionSv", "DESCRIPTION"), Map.entry("descriptionEn", "DESCRIPTION"),
            Map.entry("scheduleKind", "RRULE"), Map.entry("weekdays", "RRULE"), Map.entry("parity", "RRULE"),
            Map.entry("nth", "RRULE"), Map.entry("monthWeekday", "RRULE"), Map.entry("dates", "RDATE"),
            Map.entry("date", "DTSTART"), Map.entry("seasonStart", "DTSTART"), Map.entry("seasonEnd", "RRULE"),
            Map.entry("startTime", "DTSTART"), Map.entry("endTime", "DTEND"));

    Result read(long placeId, String text, Options o) {
        IcsLimits.Checked checked = IcsLimits.check(text);
        if (checked.problem() != null) {
            return failed(Format.ICS, checked.problem());
        }
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(new StringReader(checked.text()));
        } catch (ParserException e) {
            return failed(Format.ICS, new Problem(null, "import.ics.unreadable", e.getLineNo()));
        } catch (IOException | RuntimeException e) {
            return failed(Format.ICS, new Problem(null, "import.ics.unreadable", 0));
        }
        List<VEvent> events = new ArrayList<>();
        for (Object c : cal.getComponents(Component.VEVENT)) {
            events.add((VEvent) c);
        }
        if (events.isEmpty()) {
            return failed(Format.ICS, new Problem(null, "import.ics.noEvents"));
        }
        Map<String, VEvent> masters = new LinkedHashMap<>();
        Map<String, List<VEvent>> overrides = new HashMap<>();
        List<VEvent> orphans = new ArrayList<>();
        int anonymous = 0;
        for (VEvent e : events) {
            String uid = value(e, Property.UID);
            if (e.getProperty(Property.RECURRENCE_ID).isPresent()) {
                overrides.computeIfAbsent(uid == null ? "" : uid, k -> new ArrayList<>()).add(e);
            } else {
                masters.put(uid == null || masters.containsKey(uid) ? "\u0000" + anonymous++ : uid, e);
            }
        }
        for (var entry : overrides.entrySet()) {
            if (!masters.containsKey(entry.getKey())) {
                orphans.addAll(entry.getValue());
            }
        }
        if (masters.size() + orphans.size() > MAX_ROWS) {
            return failed(Format.ICS, new Problem(null, "import.file.tooManyRows", MAX_ROWS));
        }
        List<Row> rows = new ArrayList<>();
        int n = 1;
        for (var entry : masters.entrySet()) {
            rows.add(icsRow(n++, entry.getValue(), overrides.getOrDefault(entry.getKey(), List.of()), placeId, o));
        }
        for (VEvent e : orphans) {
            rows.add(new Row(n++, shorten(String.valueOf(value(e, Property.SUMMARY))), null, null, List.of(),
                    List.of(new Problem("RECURRENCE-ID", "import.ics.orphanOverride")), List.of()));
        }
        return new Result(Format.ICS, List.copyOf(rows), List.of());
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }

    /** A date-time of the file as a Europe/Helsinki time (a date stays a date, at midnight). */
    static ZonedDateTime local(Temporal t) {
        if (t instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(LOCAL);
        }
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(LOCAL);
        }
        if (t instanceof Instant i) {
            return i.atZone(LOCAL);
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(LOCAL);
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(LOCAL);
        }
        throw new IllegalArgumentException("unknown temporal " + t);
    }

    private static String hhmm(ZonedDateTime t) {
        return t.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Row icsRow(int number, VEvent e, List<VEvent> changes, long placeId, Options o) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        ActivityForm f = base(placeId, o);
        String summary = value(e, Property.SUMMARY);
        String description = value(e, Property.DESCRIPTION);
        switch (o.language()) {
            case FI -> {
                f.nameFi = summary;
                f.descriptionFi = description;
            }
            case SV -> {
                f.nameSv = summary;
                f.descriptionSv = description;
            }
            case EN -> {
                f.nameEn = summary;
                f.descriptionEn = description;
            }
        }
        f.languages.add(o.language().code());
        String label = summary == null ? null : shorten(summary);
        if ("CANCELLED".equalsIgnoreCase(value(e, Property.STATUS))) {
            return new Row(number, label, f, null, List.of(), List.of(new Problem("STATUS", "import.ics.cancelledEvent")),
                    List.of());
        }
        if (o.kind() == null) {
            problems.add(new Problem(null, "import.ics.kindRequired"));
        }
        if (o.language() != Lang.FI) {
            // an activity needs a Finnish name (the same rule as in the form); tell it in words that fit
            problems.add(new Problem("SUMMARY", "import.ics.finnishNameRequired"));
            reported.add("SUMMARY");
        }
        Optional<DateProperty> dtstart = e.getProperty(Property.DTSTART);
        if (dtstart.isEmpty()) {
            return new Row(number, label, f, null, List.of(), List.of(new Problem("DTSTART", "import.ics.noStart")),
                    List.of());
        }
        ZonedDateTime start;
        ZonedDateTime end;
        try {
            Temporal t = (Temporal) dtstart.get().getDate();
            if (t instanceof LocalDate) {
                return new Row(number, label, f, null, List.of(), List.of(new Problem("DTSTART", "import.ics.allDay")),
                        List.of());
            }
            start = local(t);
            Optional<DateProperty> dtend = e.getProperty(Property.DTEND);
            Optional<Property> duration = e.getProperty(Property.DURATION);
            if (dtend.isPresent()) {
                end = local((Temporal) dtend.get().getDate());
            } else if (duration.isPresent()) {
                end = start.plus((TemporalAmount) ((net.fortuna.ical4j.model.property.Duration) duration.get())
                        .getDuration());
            } else {
                return new Row(number, label, f, null, List.of(), List.of(new Problem("DTEND", "import.ics.noEnd")),
                        List.of());
            }
        } catch (RuntimeException ex) {
            String tz = dtstart.get().getParameter("TZID").map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue())
                    .orElse("");
            return new Row(number, label, f, null, List.of(),
                    List.of(new Problem("DTSTART", "import.ics.unreadableTime", shorten(String.valueOf(tz)))), List.of());
        }
        if (!end.toLocalDate().equals(start.toLocalDate())) {
            problems.add(new Problem("DTEND", "import.overMidnight"));
            reported.add("DTEND");
        }
        f.startTime = hhmm(start);
        f.endTime = hhmm(end);
        LocalDate first = start.toLocalDate();
        List<RRule> rules = new ArrayList<>((List) e.getProperties(Property.RRULE));
        List<DateListProperty> rdates = new ArrayList<>((List) e.getProperties(Property.RDATE));
        Integer count = null;
        try {
            if (rules.size() > 1) {
                problems.add(new Problem("RRULE", "import.ics.manyRules"));
            } else if (rules.size() == 1) {
                Recur<?> r = rules.get(0).getRecur();
                count = IcsRecurrence.recur(r, start, f, o, problems, reported);
                if (!rdates.isEmpty()) {
                    problems.add(new Problem("RDATE", "import.ics.rdateWithRule"));
                }
            } else if (!rdates.isEmpty()) {
                TreeSet<LocalDate> dates = new TreeSet<>();
                dates.add(first);
                for (DateListProperty rd : rdates) {
                    for (Object d : rd.getDates()) {
                        ZonedDateTime z = local((Temporal) d);
                        if (!(d instanceof LocalDate) && !z.toLocalTime().equals(start.toLocalTime())) {
                            problems.add(new Problem("RDATE", "import.ics.rdateTime", z.toLocalDate().toString()));
                            break;
                        }
                        dates.add(z.toLocalDate());
                    }
                }
                f.scheduleKind = "DATES";
                f.dates = String.join(" ", dates.stream().map(LocalDate::toString).toList());
            } else {
                f.scheduleKind = "ONCE";
                f.date = first.toString();
            }
        } catch (RuntimeException ex) {
            problems.add(new Problem("RRULE", "import.ics.unsupportedRule"));
        }
        if (problems.stream().anyMatch(p -> !"SUMMARY".equals(p.where()))) {
            // schedule problems: checking the form would only repeat them in other words
            return new Row(number, label, f, null, List.of(), List.copyOf(problems), List.of());
        }
        if (count != null) {
            // the season ends at the COUNT-th date of the rule (EXDATEs are counted too, RFC 5545)
            LocalDate last = first.plusYears(Schedule.MAX_SEASON_YEARS);
            ActivityForm probe = IcsRecurrence.copySchedule(f, first, last);
            ActivityCommand c = probe.toCommand(new FieldErrors());
            List<LocalDate> dates = c == null ? List.of() : ScheduleExpander.dates(c.schedule(), first, last);
            if (dates.size() < count) {
                problems.add(new Problem("RRULE", "schedule.seasonTooLong"));
                return new Row(number, label, f, null, List.of(), List.copyOf(problems), List.of());
            }
            f.seasonEnd = dates.get(count - 1).toString();
        }
        if ("WEEKLY".equals(f.scheduleKind) && !"ALL".equals(f.parity) && f.seasonEnd != null) {
            LocalDate seasonEnd = ActivityForm.parseDate(f.seasonEnd);
            if (seasonEnd != null && !IcsRecurrence.everySecondWeekIsParity(first, seasonEnd, Schedule.WeekParity.valueOf(f.parity))) {
                problems.add(new Problem("RRULE", "import.ics.biweeklyYearEnd"));
                return new Row(number, label, f, null, List.of(), List.copyOf(problems), List.of());
            }
        }
        ActivityCommand c = check(f, ICS_WHERE, reported, problems);
        List<Adjustment> adjustments = new ArrayList<>();
        if (c != null) {
            Schedule s = c.schedule();
            Set<LocalDate> cancelled = new TreeSet<>();
            for (Object p : e.getProperties(Property.EXDATE)) {
                try {
                    for (Object d : ((DateListProperty) p).getDates()) {
                        LocalDate day = local((Temporal) d).toLocalDate();
                        if (ScheduleExpander.occursOn(s, day)) {
                            cancelled.add(day);
                        } else {
                            notes.add(new Problem("EXDATE", "import.ics.exdateIgnored", day.toString()));
                        }
                    }
                } catch (RuntimeException ex) {
                    notes.add(new Problem("EXDATE", "import.ics.exdateUnreadable"));
                }
            }
            Map<LocalDate, Adjustment> byDate = new java.util.TreeMap<>();
            cancelled.forEach(d -> byDate.put(d, new Adjustment(d, null, null, null)));
            for (VEvent change : changes) {
                override(change, s, start, end, byDate, notes);
            }
            adjustments.addAll(byDate.values());
        }
        return new Row(number, label, f, c, List.copyOf(adjustments), List.copyOf(problems), List.copyOf(notes));
    }

    /** Google writes a changed instance of a series as an event with the series' UID and a RECURRENCE-ID. */
    @SuppressWarnings("unchecked")
    private static void override(VEvent change, Schedule s, ZonedDateTime masterStart, ZonedDateTime masterEnd,
            Map<LocalDate, Adjustment> byDate, List<Problem> notes) {
        LocalDate original;
        try {
            original = local((Temporal) ((DateProperty<?>) change.getProperty(Property.RECURRENCE_ID).orElseThrow())
                    .getDate()).toLocalDate();
        } catch (RuntimeException ex) {
            notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", "?"));
            return;
        }
        if (!ScheduleExpander.occursOn(s, original)) {
            notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
            return;
        }
        if ("CANCELLED".equalsIgnoreCase(value(change, Property.STATUS))) {
            byDate.put(original, new Adjustment(original, null, null, null));
            return;
        }
        try {
            Optional<DateProperty<?>> dtstart = change.getProperty(Property.DTSTART);
            if (dtstart.isEmpty() || dtstart.get().getDate() instanceof LocalDate) {
                notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
                return;
            }
            ZonedDateTime start = local((Temporal) dtstart.get().getDate());
            Optional<DateProperty<?>> dtend = change.getProperty(Property.DTEND);
            Optional<Property> duration = change.getProperty(Property.DURATION);
            ZonedDateTime end = dtend.isPresent() ? local((Temporal) dtend.get().getDate())
                    : duration.isPresent() ? start.plus((TemporalAmount) ((net.fortuna.ical4j.model.property.Duration)
                            duration.get()).getDuration())
                    : start.plus(java.time.Duration.between(masterStart, masterEnd));
            if (!end.toLocalDate().equals(start.toLocalDate()) || !end.isAfter(start)) {
                notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
                return;
            }
            LocalTime newStart = start.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            LocalTime newEnd = end.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
            boolean sameTime = newStart.equals(masterStart.toLocalTime().truncatedTo(ChronoUnit.MINUTES))
                    && newEnd.equals(masterEnd.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
            if (start.toLocalDate().equals(original) && sameTime) {
                notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideOnlyText", original.toString()));
                return;
            }
            byDate.put(original, new Adjustment(original, start.toLocalDate(), newStart, newEnd));
        } catch (RuntimeException ex) {
            notes.add(new Problem("RECURRENCE-ID", "import.ics.overrideNotImported", original.toString()));
        }
    }
}
