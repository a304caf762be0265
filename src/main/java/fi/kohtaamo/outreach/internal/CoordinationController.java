package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Csv;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coordinators' view of outreach as a page and the places × months grid as CSV, for those who
 * report onwards in a spreadsheet. Parameters are read here, so that a mistyped address gets the
 * translated 400 page rather than an error; the numbers and the access check are
 * {@link CoordinationReport}'s.
 */
@Controller
class CoordinationController {

    private final CoordinationReport reports;
    private final MessageSource messages;

    CoordinationController(CoordinationReport reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    /** The checked parameters of the view (the access check comes first, so outsiders learn nothing from a 400). */
    record Params(YearMonth from, int months, int idle) {
    }

    Params params(Actor actor, String from, String months, String idle) {
        if (!AccessControl.mayEver(actor, OutreachAction.COORDINATION_VIEW)) {
            throw new KohtaamoException.Forbidden(OutreachAction.COORDINATION_VIEW.name());
        }
        int m = number("months", months, CoordinationReport.DEFAULT_MONTHS);
        int n = number("idle", idle, CoordinationReport.DEFAULT_IDLE_MONTHS);
        YearMonth first;
        if (from == null || from.isBlank()) {
            first = reports.currentMonth().minusMonths(5);
        } else {
            String f = from.strip();
            if (!f.matches("^[0-9]{4}-[0-9]{2}$")) {
                throw new KohtaamoException.BadParameter("from");
            }
            try {
                first = YearMonth.parse(f);
            } catch (DateTimeException e) {
                throw new KohtaamoException.BadParameter("from");
            }
            if (first.getYear() < 2000 || first.getYear() > 2100) {
                throw new KohtaamoException.BadParameter("from");
            }
        }
        return new Params(first, m, n);
    }

    private static int number(String name, String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String s = raw.strip();
        if (!s.matches("^[0-9]{1,2}$")) {
            throw new KohtaamoException.BadParameter(name);
        }
        int v = Integer.parseInt(s);
        if (v < 1 || v > CoordinationReport.MAX_MONTHS) {
            throw new KohtaamoException.BadParameter(name);
        }
        return v;
    }

    @GetMapping("/admin/outreach/coordination")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String months,
            @RequestParam(required = false) String idle, Actor actor, Model model) {
        Params p = params(actor, from, months, idle);
        CoordinationReport.Report report = reports.report(actor, p.from(), p.months(), p.idle());
        model.addAttribute("report", report);
        model.addAttribute("from", p.from().toString());
        model.addAttribute("months", p.months());
        model.addAttribute("idle", p.idle());
        model.addAttribute("maxMonths", CoordinationReport.MAX_MONTHS);
        return "outreach/coordination";
    }

    @GetMapping("/admin/outreach/coordination.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String months,
            @RequestParam(required = false) String idle, Actor actor, Lang lang) {
        Params p = params(actor, from, months, idle);
        CoordinationReport.Report report = reports.report(actor, p.from(), p.months(), p.idle());
        String filename = "kohtaamo-visits-" + report.from() + "--" + report.months().get(report.months().size() - 1)
                + ".csv";
        return Csv.download(filename, gridRows(report, lang));
    }

    /** The places × months grid with a total column and a total row. */
    List<List<Object>> gridRows(CoordinationReport.Report report, Lang lang) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(text("outreachCoord.csv.place", lang));
        header.add(text("outreachCoord.csv.municipality", lang));
        report.months().forEach(m -> header.add(m.toString()));
        header.add(text("outreachCoord.csv.total", lang));
        rows.add(header);
        for (CoordinationReport.PlaceRow row : report.grid()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.place().name().get(lang));
            cells.add(row.place().municipalityName().get(lang));
            row.cells().forEach(c -> cells.add(c.confirmed()));
            cells.add(row.total());
            rows.add(cells);
        }
        List<Object> totals = new ArrayList<>();
        totals.add(text("outreachCoord.csv.total", lang));
        totals.add("");
        totals.addAll(report.monthTotals());
        totals.add(report.total());
        rows.add(totals);
        return rows;
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }
}
