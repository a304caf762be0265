package fi.kohtaamo.calendar.internal.poster;

import fi.kohtaamo.calendar.PlaceFeedbackAddress;
import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarParams;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarViews;
import fi.kohtaamo.calendar.internal.poster.Poster.Bi;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.PublicUrls;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.text.Collator;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.IntFunction;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a poster says, from the calendar: exactly the occurrences the web calendar shows for the same filters and
 * week (cancelled and moved ones included, marked), each as a table row (time, activity, place, ages, language,
 * fee and a note), with every text in the poster's language or both languages of a fi+sv poster.
 */
@Component
class PosterContent {

    /** Most occurrences one poster takes in at all; more are counted and said ("+ N more"), never dropped silently. */
    static final int MAX_ROWS = 2000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final CalendarService calendar;
    private final Registry registry;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final List<PlaceFeedbackAddress> feedback;

    PosterContent(CalendarService calendar, Registry registry, MessageSource messages, PublicUrls urls, Clock clock,
            List<PlaceFeedbackAddress> feedback) {
        this.calendar = calendar;
        this.registry = registry;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
        this.feedback = feedback;
    }

    /** The poster of a filter's week in one or two languages; {@code query} carries the filters for the QR code. */
    Poster poster(CalendarFilter filter, LocalDate monday, List<Lang> langs, MultiValueMap<String, String> query) {
        Lang first = langs.get(0);
        Lang second = langs.size() > 1 ? langs.get(1) : null;
        LocalDate sunday = monday.plusDays(6);
        List<CalendarService.Entry> entries = calendar.occurrences(filter, monday, sunday);
        int total = entries.size();
        if (total > MAX_ROWS) {
            entries = entries.subList(0, MAX_ROWS);
        }
        boolean manyPlaces = filter.placeId() == null
                || entries.stream().map(e -> e.place().id()).distinct().count() > 1;
        boolean manyMunicipalities = entries.stream().map(e -> e.place().municipalityCode()).distinct().count() > 1;

        List<Poster.Day> days = new ArrayList<>();
        for (CalendarViews.Day day : CalendarViews.days(entries, monday, sunday)) {
            if (day.occurrences().isEmpty()) {
                continue;
            }
            String weekday = capitalised(text(first, "weekday." + day.date().getDayOfWeek()));
            if (second != null) {
                weekday += " · " + capitalised(text(second, "weekday." + day.date().getDayOfWeek()));
            }
            List<Poster.Row> rows = merged(day.occurrences().stream()
                    .map(v -> row(v, first, second, manyPlaces, manyMunicipalities)).toList(),
                    n -> bi(first, second, "poster.pdf.places", n), first.locale(),
                    second == null ? null : second.locale());
            days.add(new Poster.Day(Bi.of(weekday + " " + DAY.format(day.date())), rows));
        }

        LocalizedText name = scopeName(filter);
        Bi title = new Bi(name.get(first), second == null ? null : name.exact(second));
        String range = range(monday, sunday);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        // in two languages the dates once: "Viikko 48 · Vecka 48, 23.–29.11.2026"
        Bi subtitle = second == null ? bi(first, null, "poster.pdf.week", String.valueOf(week), range)
                : Bi.of(bi(first, second, "poster.pdf.weekNumber", String.valueOf(week)).joined(" · ") + ", " + range);
        Bi note = total == 0 ? bi(first, second, "poster.pdf.nothing") : null;
        List<Bi> columns = new ArrayList<>();
        for (String c : List.of("time", "activity", "place", "ages", "language", "fee")) {
            columns.add(c.equals("place") && !manyPlaces ? null : bi(first, second, "poster.pdf.column." + c));
        }
        // a poster of one place carries the place's feedback address too, when a module offers one
        String feedbackUrl = filter.placeId() == null ? null : feedback.stream()
                .map(f -> f.path(filter.placeId())).flatMap(Optional::stream).findFirst().map(urls::of).orElse(null);
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        created.setTimeInMillis(clock.millis());
        return new Poster(first.code(), second == null ? null : second.code(), title.main() + " – " + subtitle.main(),
                title, subtitle, note, columns, days, total - entries.size(), bi(first, second, "poster.pdf.more"),
                calendarUrl(query, monday, langs), bi(first, second, "poster.pdf.online"),
                bi(first, second, "poster.pdf.printed", DATE.format(LocalDate.now(clock))),
                bi(first, second, "poster.pdf.continued"), created, feedbackUrl,
                feedbackUrl == null ? null : bi(first, second, "poster.pdf.feedback"));
    }

