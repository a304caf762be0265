package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.Round;
import fi.kohtaamo.mapping.internal.MappingSummary.Figure;
import fi.kohtaamo.mapping.internal.MappingSummary.Section;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.SmallNumbers;
import fi.kohtaamo.shared.Spreadsheet;
import fi.kohtaamo.shared.TablePdf;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The summary of a round as people read it (labels, numbers in the reader's language), for the page and exports. */
@Component
class SummaryViews {

    /**
     * A row: its label, this round's value, the previous round's, and bars 0–100 for the chart (the previous
     * round's null when that round has no such figure, or there is no previous round).
     */
    record Row(String label, String value, String previous, int bar, Integer previousBar) {
    }

    /**
     * A section with its heading, rows, whether it is drawn as a chart, and whether beside the previous round:
     * then each row is a pair, this round's thick bar over the previous round's thin one (told apart by shape as
     * well as colour, and named in the legend under the chart).
     */
    record View(String id, String heading, List<Row> rows, boolean chart, boolean paired) {

        /** The height of one row in the chart's units (its width is 100). */
        public int rowHeight() {
            return paired ? 16 : 12;
        }

        public int height() {
            return rows.size() * rowHeight();
        }
    }

    private final MessageSource messages;
    private final SmallNumbers small;
    private final Registry registry;

    SummaryViews(MessageSource messages, SmallNumbers small, Registry registry) {
        this.messages = messages;
        this.small = small;
        this.registry = registry;
    }

    /** The sections of a round's answers (only those the filter keeps), beside the previous round's. */
    List<View> views(List<Answer> answers, List<Answer> previous, Predicate<Answer> filter, Lang lang) {
        List<Answer> now = answers.stream().filter(filter).toList();
        List<Section> current = sections(now);
        Map<String, Figure> before = previous == null ? Map.of()
                : MappingSummary.index(sections(previous.stream().filter(filter).toList()));
        List<View> out = new ArrayList<>();
        for (Section s : current) {
            List<Row> rows = new ArrayList<>();
            for (Figure f : s.figures()) {
                Figure p = before.get(s.key() + "|" + f.id());
                rows.add(new Row(label(f, lang), value(f, lang), p == null ? (previous == null ? "" : "–") : value(p, lang),
                        f.bar(), p == null ? null : p.bar()));
            }
            out.add(new View(s.key().substring("mapping.sec.".length()), messages.getMessage(s.key(), null, lang.locale()),
                    rows, s.chart(), previous != null));
        }
        return out;
    }

    List<Section> sections(List<Answer> answers) {
        return MappingSummary.of(answers, answers.size(), small,
                id -> registry.organisation(id).map(r -> r.name().fi()).orElse("" + id));
    }

    String label(Figure f, Lang lang) {
        return messages.getMessage(f.key(), f.label() == null ? null : new Object[] {f.label()}, lang.locale());
    }

    String value(Figure f, Lang lang) {
        if (f.shown() != null) {
            return f.shown();
        }
        if (f.value() instanceof BigDecimal d) {
            NumberFormat nf = NumberFormat.getNumberInstance(lang.locale());
            nf.setMinimumFractionDigits(1);
            nf.setMaximumFractionDigits(1);
            return nf.format(d);
        }
        return f.percent() ? f.value() + " %" : String.valueOf(f.value());
    }

    /** The figures as one sheet: section, figure, this round, the previous round. */
    byte[] xlsx(Round round, List<View> views, Lang lang) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(msg("mapping.summary.section", lang), msg("mapping.summary.figure", lang), round.title(),
                msg("mapping.summary.previous", lang)));
        for (View v : views) {
            for (Row r : v.rows()) {
                rows.add(List.of(v.heading(), r.label(), r.value(), r.previous()));
            }
        }
        return Spreadsheet.write(msg("mapping.summary.sheet", lang), rows);
    }

    byte[] pdf(Round round, List<View> views, Lang lang) {
        List<TablePdf.Table> tables = new ArrayList<>();
        List<String> header = List.of(msg("mapping.summary.figure", lang), msg("mapping.summary.current", lang),
                msg("mapping.summary.previous", lang));
        for (View v : views) {
            tables.add(new TablePdf.Table(v.heading(), header,
                    v.rows().stream().map(r -> List.of(r.label(), r.value(), r.previous())).toList()));
        }
        return TablePdf.render(lang.code(), msg("mapping.summary.title", lang) + ": " + round.title(),
                List.of(msg("mapping.summary.intro", lang)), tables);
    }

    private String msg(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }
}
