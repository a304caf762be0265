package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.ServiceTypes;
import fi.kohtaamo.monitoring.internal.ReportService.Breakdown;
import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Csv;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.QueryParams;
import fi.kohtaamo.shared.StaffNavigation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report page (figures of the period beside the previous one, visitors by month as an SVG chart
 * with its table, the breakdown, referrals) and its CSV. Parameters are read here: anything malformed is a
 * translated 400, never an error.
 */
@Controller
class ReportController {

    static final int MAX_DAYS = 3700;

    private final ReportService reports;
    private final CountService counts;
    private final MessageSource messages;
    private final ReportPage page;
    private final ReportWorkbook workbook;
    private final ReportPdf pdf;
    private final ServiceTypes types;

    ReportController(ReportService reports, CountService counts, MessageSource messages,
            ReportPage page, ReportWorkbook workbook, ReportPdf pdf, ServiceTypes types) {
        this.types = types;
        this.workbook = workbook;
        this.pdf = pdf;
        this.reports = reports;
        this.counts = counts;
        this.messages = messages;
        this.page = page;
    }

    @Component
    static class Navigation implements StaffNavigation {
        @Override
        public List<Item> items(Actor actor) {
            return AccessControl.mayEver(actor, MonitoringAction.REPORT_VIEW)
                    ? List.of(new Item("monitoring.nav.reports", "/admin/reports", 46)) : List.of();
        }
    }

    /** The checked request: filter, period, breakdown. */
    record Request(ReportService.Filter filter, ReportService.Period period, Breakdown breakdown) {
    }

    Request request(Map<String, String> q) {
        LocalDate today = counts.today();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        LocalDate from = month(q.get("from"), "from", last, false);
        LocalDate to = month(q.get("to"), "to", last, true);
        if (to.isBefore(from)) {
            throw new KohtaamoException.BadParameter("to", "report-months");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new KohtaamoException.BadParameter("to");
        }
        Breakdown breakdown = choice(q.get("breakdown"), Breakdown.class, "breakdown", Breakdown.PLACE);
        PlaceKind kind = choice(q.get("kind"), PlaceKind.class, "kind", null);
        String municipality = blank(q.get("municipality"));
        if (municipality != null && !municipality.matches("^[0-9]{3}$")) {
            throw new KohtaamoException.BadParameter("municipality");
        }
        return new Request(new ReportService.Filter(id(q.get("county"), "county"), id(q.get("area"), "area"), municipality,
                id(q.get("organisation"), "organisation"), kind, id(q.get("place"), "place")),
                new ReportService.Period(from, to), breakdown);
    }