    private Poster.Row row(CalendarViews.OccurrenceView v, Lang first, Lang second, boolean manyPlaces,
            boolean manyMunicipalities) {
        Bi name = new Bi(v.name().get(first), second == null ? null : v.name().exact(second));
        Bi place = null;
        if (manyPlaces) {
            place = new Bi(place(v, first, manyMunicipalities), second == null ? null : place(v, second, manyMunicipalities));
        }
        Bi ages = bi(first, second, "poster.pdf.ages." + v.ages().key().substring(v.ages().key().lastIndexOf('.') + 1),
                v.ages().a(), v.ages().b());
        // languages by their names in the poster's first language: "suomi, ruotsi"
        String languages = String.join(", ", v.languages().stream().map(code -> messages.getMessage("language." + code,
                null, code, first.locale())).toList());
        Bi fee = v.free() ? bi(first, second, "calendar.free")
                : v.price().isEmpty() ? bi(first, second, "poster.pdf.paid")
                : new Bi(v.price().get(first), second == null ? null : v.price().get(second));
        Bi note = new Bi(note(v, first), second == null ? null : note(v, second));
        return new Poster.Row(v.time(), name, place, ages, languages, fee, v.cancelled(),
                note.main().isEmpty() ? null : note, 1, null);
    }

    /** From this many places on, a merged row lists its places across the row below it, not in its narrow cell. */
    static final int SPREAD = 4;

