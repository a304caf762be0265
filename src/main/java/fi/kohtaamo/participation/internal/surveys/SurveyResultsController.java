package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.participation.internal.surveys.SurveyResults.Figures;
import fi.kohtaamo.participation.internal.surveys.SurveyResults.Raw;
import fi.kohtaamo.participation.internal.surveys.SurveyResults.Responses;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Csv;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PathIds;
import fi.kohtaamo.shared.Spreadsheet;
import fi.kohtaamo.shared.TablePdf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A survey round's results beside the previous round's, for the places of the survey in the reader's scope: all
 * of them, one area or one place ({@code ?area=} / {@code ?place=}); as a page with SVG charts and their tables,
 * and as CSV, Excel and PDF with the same figures ({@link SurveyResults} protects them).
 */
@Controller
class SurveyResultsController {

    private final SurveyService service;
    private final SurveyResults results;
    private final SurveyQueries queries;
    private final SurveyLabels labels;
    private final Registry registry;

    SurveyResultsController(SurveyService service, SurveyResults results, SurveyQueries queries, SurveyLabels labels,
            Registry registry) {
        this.service = service;
        this.results = results;
        this.queries = queries;
        this.labels = labels;
        this.registry = registry;
    }

    /** One answer's row: this round's count and share, the previous round's (null when not shown). */
    record Row(String label, String lang, long count, int percent, Long previous, Integer previousPercent) {
    }

    /** A question's results; {@code shown}/{@code previousShown} false: fewer than 5 answered. */
    record QuestionResult(int number, Question question, String text, String textLang, boolean shown, long answered,
            boolean previousShown, long previousAnswered, List<Row> rows, List<String> texts) {
    }

    /** The responses of a place or an area: text shown for this round and the previous one. */
    record Breakdown(String name, String lang, String count, String previous) {
    }

    record View(Survey survey, Survey previous, String scopeName, String scopeLang, Responses responses,
            Responses previousResponses, List<QuestionResult> questions, List<Breakdown> places,
            List<Breakdown> areas, List<Option> placeOptions, List<Option> areaOptions, String place, String area) {
    }

    static String small(long value) {
        return value == 0 ? "0" : SurveyResults.shown(value) ? String.valueOf(value) : "<5";
    }

