package fi.kohtaamo.calendar.internal.poster;

import fi.kohtaamo.calendar.internal.CalendarViews;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarParams;

import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The printable weekly poster for a notice board: {@code /calendar/poster} is the form (place,
 * municipality or area, week, language) and {@code /calendar/poster.pdf} the A4 PDF. The PDF takes the
 * calendar's filter parameters ({@link CalendarParams}), {@code week} ({@code 2026-W48}; or
 * {@code date}, any day of the week; default this week) and {@code lang} ({@code fi}, {@code sv},
 * {@code en} or {@code fi-sv} for both; default the page language). It lists exactly what the web
 * calendar shows for the same filters and week, cancelled occurrences included, and its QR code
 * opens that calendar. Input that cannot be understood gives the form back with a 400 and a message
 * next to the field.
 */
@Controller
class PosterController {

    /** Most occurrences one poster prints (about 20 pages); more are left out with a note. */
    static final int MAX_ROWS = 300;
    /** Weeks offered in the form, from this week on. */
    static final int WEEKS_OFFERED = 12;
    static final List<String> LANGUAGES = List.of("fi", "sv", "en", "fi-sv");
    private static final Set<String> SCOPE = Set.of("area", "municipality", "place");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final CalendarService calendar;
    private final CalendarParams params;
    private final Registry registry;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final Clock clock;
    private final List<fi.kohtaamo.calendar.PlaceFeedbackAddress> feedback;

    PosterController(CalendarService calendar, CalendarParams params, Registry registry, MessageSource messages,
            PublicUrls urls, Clock clock, List<fi.kohtaamo.calendar.PlaceFeedbackAddress> feedback) {
        this.feedback = feedback;
        this.calendar = calendar;
        this.params = params;
        this.registry = registry;
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
    }

    /** What a poster request asks for, once checked. */
    record Options(CalendarFilter filter, LocalDate monday, List<Lang> languages) {

        boolean hasScope() {
            return filter != null && (filter.placeId() != null || filter.municipalityCode() != null
                    || filter.areaId() != null);
        }
    }

