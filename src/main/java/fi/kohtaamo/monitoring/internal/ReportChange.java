package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.internal.ReportService.Figure;
import fi.kohtaamo.shared.Lang;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The change of each key figure from the previous period, as the summary table and the exports show it. A
 * percentage only where there is something to compare with: a previous period without a single count says
 * "no data in the previous period", a figure that was 0 says so (never +∞ % or a change from 0), and a figure
 * hidden as "<5" in either period shows no change, which would give it away.
 */
final class ReportChange {

    private ReportChange() {
    }

    /** The change of every figure of the report's total, as text in the language. */
    static Map<Figure, String> of(ReportService.Report report, MessageSource messages, Lang lang) {
        boolean previousHasData = report.total().previous().get(Figure.COUNTED_DAYS) > 0;
        Map<Figure, String> out = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            out.put(f, text(report, f, previousHasData, messages, lang));
        }
        return out;
    }

    private static String text(ReportService.Report report, Figure f, boolean previousHasData, MessageSource messages,
            Lang lang) {
        long now = report.total().current().get(f);
        long before = report.total().previous().get(f);
        if (before == 0 && !previousHasData) {
            return messages.getMessage("monitoring.report.change.noData", null, lang.locale());
        }
        if (report.hidden(-1, f) || report.hiddenPrevious(f)) {
            return messages.getMessage("monitoring.report.change.hidden", null, lang.locale());
        }
        if (before == 0) {
            return messages.getMessage(now == 0 ? "monitoring.report.change.none" : "monitoring.report.change.fromZero",
                    null, lang.locale());
        }
        long percent = Math.round((now - before) * 100.0 / before);
        String signed = percent > 0 ? "+" + percent : percent < 0 ? "\u2212" + -percent : "\u00b10";
        return messages.getMessage("monitoring.report.change.percent", new Object[] {signed}, lang.locale());
    }
}
