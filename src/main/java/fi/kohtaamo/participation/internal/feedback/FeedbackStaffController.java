package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.participation.FeedbackAction;
import fi.kohtaamo.participation.internal.feedback.FeedbackFigures.PlaceFaces;
import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.Csv;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.SmallNumbers;
import fi.kohtaamo.shared.Spreadsheet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of quick feedback under {@code /admin/participation/feedback}: the answers per face, place and
 * period under the small-number rule (page, CSV, Excel), a place's answers per session under the same rule, and a
 * place's free texts — all of them for the place's
 * staff, who mark them seen; only those seen for coordinators.
 */
@Controller
class FeedbackStaffController {

    private final FeedbackService service;
    private final FeedbackFigures figures;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;
    private final fi.kohtaamo.shared.PublicUrls urls;
    private final ActivityCalendar calendar;

    FeedbackStaffController(FeedbackService service, FeedbackFigures figures, Registry registry, MessageSource messages,
            Clock clock, fi.kohtaamo.shared.PublicUrls urls, ActivityCalendar calendar) {
        this.urls = urls;
        this.calendar = calendar;
        this.service = service;
        this.figures = figures;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
    }

    /** The period asked for: months from..to, by default the last six months up to this one. */
    record Period(YearMonth from, YearMonth to) {
        LocalDate firstDay() {
            return from.atDay(1);
        }

        LocalDate lastDay() {
            return to.atEndOfMonth();
        }

        String query() {
            return "from=" + from + "&to=" + to;
        }
    }

    private Period period(String from, String to) {
        YearMonth now = YearMonth.now(clock.withZone(ClockConfig.ZONE));
        YearMonth t = month("to", to, now);
        YearMonth f = month("from", from, t.minusMonths(5));
        if (f.isAfter(t) || f.isBefore(t.minusMonths(35))) {
            throw new KohtaamoException.BadParameter("from");
        }
        return new Period(f, t);
    }

    private static YearMonth month(String name, String raw, YearMonth blank) {
        if (raw == null || raw.isBlank()) {
            return blank;
        }
        try {
            YearMonth m = YearMonth.parse(raw.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw new KohtaamoException.BadParameter(name);
            }
            return m;
        } catch (DateTimeParseException e) {
            throw new KohtaamoException.BadParameter(name);
        }
    }

    private static void requireAny(Actor actor) {
        if (!AccessControl.mayEver(actor, FeedbackAction.VIEW)) {
            throw new KohtaamoException.Forbidden(FeedbackAction.VIEW.name());
        }
    }

    /** One row of the counts: a place's name and its protected figures. */
    record Row(Registry.StaffPlace place, PlaceFaces figures) {
    }

    private List<Row> rows(Actor actor, Period period) {
        List<Registry.StaffPlace> places = registry.placesInScope(AccessControl.scope(actor, FeedbackAction.VIEW));
        Map<Long, PlaceFaces> faces = figures.faces(places.stream().map(Registry.StaffPlace::id).toList(),
                period.from(), period.to());
        List<Row> rows = new ArrayList<>();
        for (Registry.StaffPlace p : places) {
            rows.add(new Row(p, faces.get(p.id())));
        }
        return rows;
    }

    @GetMapping("/admin/participation/feedback")
    String counts(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Actor actor,
            Lang lang, Model model) {
        requireAny(actor);
        Period period = period(from, to);
        model.addAttribute("period", period);
        model.addAttribute("rows", rows(actor, period));
        model.addAttribute("faces", FeedbackPageController.FACES);
        model.addAttribute("mayTexts", AccessControl.mayEver(actor, FeedbackAction.READ_TEXTS));
        return "participation/feedback/counts";
    }

    @GetMapping("/admin/participation/feedback.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Actor actor, Lang lang) {
        requireAny(actor);
        Period period = period(from, to);
        return Csv.download("feedback-" + period.from() + "-" + period.to() + ".csv", table(actor, period, lang));
    }

    @GetMapping("/admin/participation/feedback.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            Actor actor, Lang lang) {
        requireAny(actor);
        Period period = period(from, to);
        String title = messages.getMessage("feedback.counts.title", null, lang.locale());
        return Spreadsheet.download("feedback-" + period.from() + "-" + period.to() + ".xlsx",
                List.of(new Spreadsheet.Sheet(title, List.of(title + " " + period.from() + "–" + period.to(),
                        messages.getMessage("feedback.counts.small", null, lang.locale())), table(actor, period, lang))));
    }

