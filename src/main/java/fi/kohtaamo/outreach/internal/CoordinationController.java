package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(gridCsv(report, lang).getBytes(StandardCharsets.UTF_8));
    }

    /** The places × months grid with a total column, with a byte order mark so that spreadsheets read it as UTF-8. */
    String gridCsv(CoordinationReport.Report report, Lang lang) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            List<String> header = new ArrayList<>();
            header.add(safe(text("outreachCoord.csv.place", lang)));
            header.add(safe(text("outreachCoord.csv.municipality", lang)));
            report.months().forEach(m -> header.add(m.toString()));
            header.add(safe(text("outreachCoord.csv.total", lang)));
            csv.printRecord(header);
            for (CoordinationReport.PlaceRow row : report.grid()) {
                List<Object> cells = new ArrayList<>();
                cells.add(safe(row.place().name().get(lang)));
                cells.add(safe(row.place().municipalityName().get(lang)));
                row.cells().forEach(c -> cells.add(c.confirmed()));
                cells.add(row.total());
                csv.printRecord(cells);
            }
            List<Object> totals = new ArrayList<>();
            totals.add(safe(text("outreachCoord.csv.total", lang)));
            totals.add("");
            totals.addAll(report.monthTotals());
            totals.add(report.total());
            csv.printRecord(totals);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }

    /**
     * A text cell as spreadsheets will not run it: one starting with =, +, -, @, a tab or a carriage
     * return is taken as a formula by Excel and LibreOffice, so it gets a leading single quote (OWASP).
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