    @GetMapping("/calendar/poster")
    ModelAndView page(@RequestParam MultiValueMap<String, String> query, Lang lang, HttpServletRequest request,
            Model model) {
        FieldErrors errors = new FieldErrors();
        Options options = parse(query, lang, errors);
        form(model, query, options, errors, lang, request);
        return new ModelAndView("calendar/poster", errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/calendar/poster.pdf")
    Object pdf(@RequestParam MultiValueMap<String, String> query, Lang lang, HttpServletRequest request, Model model) {
        FieldErrors errors = new FieldErrors();
        Options options = parse(query, lang, errors);
        if (errors.isEmpty() && !options.hasScope()) {
            errors.add("place", "poster.error.scope");
        }
        if (!errors.isEmpty()) {
            form(model, query, options, errors, lang, request);
            return new ModelAndView("calendar/poster", HttpStatus.BAD_REQUEST);
        }
        byte[] pdf = PosterPdf.render(poster(options, query, request));
        String filename = "kohtaamo-" + CalendarParams.weekParam(options.monday()) + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                // without lang= the poster is in the reader's language
                .header(HttpHeaders.VARY, "Accept-Language, Cookie")
                .body(pdf);
    }

    /** Checks every parameter, collecting one message per field instead of stopping at the first. */
    private Options parse(MultiValueMap<String, String> query, Lang pageLang, FieldErrors errors) {
        CalendarFilter filter = null;
        try {
            filter = params.filter(query);
        } catch (KohtaamoException.BadParameter e) {
            errors.add(e.parameter(), SCOPE.contains(e.parameter()) ? "poster.error." + e.parameter()
                    : "poster.error.parameter", e.parameter());
        }
        LocalDate monday = null;
        try {
            LocalDate today = LocalDate.now(clock);
            monday = query.containsKey("week")
                    ? CalendarParams.week(query, "week", today.with(DayOfWeek.MONDAY))
                    : CalendarParams.date(query, "date", today).with(DayOfWeek.MONDAY);
        } catch (KohtaamoException.BadParameter e) {
            errors.add("week", "poster.error.week");
        }
        List<Lang> languages = null;
        try {
            String raw = CalendarParams.one(query, "lang");
            if (raw == null) {
                languages = List.of(pageLang);
            } else if (raw.equalsIgnoreCase("fi-sv")) {
                languages = List.of(Lang.FI, Lang.SV);
            } else {
                languages = List.of(Lang.parse(raw).orElseThrow(() -> new KohtaamoException.BadParameter("lang")));
            }
        } catch (KohtaamoException.BadParameter e) {
            errors.add("lang", "poster.error.lang");
        }
        return new Options(filter, monday, languages);
    }

    // ---------------------------------------------------------------- the form

    record Choice(String value, LocalizedText label, boolean selected) {
    }

    record PlaceGroup(LocalizedText municipality, List<Choice> places) {
    }

    record WeekChoice(String value, int week, LocalDate from, LocalDate to, boolean selected) {
    }

    record Hidden(String name, String value) {
    }

    record ErrorItem(String anchor, String message) {
    }

    private void form(Model model, MultiValueMap<String, String> query, Options options, FieldErrors errors, Lang lang,
            HttpServletRequest request) {
        String area = raw(query, "area");
        String municipality = raw(query, "municipality");
        String place = raw(query, "place");
        model.addAttribute("areas", registry.areas(null).stream()
                .map(a -> new Choice(String.valueOf(a.id()), a.name(), String.valueOf(a.id()).equals(area))).toList());
        model.addAttribute("municipalities", CalendarViews.municipalities(registry).stream()
                .map(m -> new Choice(m.code(), m.name(), m.code().equals(municipality))).toList());
        Map<String, PlaceGroup> groups = new LinkedHashMap<>();
        registry.publicPlaces(PlaceCriteria.ALL).values().stream()
                .sorted(Comparator.comparing((PlaceInfo p) -> p.municipalityName().get(lang))
                        .thenComparing(p -> p.name().get(lang)))
                .forEach(p -> groups.computeIfAbsent(p.municipalityCode(),
                        c -> new PlaceGroup(p.municipalityName(), new ArrayList<>())).places()
                        .add(new Choice(String.valueOf(p.id()), p.name(), String.valueOf(p.id()).equals(place))));
        model.addAttribute("placeGroups", groups.values());

        LocalDate thisWeek = LocalDate.now(clock).with(DayOfWeek.MONDAY);
        LocalDate chosen = options.monday() == null ? thisWeek : options.monday();
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < WEEKS_OFFERED; i++) {
            mondays.add(thisWeek.plusWeeks(i));
        }
        if (!mondays.contains(chosen)) {
            mondays.add(chosen);
            mondays.sort(Comparator.naturalOrder());
        }
        model.addAttribute("weeks", mondays.stream().map(m -> new WeekChoice(CalendarParams.weekParam(m),
                m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), m, m.plusDays(6), m.equals(chosen))).toList());

        String chosenLang = options.languages() == null ? lang.code()
                : options.languages().size() == 2 ? "fi-sv" : options.languages().get(0).code();
        model.addAttribute("languages", LANGUAGES.stream().map(l -> new Choice(l, null, l.equals(chosenLang))).toList());

        // the other filters (from a link on a filtered calendar) ride along unchanged once they are valid
        List<Hidden> hidden = new ArrayList<>();
        if (options.filter() != null) {
            for (String name : CalendarParams.FILTER_NAMES) {
                if (!SCOPE.contains(name)) {
                    query.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank())
                            .forEach(v -> hidden.add(new Hidden(name, v.strip())));
                }
            }
        }
        model.addAttribute("hidden", hidden);

