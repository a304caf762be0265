package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.Spreadsheet;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The report as an Excel workbook: one sheet per table of the report page, each headed by the report's title, the
 * period and the one compared with, the breakdown and filters, the number of places and the small-number note, so
 * that a sheet copied elsewhere still says what it is. Figures are numbers; a hidden one is the text "<5", as on
 * the page.
 */
@Component
class ReportWorkbook {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");

    private final MessageSource messages;
    private final Registry registry;
    private final ReportService reports;

    ReportWorkbook(MessageSource messages, Registry registry, ReportService reports) {
        this.messages = messages;
        this.registry = registry;
        this.reports = reports;
    }

    private String t(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    /** The page's tables, as the controller works them out (the chart's months, age bands, referrals, the breakdown). */
    record Tables(ReportController.Chart chart, ReportController.AgeChart ageChart,
            List<ReportController.ReferralRow> referrals, List<List<Object>> breakdown) {
    }

    ResponseEntity<byte[]> download(Actor actor, Lang lang, ReportController.Request request, ReportService.Report report,
            Tables tables) {
        return Spreadsheet.download("kohtaamo-report-" + request.period().from() + "--" + request.period().to() + ".xlsx",
                sheets(actor, lang, request, report, tables));
    }

    List<Spreadsheet.Sheet> sheets(Actor actor, Lang lang, ReportController.Request request, ReportService.Report report,
            Tables tables) {
        List<String> about = List.of(
                t("monitoring.report.export.compared", lang, DAY.format(report.previous().from()),
                        DAY.format(report.previous().to())),
                t("monitoring.report.export.breakdown", lang, t("monitoring.breakdown." + request.breakdown(), lang)),
                filters(actor, lang, request.filter()),
                t("monitoring.report.places", lang, report.places()),
                t("monitoring.report.privacy", lang) + " " + t("monitoring.report.privacyTotals", lang));
        String title = t("monitoring.report.title", lang) + " " + DAY.format(report.period().from()) + "–"
                + DAY.format(report.period().to());
        Function<String, List<String>> notes = caption -> {
            List<String> n = new ArrayList<>();
            n.add(title);
            n.add(caption);
            n.addAll(about);
            return n;
        };
        List<Spreadsheet.Sheet> sheets = new ArrayList<>();

        Map<Figure, String> changes = ReportChange.of(report, messages, lang);
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of(t("monitoring.report.figure", lang), t("monitoring.report.thisPeriod", lang),
                t("monitoring.report.previousPeriod", lang, DAY.format(report.previous().from()),
                        DAY.format(report.previous().to())), t("monitoring.report.change", lang)));
        for (Figure f : Figure.values()) {
            summary.add(List.of(t("monitoring.figure." + f, lang),
                    report.hidden(-1, f) ? "<5" : report.total().current().get(f),
                    report.hiddenPrevious(f) ? "<5" : report.total().previous().get(f), changes.get(f)));
        }
        sheets.add(new Spreadsheet.Sheet(t("monitoring.report.sheet.summary", lang),
                notes.apply(t("monitoring.report.summaryCaption", lang)), summary));

        ReportService.MonthlyPerPlace mpp = report.monthlyPerPlace();
        sheets.add(new Spreadsheet.Sheet(t("monitoring.report.sheet.monthlyPerPlace", lang),
                notes.apply(t("monitoring.report.sheet.monthlyPerPlace", lang)), List.of(
                        List.of(t("monitoring.report.min", lang), t("monitoring.report.median", lang),
                                t("monitoring.report.max", lang), t("monitoring.report.openingDays", lang)),
                        List.of(mpp.minHidden() ? "<5" : mpp.min(), mpp.medianHidden() ? "<5" : mpp.median(),
                                mpp.maxHidden() ? "<5" : mpp.max(), Math.round(report.openingDaysPerWeek() * 10) / 10.0))));

        List<List<Object>> months = new ArrayList<>();
        months.add(List.of(t("monitoring.report.month", lang), t("monitoring.figure.VISITORS", lang)));
        tables.chart().bars().forEach(b -> months.add(List.of(b.label(), b.hidden() ? "<5" : b.value())));
        sheets.add(new Spreadsheet.Sheet(t("monitoring.report.byMonth", lang), notes.apply(t("monitoring.report.byMonth", lang)),
                months));

        List<List<Object>> ages = new ArrayList<>();
        ages.add(List.of(t("monitoring.report.ageBand", lang), t("monitoring.report.thisPeriod", lang),
                t("monitoring.report.previousPeriodShort", lang)));
        tables.ageChart().bars().forEach(b -> ages.add(List.of(t("monitoring.figure." + b.band(), lang),
                b.currentHidden() ? "<5" : b.current(), b.previousHidden() ? "<5" : b.previous())));
        sheets.add(new Spreadsheet.Sheet(t("monitoring.report.byAge", lang), notes.apply(t("monitoring.report.byAge", lang)), ages));

        sheets.add(new Spreadsheet.Sheet(t("monitoring.breakdown." + request.breakdown(), lang),
                notes.apply(t("monitoring.report.by." + request.breakdown(), lang)), tables.breakdown()));

        // the figures other modules contribute: the page's table (breakdown rows, total, previous period's total)
        ReportContributed.Table contributed = report.contributed();
        if (!contributed.isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            List<Object> head = new ArrayList<>();
            head.add(t("monitoring.breakdown." + request.breakdown(), lang));
            contributed.keys().forEach(k -> head.add(contributed.labels().get(k).get(lang)));
            rows.add(head);
            for (int i = 0; i < report.rows().size(); i++) {
                List<Object> row = new ArrayList<>();
                row.add(report.rows().get(i).label().get(lang));
                for (String k : contributed.keys()) {
                    row.add(contributed.hidden(i, k) ? "<5" : contributed.rows().get(i).get(k));
                }
                rows.add(row);
            }
            List<Object> total = new ArrayList<>();
            total.add(t("monitoring.report.total", lang));
            contributed.keys().forEach(k -> total.add(contributed.hidden(-1, k) ? "<5" : contributed.total().get(k)));
            rows.add(total);
            List<Object> previous = new ArrayList<>();
            previous.add(t("monitoring.report.previousPeriodShort", lang));
            contributed.keys().forEach(k -> previous.add(contributed.hiddenPrevious().contains(k) ? "<5"
                    : contributed.previous().get(k)));
            rows.add(previous);
            sheets.add(new Spreadsheet.Sheet(t("monitoring.report.sheet.contributed", lang),
                    notes.apply(t("monitoring.report.contributed", lang) + " – "
                            + t("monitoring.report.by." + request.breakdown(), lang)), rows));
        }

        if (report.outreach().total() > 0) {
            for (String kind : List.of("byProfession", "byTopic")) {
                List<List<Object>> rows = new ArrayList<>();
                rows.add(List.of(t("monitoring.report.outreach." + kind + ".name", lang),
                        t("monitoring.report.outreach.visits", lang), t("monitoring.report.outreach.families", lang)));
                (kind.equals("byProfession") ? report.outreach().byProfession() : report.outreach().byTopic())
                        .forEach(r -> rows.add(List.of(r.name().get(lang), r.visits(),
                                r.familiesHidden() ? "<5" : r.familiesReached())));
                String caption = t("monitoring.report.outreach." + kind, lang);
                sheets.add(new Spreadsheet.Sheet(caption, notes.apply(caption), rows));
            }
        }

        if (!report.outliers().isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of(t("monitoring.breakdown.PLACE", lang), t("monitoring.field.date", lang),
                    t("monitoring.short.VISITORS", lang), t("monitoring.report.usual", lang)));
            report.outliers().forEach(o -> rows.add(List.of(o.place().get(lang), DAY.format(o.date()), o.visitors(),
                    o.placeAverage())));
            sheets.add(new Spreadsheet.Sheet(t("monitoring.report.outliers", lang),
                    notes.apply(t("monitoring.report.outliersCaption", lang)), rows));
        }