    /** The counts as a table: a header, then per place its name, each face and the total ("<5" where small). */
    private List<List<Object>> table(Actor actor, Period period, Lang lang) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> head = new ArrayList<>();
        head.add(messages.getMessage("feedback.counts.place", null, lang.locale()));
        for (FeedbackPageController.Face f : FeedbackPageController.FACES) {
            head.add(messages.getMessage(f.key(), null, lang.locale()));
        }
        head.add(messages.getMessage("feedback.counts.total", null, lang.locale()));
        rows.add(head);
        for (Row r : rows(actor, period)) {
            List<Object> row = new ArrayList<>();
            row.add(r.place().name().get(lang));
            for (SmallNumbers.Sum s : r.figures().faces().values()) {
                row.add(cell(s));
            }
            row.add(cell(r.figures().total()));
            rows.add(row);
        }
        return rows;
    }

    private static Object cell(SmallNumbers.Sum s) {
        return s.hidden() ? "<5" : (Object) s.value();
    }

    @GetMapping("/admin/participation/feedback/places/{id}")
    String texts(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Actor actor, Model model) {
        long placeId = PathIds.orNotFound(id);
        var target = service.require(actor, FeedbackAction.READ_TEXTS, placeId);
        Period period = period(from, to);
        model.addAttribute("place", registry.staffPlace(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place")));
        model.addAttribute("period", period);
        model.addAttribute("texts", service.texts(actor, placeId, period.firstDay(), period.lastDay()));
        model.addAttribute("maySee", AccessControl.allows(actor, FeedbackAction.MARK_SEEN, target));
        return "participation/feedback/texts";
    }

    /** A session's row: its activity's name (null outside sessions or for a removed activity) and its figures. */
    record SessionRow(fi.kohtaamo.shared.LocalizedText name, FeedbackFigures.SessionFaces figures) {
    }

    /** A place's answers per session of the period, under the small-number rule (the counts' own action). */
    @GetMapping("/admin/participation/feedback/places/{id}/sessions")
    String sessions(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Actor actor, Model model) {
        long placeId = PathIds.orNotFound(id);
        service.require(actor, FeedbackAction.VIEW, placeId);
        Period period = period(from, to);
        Map<Long, fi.kohtaamo.shared.LocalizedText> names = new java.util.HashMap<>();
        List<SessionRow> rows = figures.sessions(placeId, period.firstDay(), period.lastDay()).stream()
                .map(s -> new SessionRow(s.activityId() == null ? null : names.computeIfAbsent(s.activityId(),
                        a -> calendar.activity(a).map(ActivityCalendar.ActivityRef::name).orElse(null)), s))
                .toList();
        model.addAttribute("place", registry.staffPlace(placeId).orElseThrow(() -> new KohtaamoException.NotFound("place")));
        model.addAttribute("period", period);
        model.addAttribute("sessions", rows);
        model.addAttribute("faces", FeedbackPageController.FACES);
        return "participation/feedback/sessions";
    }

    @PostMapping("/admin/participation/feedback/places/{id}/seen")
    String seen(@PathVariable String id, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Actor actor) {
        long placeId = PathIds.orNotFound(id);
        service.require(actor, FeedbackAction.MARK_SEEN, placeId);
        Period period = period(from, to);
        service.markSeen(actor, placeId, period.firstDay(), period.lastDay());
        return "redirect:/admin/participation/feedback/places/" + placeId + "?" + period.query() + "&seen";
    }

    /** The printable A5 card of a place in fi, sv, en or fi+sv ({@code lang=fisv}). */
    @GetMapping("/admin/participation/feedback/places/{id}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable String id, @RequestParam(name = "lang", required = false) String language,
            Actor actor) {
        long placeId = PathIds.orNotFound(id);
        service.require(actor, FeedbackAction.VIEW, placeId);
        List<Lang> langs = switch (language == null ? "fi" : language) {
            case "fi" -> List.of(Lang.FI);
            case "sv" -> List.of(Lang.SV);
            case "en" -> List.of(Lang.EN);
            case "fisv", "fi-sv" -> List.of(Lang.FI, Lang.SV);
            default -> throw new KohtaamoException.BadParameter("lang");
        };
        Registry.StaffPlace place = service.publishedPlace(placeId);
        List<FeedbackCardPdf.Side> sides = langs.stream().map(l -> new FeedbackCardPdf.Side(l.code(),
                messages.getMessage("feedback.card.title", null, l.locale()),
                messages.getMessage("feedback.card.text", null, l.locale()))).toList();
        String url = urls.of("/f/" + FeedbackPageController.shortCode(placeId));
        String name = place.name().get(langs.get(0));
        if (langs.size() > 1 && place.name().exact(langs.get(1)) != null && !place.name().exact(langs.get(1)).equals(name)) {
            name += " / " + place.name().exact(langs.get(1));
        }
        byte[] pdf = FeedbackCardPdf.render(langs.get(0).code(), sides.get(0).title() + " – " + name, name, sides, url);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename("feedback-card-" + placeId + ".pdf").build().toString())
                .body(pdf);
    }
}