    View view(Actor actor, long surveyId, String placeParam, String areaParam, Lang lang) {
        Survey s = service.readable(actor, surveyId);
        List<Long> readable = service.readablePlaces(actor, s);
        Map<Long, Registry.Ref> areaOf = new LinkedHashMap<>();
        Map<Long, LocalizedText> placeNames = new LinkedHashMap<>();
        for (long p : readable) {
            placeNames.put(p, registry.place(p).map(Registry.Ref::name).orElse(LocalizedText.of("?", null, null)));
            registry.areaOfPlace(p).flatMap(registry::area).ifPresent(a -> areaOf.put(p, a));
        }
        List<Long> places = readable;
        LocalizedText scopeName = null;
        String place = "";
        String area = "";
        if (placeParam != null && !placeParam.isBlank()) {
            long p = parse(placeParam, "place");
            if (!readable.contains(p)) {
                throw new KohtaamoException.BadParameter("place");
            }
            places = List.of(p);
            scopeName = placeNames.get(p);
            place = String.valueOf(p);
        } else if (areaParam != null && !areaParam.isBlank()) {
            long a = parse(areaParam, "area");
            places = readable.stream().filter(p -> areaOf.containsKey(p) && areaOf.get(p).id() == a).toList();
            if (places.isEmpty()) {
                throw new KohtaamoException.BadParameter("area");
            }
            scopeName = areaOf.get(places.get(0)).name();
            area = String.valueOf(a);
        }
        Survey previous = s.previousId() == null ? null : queries.survey(s.previousId()).orElse(null);
        Raw raw = results.raw(s.id());
        Raw prevRaw = previous == null ? null : results.raw(previous.id());
        List<Question> prevQuestions = previous == null ? List.of() : queries.questions(previous.id());
        List<QuestionResult> out = new ArrayList<>();
        int n = 0;
        for (Question q : queries.questions(s.id())) {
            Figures f = SurveyResults.figures(raw, q, places);
            Question pq = prevQuestions.stream().filter(x -> x.code().equals(q.code()) && x.kind() == q.kind())
                    .findFirst().orElse(null);
            Figures pf = pq == null ? Figures.HIDDEN : SurveyResults.figures(prevRaw, pq, places);
            List<Row> rows = new ArrayList<>();
            if (q.kind() != Kind.TEXT) {
                for (Option o : labels.options(q, lang)) {
                    long c = f.count(o.value());
                    Long pc = pf.shown() && pq.codes().contains(o.value()) ? pf.count(o.value()) : null;
                    rows.add(new Row(o.label(), o.lang(), c, percent(c, f.answered()), pc,
                            pc == null ? null : percent(pc, pf.answered())));
                }
            }
            out.add(new QuestionResult(++n, q, q.text().get(lang), q.text().shownLanguage(lang).code(), f.shown(),
                    f.answered(), pf.shown(), pf.answered(), rows, f.texts()));
        }
        List<Breakdown> placeRows = new ArrayList<>();
        for (long p : places) {
            LocalizedText name = placeNames.get(p);
            placeRows.add(new Breakdown(name.get(lang), name.shownLanguage(lang).code(),
                    small(raw.responses().getOrDefault(p, 0L)),
                    prevRaw == null ? "" : small(prevRaw.responses().getOrDefault(p, 0L))));
        }
        List<Breakdown> areaRows = new ArrayList<>();
        Map<Long, List<Long>> byArea = new LinkedHashMap<>();
        places.forEach(p -> {
            if (areaOf.containsKey(p)) {
                byArea.computeIfAbsent(areaOf.get(p).id(), k -> new ArrayList<>()).add(p);
            }
        });
        byArea.forEach((a, ps) -> {
            LocalizedText name = areaOf.get(ps.get(0)).name();
            Responses r = SurveyResults.responses(raw, ps);
            areaRows.add(new Breakdown(name.get(lang), name.shownLanguage(lang).code(), small(r.count()),
                    prevRaw == null ? "" : small(SurveyResults.responses(prevRaw, ps).count())));
        });
        List<Option> placeOptions = readable.stream().map(p -> Option.of(String.valueOf(p), placeNames.get(p), lang))
                .toList();
        Map<Long, Option> areaOptions = new LinkedHashMap<>();
        areaOf.values().forEach(a -> areaOptions.putIfAbsent(a.id(), Option.of(String.valueOf(a.id()), a.name(), lang)));
        return new View(s, previous, scopeName == null ? null : scopeName.get(lang),
                scopeName == null ? null : scopeName.shownLanguage(lang).code(), SurveyResults.responses(raw, places),
                prevRaw == null ? null : SurveyResults.responses(prevRaw, places), out, placeRows, areaRows,
                placeOptions, List.copyOf(areaOptions.values()), place, area);
    }

    private static long parse(String raw, String name) {
        if (!raw.strip().matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(raw.strip());
    }

    static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }

    @GetMapping(SurveyPageController.BASE + "/{id}/results")
    String page(@PathVariable String id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String area, Actor actor, Lang lang, Model model) {
        View v = view(actor, PathIds.orNotFound(id), place, area, lang);
        model.addAttribute("v", v);
        model.addAttribute("title", v.survey().title().get(lang));
        model.addAttribute("titleLang", v.survey().title().shownLanguage(lang).code());
        model.addAttribute("query", (v.place().isEmpty() ? "" : "place=" + v.place())
                + (v.area().isEmpty() ? "" : "area=" + v.area()));
        return "participation/surveys/results";
    }

