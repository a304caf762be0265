package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Spreadsheet;
import fi.kohtaamo.shared.TablePdf;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The report as a tagged PDF with the same tables as the page and the Excel workbook (the workbook's sheets are
 * where the tables are worked out once): the title, the period compared with, the breakdown, the filters, the places
 * and the small-number note, then every table with its caption. The breakdown keeps the page's columns and their
 * short headings, so that it fits the page's width.
 */
@Component
class ReportPdf {

    /** The breakdown's columns on the page and in the PDF. */
    static final List<Figure> BREAKDOWN_COLUMNS = List.of(Figure.VISITORS, Figure.ADULTS, Figure.CHILDREN,
            Figure.CHILDREN_UNDER_1, Figure.CHILDREN_1_2, Figure.CHILDREN_3_6, Figure.CHILDREN_7_12, Figure.CHILDREN_13_17,
            Figure.FIRST_TIME_FAMILIES, Figure.REFERRALS, Figure.OCCURRENCES_HELD, Figure.OCCURRENCES_CANCELLED,
            Figure.MISSING_COUNTS);

    private final MessageSource messages;
    private final ReportWorkbook workbook;

    ReportPdf(MessageSource messages, ReportWorkbook workbook) {
        this.messages = messages;
        this.workbook = workbook;
    }

    private String t(String key, Lang lang, Object... args) {
        return messages.getMessage(key, args, lang.locale());
    }

    /** The breakdown with the page's columns under their short headings, "<5" where hidden. */
    List<List<Object>> breakdown(ReportService.Report report, ReportService.Breakdown breakdown, Lang lang) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add(t("monitoring.breakdown." + breakdown, lang));
        BREAKDOWN_COLUMNS.forEach(f -> header.add(t("monitoring.short." + f, lang)));
        rows.add(header);
        for (int i = 0; i < report.rows().size(); i++) {
            ReportService.Row row = report.rows().get(i);
            List<Object> cells = new ArrayList<>();
            cells.add(row.label().get(lang));
            for (Figure f : BREAKDOWN_COLUMNS) {
                cells.add(report.hidden(i, f) ? "<5" : row.current().get(f));
            }
            rows.add(cells);
        }
        List<Object> total = new ArrayList<>();
        total.add(t("monitoring.report.total", lang));
        BREAKDOWN_COLUMNS.forEach(f -> total.add(report.hidden(-1, f) ? "<5" : report.total().current().get(f)));
        rows.add(total);
        return rows;
    }

    ResponseEntity<byte[]> download(Actor actor, Lang lang, ReportController.Request request, ReportService.Report report,
            ReportWorkbook.Tables tables) {
        List<Spreadsheet.Sheet> sheets = workbook.sheets(actor, lang, request, report, tables);
        // every sheet carries the same notes: the title, its own caption, then what the whole report is about
        List<String> notes = sheets.get(0).notes();
        String title = notes.get(0);
        List<String> paragraphs = new ArrayList<>(notes.subList(2, notes.size()));
        List<TablePdf.Table> pdfTables = new ArrayList<>();
        for (Spreadsheet.Sheet sheet : sheets) {
            List<String> header = sheet.rows().get(0).stream().map(String::valueOf).toList();
            List<List<String>> rows = sheet.rows().subList(1, sheet.rows().size()).stream()
                    .map(row -> row.stream().map(v -> v == null ? "" : String.valueOf(v)).toList()).toList();
            pdfTables.add(new TablePdf.Table(sheet.notes().get(1), header, rows));
        }
        byte[] body = TablePdf.render(lang.code(), title, paragraphs, pdfTables);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("kohtaamo-report-" + request.period().from() + "--" + request.period().to() + ".pdf")
                        .build().toString())
                .body(body);
    }
}