    /**
     * One row for the same activity at the same time in many places (a city's resident parks' open mornings): the
     * places listed in its place cell, in the order they came; from {@link #SPREAD} places on, the cell says how many
     * ({@code many}) and the places are one list below the row, in alphabetical order with a shared leading part
     * said once ({@link #placeList}). Only rows alike in everything but the place merge: the same note, both
     * cancelled or neither.
     */
    static List<Poster.Row> merged(List<Poster.Row> rows, IntFunction<Bi> many, Locale first, Locale second) {
        Map<List<Object>, List<Poster.Row>> groups = new LinkedHashMap<>();
        int single = 0;
        for (Poster.Row r : rows) {
            List<Object> key = r.place() == null ? List.of(single++)
                    : java.util.Arrays.asList(r.time(), r.name(), r.ages(), r.languages(), r.fee(), r.cancelled(), r.note());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Poster.Row> out = new ArrayList<>();
        for (List<Poster.Row> g : groups.values()) {
            Poster.Row r = g.get(0);
            if (g.size() == 1) {
                out.add(r);
                continue;
            }
            List<String> main = g.stream().map(x -> x.place().main()).toList();
            boolean hasSecond = g.stream().anyMatch(x -> x.place().second() != null);
            List<String> other = hasSecond ? g.stream().map(x -> x.place().second() == null
                    ? x.place().main() : x.place().second()).toList() : null;
            if (g.size() >= SPREAD) {
                Bi list = new Bi(placeList(main, first), other == null ? null : placeList(other, second));
                out.add(new Poster.Row(r.time(), r.name(), many.apply(g.size()), r.ages(), r.languages(), r.fee(),
                        r.cancelled(), r.note(), g.size(), list));
            } else {
                out.add(new Poster.Row(r.time(), r.name(), new Bi(String.join(", ", main),
                        other == null ? null : String.join(", ", other)), r.ages(), r.languages(), r.fee(),
                        r.cancelled(), r.note(), g.size(), null));
            }
        }
        return out;
    }

    /**
     * Place names as a printed listing has them: alphabetical (numbers by value), and a run of names that differ
     * only in their last word with the shared part said once: "Leikkipuisto Kurkimäki, Lampi, Maunula; Kallion
     * kirkko". Runs are separated by semicolons, names within a run by commas.
     */
    static String placeList(List<String> names, Locale locale) {
        Collator collator = Collator.getInstance(locale == null ? Locale.ROOT : locale);
        List<String[]> split = names.stream().distinct().map(PosterContent::lastWord).sorted((a, b) -> {
            if (!a[0].equals(b[0])) {
                return collator.compare((a[0] + " " + a[1]).strip(), (b[0] + " " + b[1]).strip());
            }
            if (a[1].matches("[0-9]{1,9}") && b[1].matches("[0-9]{1,9}")) {
                return Integer.compare(Integer.parseInt(a[1]), Integer.parseInt(b[1]));
            }
            return collator.compare(a[1], b[1]);
        }).toList();
        StringBuilder out = new StringBuilder();
        String prefix = null;
        for (String[] n : split) {
            if (prefix != null && !n[0].isEmpty() && n[0].equals(prefix)) {
                out.append(", ").append(n[1]);
                continue;
            }
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(n[0].isEmpty() ? n[1] : n[0] + " " + n[1]);
            prefix = n[0];
        }
        return out.toString();
    }

    /** {everything before the last word, the last word}; a one-word name has an empty first part. */
    static String[] lastWord(String name) {
        String s = name.strip().replaceAll("\\s+", " ");
        int i = s.lastIndexOf(' ');
        return i < 0 ? new String[] {"", s} : new String[] {s.substring(0, i), s.substring(i + 1)};
    }

    private static String place(CalendarViews.OccurrenceView v, Lang l, boolean withMunicipality) {
        return withMunicipality ? v.placeName().get(l) + ", " + v.municipality().get(l) : v.placeName().get(l);
    }

    /** Cancelled or moved (with the reason), the public notes, registration: "" when none. */
    private String note(CalendarViews.OccurrenceView v, Lang l) {
        List<String> parts = new ArrayList<>();
        if (v.cancelled() || v.moved()) {
            String reason = v.reason().get(l);
            String head = v.cancelled() ? text(l, "calendar.cancelled").toUpperCase(l.locale())
                    : text(l, "calendar.movedReason", DAY.format(v.originalDate())).replaceAll(":$", "");
            parts.add(reason.isEmpty() ? head : head + ": " + reason);
        }
        v.notes().forEach(n -> parts.add(n.get(l)));
        if (v.registrationRequired()) {
            parts.add(text(l, "calendar.registration"));
        }
        return String.join(" · ", parts);
    }

    private LocalizedText scopeName(CalendarFilter f) {
        if (f.placeId() != null) {
            PlaceInfo p = registry.publicPlaces(new PlaceCriteria(null, null, f.placeId(), null, null)).get(f.placeId());
            if (p == null) {
                throw new KohtaamoException.NotFound("place " + f.placeId());
            }
            return p.name();
        }
        if (f.municipalityCode() != null) {
            return registry.publicPlaces(new PlaceCriteria(null, f.municipalityCode(), null, null, null)).values()
                    .stream().findFirst().map(PlaceInfo::municipalityName)
                    .orElse(LocalizedText.of(f.municipalityCode(), null, null));
        }
        return registry.area(f.areaId()).map(Registry.Ref::name).orElseThrow(
                () -> new KohtaamoException.NotFound("area " + f.areaId()));
    }

    /** The online calendar of the same filters and week, absolute, for the QR code. */
    private String calendarUrl(MultiValueMap<String, String> query, LocalDate monday, List<Lang> langs) {
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(urls.base()).path("/calendar");
        for (String name : CalendarParams.FILTER_NAMES) {
            for (String v : query.getOrDefault(name, List.of())) {
                if (v != null && !v.isBlank()) {
                    b.queryParam(name, v.strip());
                }
            }
        }
        b.queryParam("date", monday.toString());
        if (langs.size() == 1) {
            b.queryParam("lang", langs.get(0).code());
        }
        return b.encode().build().toUriString();
    }

    /** "23.–29.11.2026", "30.11.–6.12.2026" or "28.12.2026–3.1.2027". */
    static String range(LocalDate from, LocalDate to) {
        if (from.getYear() != to.getYear()) {
            return DATE.format(from) + "–" + DATE.format(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return DAY.format(from) + "–" + DATE.format(to);
        }
        return from.getDayOfMonth() + ".–" + DATE.format(to);
    }

    private Bi bi(Lang first, Lang second, String key, Object... args) {
        return new Bi(text(first, key, args), second == null ? null : text(second, key, args));
    }

    private String text(Lang l, String key, Object... args) {
        return messages.getMessage(key, args, l.locale());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