        Map<String, String> texts = errors.messages(messages, lang.locale());
        model.addAttribute("errors", texts);
        model.addAttribute("errorList", texts.entrySet().stream().map(e -> new ErrorItem(
                switch (e.getKey()) {
                    case "area", "municipality", "place", "week", "lang" -> "#f-" + e.getKey();
                    default -> "#poster-form";
                }, e.getValue())).toList());
        model.addAttribute("pdfUrl", errors.isEmpty() && options.hasScope()
                ? UriComponentsBuilder.fromPath("/calendar/poster.pdf").query(request.getQueryString()).build()
                .toUriString() : null);
    }

    private static String raw(MultiValueMap<String, String> query, String name) {
        String v = query.getFirst(name);
        return v == null ? "" : v.strip();
    }

    // ---------------------------------------------------------------- the poster

    private PosterPdf.Poster poster(Options o, MultiValueMap<String, String> query, HttpServletRequest request) {
        List<Lang> langs = o.languages();
        Lang first = langs.get(0);
        Lang second = langs.size() > 1 ? langs.get(1) : null;
        LocalDate monday = o.monday();
        LocalDate sunday = monday.plusDays(6);
        List<CalendarService.Entry> entries = calendar.occurrences(o.filter(), monday, sunday);
        int total = entries.size();
        if (total > MAX_ROWS) {
            entries = entries.subList(0, MAX_ROWS);
        }
        boolean manyPlaces = o.filter().placeId() == null
                || entries.stream().map(e -> e.place().id()).distinct().count() > 1;

        List<PosterPdf.Day> days = new ArrayList<>();
        for (CalendarViews.Day day : CalendarViews.days(entries, monday, sunday)) {
            if (day.occurrences().isEmpty()) {
                continue;
            }
            String weekday = capitalised(text(first, "weekday." + day.date().getDayOfWeek()));
            if (second != null) {
                weekday += " · " + capitalised(text(second, "weekday." + day.date().getDayOfWeek()));
            }
            List<PosterPdf.Row> rows = day.occurrences().stream().map(v -> row(v, first, second, manyPlaces)).toList();
            days.add(new PosterPdf.Day(PosterPdf.Bi.of(weekday + " " + DAY.format(day.date())), rows));
        }

        LocalizedText name = scopeName(o.filter());
        PosterPdf.Bi title = new PosterPdf.Bi(name.get(first), second == null ? null : name.exact(second));
        String range = range(monday, sunday);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        // in two languages the dates once: "Viikko 48 · Vecka 48, 23.–29.11.2026"
        PosterPdf.Bi subtitle = second == null ? bi(first, null, "poster.pdf.week", String.valueOf(week), range)
                : PosterPdf.Bi.of(bi(first, second, "poster.pdf.weekNumber", String.valueOf(week)).joined(" · ")
                        + ", " + range);
        PosterPdf.Bi note = total == 0 ? bi(first, second, "poster.pdf.nothing")
                : total > MAX_ROWS ? bi(first, second, "poster.pdf.capped", String.valueOf(MAX_ROWS), String.valueOf(total)) : null;
        // a poster of one place carries the place's feedback address too, when a module offers one
        String feedbackUrl = o.filter().placeId() == null ? null : feedback.stream()
                .map(f -> f.path(o.filter().placeId())).flatMap(java.util.Optional::stream).findFirst()
                .map(urls::of).orElse(null);
        LocalDate today = LocalDate.now(clock);
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        created.setTimeInMillis(clock.millis());
        return new PosterPdf.Poster(first.code(), second == null ? null : second.code(),
                title.main() + " – " + subtitle.main(), title, subtitle, note, days,
                calendarUrl(query, monday, langs, request), bi(first, second, "poster.pdf.online"),
                bi(first, second, "poster.pdf.printed", DATE.format(today)), bi(first, second, "poster.pdf.continued"),
                created, feedbackUrl, feedbackUrl == null ? null : bi(first, second, "poster.pdf.feedback"));
    }

    /** The occurrence's public notes (e.g. a professional's visit) after its details. */
    private static String withNotes(String details, CalendarViews.OccurrenceView v, Lang lang) {
        if (v.notes().isEmpty()) {
            return details;
        }
        String notes = String.join("; ", v.notes().stream().map(n -> n.get(lang)).toList());
        return details == null || details.isEmpty() ? notes : details + " · " + notes;
    }

    private PosterPdf.Row row(CalendarViews.OccurrenceView v, Lang first, Lang second, boolean manyPlaces) {
        PosterPdf.Bi name = new PosterPdf.Bi(v.name().get(first), second == null ? null : v.name().exact(second));
        PosterPdf.Bi place = null;
        if (manyPlaces) {
            place = new PosterPdf.Bi(v.placeName().get(first) + ", " + v.municipality().get(first),
                    second == null ? null : v.placeName().get(second) + ", " + v.municipality().get(second));
        }
        PosterPdf.Bi details = new PosterPdf.Bi(withNotes(details(v, first), v, first),
                second == null ? null : withNotes(details(v, second), v, second));
        PosterPdf.Bi status = null;
        if (v.cancelled() || v.moved()) {
            status = new PosterPdf.Bi(status(v, first), second == null ? null : status(v, second));
        }
        return new PosterPdf.Row(v.time(), name, place, details, v.cancelled(), status);
    }

    private String details(CalendarViews.OccurrenceView v, Lang l) {
        List<String> parts = new ArrayList<>();
        parts.add(text(l, "activityKind." + v.kind()));
        parts.add(text(l, v.ages().key(), v.ages().a(), v.ages().b()));
        if (v.free()) {
            parts.add(text(l, "calendar.free"));
        } else if (!v.price().isEmpty()) {
            parts.add(v.price().get(l));
        }
        if (v.registrationRequired()) {
            parts.add(text(l, "calendar.registration"));
        }
        return String.join(" · ", parts);
    }

    private String status(CalendarViews.OccurrenceView v, Lang l) {
        String reason = v.reason().get(l);
        String head = v.cancelled() ? text(l, "calendar.cancelled").toUpperCase(l.locale())
                : text(l, "calendar.movedReason", DAY.format(v.originalDate())).replaceAll(":$", "");
        return reason.isEmpty() ? head : head + ": " + reason;
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
    private String calendarUrl(MultiValueMap<String, String> query, LocalDate monday, List<Lang> langs,
            HttpServletRequest request) {
        String base = urls.base();
        UriComponentsBuilder b = UriComponentsBuilder.fromUriString(base).path("/calendar");
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

    private PosterPdf.Bi bi(Lang first, Lang second, String key, Object... args) {
        return new PosterPdf.Bi(text(first, key, args), second == null ? null : text(second, key, args));
    }

    private String text(Lang l, String key, Object... args) {
        return messages.getMessage(key, args, l.locale());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