    /**
     * A month as the form sends it ("2026-10"), or a date that starts ({@code end} false) or ends a month, as
     * older links have it; anything else is refused with the message that reports cover whole months.
     */
    static LocalDate month(String raw, String name, YearMonth fallback, boolean end) {
        String s = blank(raw);
        if (s == null) {
            return end ? fallback.atEndOfMonth() : fallback.atDay(1);
        }
        if (s.matches("^[0-9]{4}-[0-9]{2}$")) {
            try {
                YearMonth m = YearMonth.parse(s);
                return end ? m.atEndOfMonth() : m.atDay(1);
            } catch (java.time.format.DateTimeParseException e) {
                throw new KohtaamoException.BadParameter(name, "report-months");
            }
        }
        LocalDate d = QueryParams.date(s, name, null);
        if (end ? d.getDayOfMonth() != d.lengthOfMonth() : d.getDayOfMonth() != 1) {
            throw new KohtaamoException.BadParameter(name, "report-months");
        }
        return d;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Long id(String raw, String name) {
        String s = blank(raw);
        if (s == null) {
            return null;
        }
        if (!s.matches("^[0-9]{1,18}$")) {
            throw new KohtaamoException.BadParameter(name);
        }
        return Long.parseLong(s);
    }

    private static <E extends Enum<E>> E choice(String raw, Class<E> type, String name, E fallback) {
        String s = blank(raw);
        if (s == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw new KohtaamoException.BadParameter(name);
    }

    private String t(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    @GetMapping("/admin/reports")
    String page(@RequestParam Map<String, String> q, Actor actor, Lang lang, Model model,
            jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        if (!AccessControl.mayEver(actor, MonitoringAction.REPORT_VIEW)) {
            throw new KohtaamoException.Forbidden("REPORT_VIEW");
        }
        Request r = request(q);
        ReportService.Kept kept = reports.kept(actor, r.filter(), r.period(), r.breakdown());
        ReportService.Report report = kept.report();
        model.addAttribute("presets", presets(counts.today(), q));
        model.addAttribute("filtersHtml", page.filters(actor, lang, q, r, request, response));
        model.addAttribute("bodyHtml", page.body(kept, lang, q, r, () -> Map.of("changes", ReportChange.of(report, messages, lang),
                "figures", Figure.values(), "columns", ReportPdf.BREAKDOWN_COLUMNS, "chart", chart(report, lang),
                "ageChart", ageChart(report), "referrals", referrals(report)), request, response));
        return "monitoring/report";
    }

    /** Ready-made periods: last month, this year so far, last year, with the other parameters kept. */
    private List<Map<String, String>> presets(LocalDate today, Map<String, String> q) {
        List<Map<String, String>> out = new ArrayList<>();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        out.add(preset("monitoring.report.lastMonth", last.atDay(1), last.atEndOfMonth(), q));
        int quarter = (today.getMonthValue() - 1) / 3;
        LocalDate quarterStart = LocalDate.of(today.getYear(), quarter * 3 + 1, 1).minusMonths(3);
        out.add(preset("monitoring.report.lastQuarter", quarterStart, quarterStart.plusMonths(3).minusDays(1), q));
        if (today.getMonthValue() > 1) {
            out.add(preset("monitoring.report.thisYear", LocalDate.of(today.getYear(), 1, 1), last.atEndOfMonth(), q));
        }
        out.add(preset("monitoring.report.lastYear", LocalDate.of(today.getYear() - 1, 1, 1),
                LocalDate.of(today.getYear() - 1, 12, 31), q));
        return out;
    }

    private static Map<String, String> preset(String key, LocalDate from, LocalDate to, Map<String, String> q) {
        StringBuilder url = new StringBuilder("/admin/reports?from=" + YearMonth.from(from) + "&to=" + YearMonth.from(to));
        for (String k : List.of("breakdown", "county", "area", "municipality", "organisation", "kind", "place")) {
            if (q.get(k) != null && !q.get(k).isBlank()) {
                url.append('&').append(k).append('=').append(java.net.URLEncoder.encode(q.get(k), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Map.of("key", key, "url", url.toString());
    }

    /** Visitors by month: sums of the same protected place-months as the table. */
    record Bar(String label, long value, boolean hidden, double x, double height) {
    }

    record Chart(List<Bar> bars, long max, double width) {
    }

    Chart chart(ReportService.Report report, Lang lang) {
        List<YearMonth> months = new ArrayList<>(report.byMonth().keySet());
        long max = 1;
        for (int i = 0; i < months.size(); i++) {
            if (!report.hiddenMonths().contains(months.get(i))) {
                max = Math.max(max, report.byMonth().get(months.get(i)));
            }
        }
        List<Bar> bars = new ArrayList<>();
        // a slot wide enough for "10/2026" and a six-digit value side by side; the tallest bar leaves room for its label
        double slot = 64;
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            boolean h = report.hiddenMonths().contains(m);
            long v = report.byMonth().get(m);
            bars.add(new Bar(m.getMonthValue() + "/" + m.getYear(), v, h, 40 + i * slot, h ? 0 : 180.0 * v / max));
        }
        return new Chart(bars, max, 60 + months.size() * slot);
    }

    /** One age band: this period's and the previous period's children, as the summary table hides them. */
    record AgeBar(Figure band, String label, long current, boolean currentHidden, double currentHeight, long previous,
            boolean previousHidden, double previousHeight, double x) {
    }

    record AgeChart(List<AgeBar> bars, double width) {
    }

    static final List<Figure> AGE_BANDS = List.of(Figure.CHILDREN_UNDER_1, Figure.CHILDREN_1_2, Figure.CHILDREN_3_6,
            Figure.CHILDREN_7_12, Figure.CHILDREN_13_17);
    private static final List<String> AGE_LABELS = List.of("<1", "1–2", "3–6", "7–12", "13–17");

    /**
     * Children by age band, this period beside the previous one. The values and what is hidden are the
     * summary table's (the same suppression: each band against the children's total), so the chart gives
     * nothing away that the table does not.
     */
    AgeChart ageChart(ReportService.Report report) {
        long max = 1;
        for (Figure f : AGE_BANDS) {
            if (!report.hidden(-1, f)) {
                max = Math.max(max, report.total().current().get(f));
            }
            if (!report.hiddenPrevious(f)) {
                max = Math.max(max, report.total().previous().get(f));
            }
        }
        List<AgeBar> bars = new ArrayList<>();
        double slot = 110;
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            Figure f = AGE_BANDS.get(i);
            long now = report.total().current().get(f);
            long before = report.total().previous().get(f);
            boolean nowHidden = report.hidden(-1, f);
            boolean beforeHidden = report.hiddenPrevious(f);
            bars.add(new AgeBar(f, AGE_LABELS.get(i), now, nowHidden, nowHidden ? 0 : 180.0 * now / max, before,
                    beforeHidden, beforeHidden ? 0 : 180.0 * before / max, 40 + i * slot));
        }
        return new AgeChart(bars, 60 + AGE_BANDS.size() * slot);
    }

    /** Families guided onward by service type: sums of the types' protected place-months. */
    record ReferralRow(String code, fi.kohtaamo.shared.LocalizedText name, long value, boolean hidden, long here,
            boolean hereHidden) {
    }

    /**
     * The rows of the referral table: the service types of the report's counties in their coordinators' order (a
     * report over several counties: the first county's list, then the codes only the others have; a code's name is
     * that of the first county that has it); a type out of use only when the period has figures of it. Names are
     * read when the page's body is rendered, not kept with the cached report; a write of the catalogue moves the data
     * version, so a renamed type shows its new name at once.
     */
    List<ReferralRow> referrals(ReportService.Report report) {
        Map<String, ServiceTypes.ServiceType> known = new java.util.LinkedHashMap<>();
        for (long county : report.counties()) {
            types.all(county).forEach(t -> known.putIfAbsent(t.code(), t));
        }
        List<ReferralRow> out = new ArrayList<>();
        for (ServiceTypes.ServiceType t : known.values()) {
            if (t.active() || report.referrals().containsKey(t.code()) || report.guidedHere().containsKey(t.code())) {
                out.add(row(report, t.code(), t.name()));
            }
        }
        java.util.Set<String> others = new java.util.TreeSet<>(report.referrals().keySet());
        others.addAll(report.guidedHere().keySet());
        others.removeAll(known.keySet());
        others.forEach(code -> out.add(row(report, code, fi.kohtaamo.shared.LocalizedText.of(code, null, null))));
        return out;
    }

    private static ReferralRow row(ReportService.Report report, String code, fi.kohtaamo.shared.LocalizedText name) {
        return new ReferralRow(code, name, report.referrals().getOrDefault(code, 0L),
                report.hiddenReferrals().contains(code), report.guidedHere().getOrDefault(code, 0L),
                report.hiddenGuidedHere().contains(code));
    }

    /** The breakdown table as rows for a download: suppressed cells as "<5", like the page. */
    List<List<Object>> tableRows(ReportService.Report report, Breakdown breakdown, Lang lang) {
        List<Figure> columns = List.of(Figure.values());
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(t("monitoring.breakdown." + breakdown, lang));
        columns.forEach(f -> header.add(t("monitoring.figure." + f, lang)));
        rows.add(header);
        // the figures other modules contribute, as further columns under the same rule
        ReportContributed.Table c = report.contributed();
        c.keys().forEach(k -> header.add(c.labels().get(k).get(lang)));
        for (int i = 0; i < report.rows().size(); i++) {
            ReportService.Row row = report.rows().get(i);
            List<Object> cells = new ArrayList<>();
            cells.add(row.label().get(lang));
            for (Figure f : columns) {
                cells.add(report.hidden(i, f) ? "<5" : row.current().get(f));
            }
            for (String k : c.keys()) {
                cells.add(c.hidden(i, k) ? "<5" : c.rows().get(i).get(k));
            }
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add(t("monitoring.report.total", lang));
        for (Figure f : columns) {
            total.add(report.hidden(-1, f) ? "<5" : report.total().current().get(f));
        }
        for (String k : c.keys()) {
            total.add(c.hidden(-1, k) ? "<5" : c.total().get(k));
        }
        rows.add(total);
        return rows;
    }

    @GetMapping("/admin/reports.csv")
    ResponseEntity<byte[]> csv(@RequestParam Map<String, String> q, Actor actor, Lang lang) {
        Request r = checked(actor, q);
        ReportService.Report report = reports.report(actor, r.filter(), r.period(), r.breakdown());
        return Csv.download("kohtaamo-report-" + r.period().from() + "--" + r.period().to() + ".csv",
                tableRows(report, r.breakdown(), lang));
    }

    @GetMapping("/admin/reports.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam Map<String, String> q, Actor actor, Lang lang) {
        Request r = checked(actor, q);
        ReportService.Report report = reports.report(actor, r.filter(), r.period(), r.breakdown());
        return workbook.download(actor, lang, r, report, new ReportWorkbook.Tables(chart(report, lang), ageChart(report),
                referrals(report), tableRows(report, r.breakdown(), lang)));
    }

    @GetMapping("/admin/reports.pdf")
    ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> q, Actor actor, Lang lang) {
        Request r = checked(actor, q);
        ReportService.Report report = reports.report(actor, r.filter(), r.period(), r.breakdown());
        return pdf.download(actor, lang, r, report, new ReportWorkbook.Tables(chart(report, lang), ageChart(report),
                referrals(report), pdf.breakdown(report, r.breakdown(), lang)));
    }

    private Request checked(Actor actor, Map<String, String> q) {
        if (!AccessControl.mayEver(actor, MonitoringAction.REPORT_VIEW)) {
            throw new KohtaamoException.Forbidden("REPORT_VIEW");
        }
        return request(q);
    }
}
