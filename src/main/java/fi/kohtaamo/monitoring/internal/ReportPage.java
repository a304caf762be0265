package fi.kohtaamo.monitoring.internal;

import fi.kohtaamo.monitoring.MonitoringAction;
import fi.kohtaamo.monitoring.internal.ReportService.Breakdown;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FragmentRenderer;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import fi.kohtaamo.shared.PublicDataCache;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The report page's two large parts, each rendered once with {@link FragmentRenderer} and kept in the data cache:
 * the filter form (every area, municipality and organisation of the scope) and the report itself (its tables and
 * charts). The page around them (the user's name, menu and CSRF token) is rendered for every request. Both are kept
 * under keys made of what they show: the scope from the actor's records (never a request parameter), the language,
 * and the parameters the request chose; the report's part also under its report's key, so a count written, a day
 * passed or any audited write (the data version) renders it anew.
 */
@Component
class ReportPage {

    /** The parameters the filter form and the report's download links carry (as chosen, or as hidden fields). */
    static final List<String> FORM_PARAMETERS = List.of("area", "municipality", "kind", "county", "organisation", "place");

    private final ReportService reports;
    private final MessageSource messages;
    private final PublicDataCache cache;
    private final FragmentRenderer fragments;

    ReportPage(ReportService reports, MessageSource messages, PublicDataCache cache, FragmentRenderer fragments) {
        this.reports = reports;
        this.messages = messages;
        this.cache = cache;
        this.fragments = fragments;
    }

    /** The parameters of the request that the kept parts show, as the request wrote them. */
    private static List<Object> chosen(List<Object> key, Map<String, String> q) {
        List<Object> out = new ArrayList<>(key);
        FORM_PARAMETERS.forEach(p -> out.add(String.valueOf(q.get(p))));
        return out;
    }

    /**
     * The report's tables and charts ({@code monitoring/report-body}) for a report the caller has just read for the
     * actor; {@code variables} (what the fragment shows besides the report) are made only when it is rendered.
     */
    String body(ReportService.Kept kept, Lang lang, Map<String, String> q, ReportController.Request r,
            Supplier<Map<String, Object>> variables, HttpServletRequest request, HttpServletResponse response) {
        return cache.get(chosen(List.of("report-body", kept.key(), lang), q), () -> {
            Map<String, Object> all = new HashMap<>(variables.get());
            all.put("report", kept.report());
            all.put("q", q);
            all.put("from", YearMonth.from(r.period().from()));
            all.put("to", YearMonth.from(r.period().to()));
            return fragments.render("monitoring/report-body", "body", lang, all, request, response);
        });
    }

    /** The filter form, rendered once per scope, language and choice and kept until the registry changes. */
    String filters(Actor actor, Lang lang, Map<String, String> q, ReportController.Request r, HttpServletRequest request,
            HttpServletResponse response) {
        List<Object> key = chosen(List.of("report-filters", AccessControl.scope(actor, MonitoringAction.REPORT_VIEW),
                lang, r.period(), r.breakdown()), q);
        return cache.get(key, () -> {
            ReportService.FilterOptions choices = reports.filterOptions(actor, lang);
            Map<String, Object> variables = new HashMap<>();
            variables.put("q", q);
            variables.put("from", YearMonth.from(r.period().from()));
            variables.put("to", YearMonth.from(r.period().to()));
            variables.put("breakdown", r.breakdown().name());
            variables.put("breakdownOptions", Arrays.stream(Breakdown.values())
                    .map(b -> new Option(b.name(), t("monitoring.breakdown." + b, lang), lang.code())).toList());
            variables.put("kindOptions", Arrays.stream(PlaceKind.values())
                    .map(k -> new Option(k.name(), t("placeKind." + k, lang), lang.code())).toList());
            variables.put("areaOptions", choices.areas());
            variables.put("municipalityOptions", choices.municipalities());
            variables.put("organisationOptions", choices.organisations());
            return fragments.render("monitoring/parts", "reportFilters", lang, variables, request, response);
        });
    }

    private String t(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }
}