    // ---- downloads ------------------------------------------------------------------------------

    private List<List<Object>> table(View v, Lang lang) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(labels.message("surveys.results.question", lang), labels.message("surveys.results.answer",
                lang), labels.message("surveys.results.count", lang), labels.message("surveys.results.percent", lang),
                labels.message("surveys.results.previousCount", lang),
                labels.message("surveys.results.previousPercent", lang)));
        for (QuestionResult q : v.questions()) {
            String title = q.number() + ". " + q.text();
            if (!q.shown()) {
                rows.add(List.of(title, labels.message("surveys.results.hidden", lang), "<5", "", "", ""));
                continue;
            }
            // free texts themselves are on the page only (staff in scope); the download counts them
            for (Row r : q.rows()) {
                rows.add(List.of(title, r.label(), r.count(), r.percent(), r.previous() == null ? "" : r.previous(),
                        r.previousPercent() == null ? "" : r.previousPercent()));
            }
            rows.add(List.of(title, labels.message("surveys.results.answered", lang), q.answered(), "",
                    q.previousShown() ? q.previousAnswered() : "", ""));
        }
        return rows;
    }

    private List<List<Object>> placeTable(View v, Lang lang) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(labels.message("surveys.results.place", lang), labels.message("surveys.results.responses",
                lang), labels.message("surveys.results.previousResponses", lang)));
        v.places().forEach(b -> rows.add(List.of(b.name(), b.count(), b.previous())));
        return rows;
    }

    private String filename(View v, String ext) {
        return "kohtaamo-survey-" + v.survey().id() + (v.place().isEmpty() ? "" : "-place-" + v.place())
                + (v.area().isEmpty() ? "" : "-area-" + v.area()) + "." + ext;
    }

    private List<String> notes(View v, Lang lang) {
        List<String> notes = new ArrayList<>();
        notes.add(v.survey().title().get(lang) + " " + v.survey().opensOn() + "–" + v.survey().closesOn());
        if (v.scopeName() != null) {
            notes.add(v.scopeName());
        }
        notes.add(labels.message("surveys.results.responsesNote", lang, v.responses().count(),
                v.responses().placesLeftOut()));
        notes.add(labels.message("surveys.results.rule", lang));
        return notes;
    }

    @GetMapping(SurveyPageController.BASE + "/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String area, Actor actor, Lang lang) {
        View v = view(actor, PathIds.orNotFound(id), place, area, lang);
        return Csv.download(filename(v, "csv"), table(v, lang));
    }

    @GetMapping(SurveyPageController.BASE + "/{id}/results.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String area, Actor actor, Lang lang) {
        View v = view(actor, PathIds.orNotFound(id), place, area, lang);
        return Spreadsheet.download(filename(v, "xlsx"), List.of(
                new Spreadsheet.Sheet(labels.message("surveys.results.sheet", lang), notes(v, lang), table(v, lang)),
                new Spreadsheet.Sheet(labels.message("surveys.results.placesSheet", lang), notes(v, lang),
                        placeTable(v, lang))));
    }

    @GetMapping(SurveyPageController.BASE + "/{id}/results.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(required = false) String place,
            @RequestParam(required = false) String area, Actor actor, Lang lang) {
        View v = view(actor, PathIds.orNotFound(id), place, area, lang);
        List<TablePdf.Table> tables = new ArrayList<>();
        for (List<List<Object>> t : List.of(table(v, lang), placeTable(v, lang))) {
            tables.add(new TablePdf.Table(String.valueOf(t.get(0).get(0)), t.get(0).stream().map(String::valueOf)
                    .toList(), t.subList(1, t.size()).stream().map(r -> r.stream().map(String::valueOf).toList())
                    .toList()));
        }
        byte[] body = TablePdf.render(lang.code(), v.survey().title().get(lang), notes(v, lang), tables);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename(v, "pdf"))
                        .build().toString())
                .body(body);
    }
}
