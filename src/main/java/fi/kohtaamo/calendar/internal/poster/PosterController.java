package fi.kohtaamo.calendar.internal.poster;

import fi.kohtaamo.calendar.internal.CalendarViews;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarParams;

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
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.PublicResponses;
import java.util.TreeMap;
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

    /** Weeks offered in the form, from this week on. */
    static final int WEEKS_OFFERED = 12;
    static final List<String> LANGUAGES = List.of("fi", "sv", "en", "fi-sv");
    private static final Set<String> SCOPE = Set.of("area", "municipality", "place");

    private final PosterContent content;
    private final CalendarParams params;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;
    private final PublicDataCache cache;
    private final PosterRenders renders;

    PosterController(PosterContent content, CalendarParams params, Registry registry, MessageSource messages,
            Clock clock, PublicDataCache cache, PosterRenders renders) {
        this.cache = cache;
        this.renders = renders;
        this.content = content;
        this.params = params;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    /** A drawn poster as the public cache keeps it, weighed by its size. */
    record PosterFile(byte[] pdf) implements PublicDataCache.Sized {

        @Override
        public int bytes() {
            return pdf.length;
        }
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
        PublicResponses.keep(); // kept only when it is a 200
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
        // kept until the data changes; drawn one at a time (PosterRenders). The key: what the poster depends on
        // besides the data, the filters as the QR code's address repeats them
        Map<String, List<String>> asked = new TreeMap<>();
        for (String name : CalendarParams.FILTER_NAMES) {
            asked.put(name, query.getOrDefault(name, List.of()).stream().filter(v -> v != null && !v.isBlank())
                    .map(String::strip).toList());
        }
        byte[] pdf = cache.get(List.of("poster.pdf", options.filter(), options.monday(), options.languages(), asked,
                        LocalDate.now(clock)), // the poster says the day it was printed
                () -> renders.run(() -> new PosterFile(PosterPdf.render(content.poster(options.filter(),
                        options.monday(), options.languages(), query)).pdf()))).pdf();
        PublicResponses.keep();
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
}