        List<List<Object>> referrals = new ArrayList<>();
        referrals.add(List.of(t("monitoring.report.service", lang), t("monitoring.report.families", lang),
                t("monitoring.report.guidedHere", lang)));
        tables.referrals().forEach(r -> referrals.add(List.of(r.name().get(lang),
                r.hidden() ? "<5" : r.value(), r.hereHidden() ? "<5" : r.here())));
        sheets.add(new Spreadsheet.Sheet(t("monitoring.referrals.title", lang), notes.apply(t("monitoring.referrals.title", lang)),
                referrals));
        return sheets;
    }

    /** The report's filters in words ("Area: Espoon keskus; Kind of place: Family café"), or that there are none. */
    private String filters(Actor actor, Lang lang, ReportService.Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.countyId() != null) {
            parts.add(t("monitoring.report.export.county", lang) + ": "
                    + registry.county(filter.countyId()).map(c -> c.name().get(lang)).orElse(String.valueOf(filter.countyId())));
        }
        if (filter.areaId() != null) {
            parts.add(t("monitoring.report.area", lang) + ": "
                    + registry.area(filter.areaId()).map(a -> a.name().get(lang)).orElse(String.valueOf(filter.areaId())));
        }
        if (filter.municipalityCode() != null) {
            String name = reports.filterOptions(actor, lang).municipalities().stream()
                    .filter(o -> o.value().equals(filter.municipalityCode())).map(Option::label).findFirst()
                    .orElse(filter.municipalityCode());
            parts.add(t("monitoring.report.municipality", lang) + ": " + name);
        }
        if (filter.organisationId() != null) {
            parts.add(t("monitoring.report.organisation", lang) + ": " + registry.organisation(filter.organisationId())
                    .map(o -> o.name().get(lang)).orElse(String.valueOf(filter.organisationId())));
        }
        if (filter.kind() != null) {
            parts.add(t("monitoring.report.kind", lang) + ": " + t("placeKind." + filter.kind(), lang));
        }
        if (filter.placeId() != null) {
            parts.add(t("monitoring.report.export.place", lang) + ": "
                    + registry.place(filter.placeId()).map(p -> p.name().get(lang)).orElse(String.valueOf(filter.placeId())));
        }
        return parts.isEmpty() ? t("monitoring.report.export.noFilters", lang)
                : t("monitoring.report.export.filters", lang, String.join("; ", parts));
    }
}
