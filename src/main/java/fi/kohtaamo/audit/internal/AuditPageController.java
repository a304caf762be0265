package fi.kohtaamo.audit.internal;

import fi.kohtaamo.audit.AuditAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Scope;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log for coordinators and administrators: who changed what and when, newest first, with
 * the record before and after. Filters: kind of record and a date range (days in Europe/Helsinki).
 */
@Controller
class AuditPageController {

    private static final int MAX_PAGE = 1_000_000;

    private final AuditQueries queries;
    private final MessageSource messages;
    private final JsonMapper json;

    AuditPageController(AuditQueries queries, MessageSource messages, JsonMapper json) {
        this.queries = queries;
        this.messages = messages;
        this.json = json;
    }

    /** A row of the log as shown: labels translated, JSON pretty-printed (and escaped by the template). */
    public record Row(long id, ZonedDateTime at, String actorName, String action, String entityType, String entityId,
            String before, String after) {
    }

    /** A kind of record for the filter: its code and its label. */
    public record Type(String code, String label) {
    }

    @GetMapping("/admin/audit")
    String audit(Actor actor, Lang lang, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        if (!AccessControl.mayEver(actor, AuditAction.READ)) {
            throw new KohtaamoException.Forbidden(AuditAction.READ.name());
        }
        Scope scope = AccessControl.scope(actor, AuditAction.READ);
        int pageNo = pageNumber(page);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String type = in.line("entityType", entityType, 40);
        if (type != null && !type.matches("^[a-z_]+$")) {
            errors.add("entityType", "validation.choice");
            type = null;
        }
        LocalDate fromDate = in.date("from", from, false);
        LocalDate toDate = in.date("to", to, false);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.add("to", "validation.endBeforeStart");
        }
        Locale locale = lang.locale();
        model.addAttribute("entityType", type == null ? "" : type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entityTypes", queries.entityTypes(scope).stream()
                .map(t -> new Type(t, label("audit.entity.", t, locale))).toList());
        model.addAttribute("errors", errors.messages(messages, locale));
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("rows", List.of());
            model.addAttribute("total", 0L);
            return "admin/audit";
        }
        AuditQueries.Filter filter = new AuditQueries.Filter(type,
                fromDate == null ? null : fromDate.atStartOfDay(ClockConfig.ZONE).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(ClockConfig.ZONE).toInstant());
        AuditQueries.Page result = queries.page(scope, filter, pageNo);
        model.addAttribute("rows", result.entries().stream().map(e -> new Row(e.id(),
                e.occurredAt().atZone(ClockConfig.ZONE), e.actorName(), label("audit.action.", e.action(), locale),
                label("audit.entity.", e.entityType(), locale), e.entityId(), pretty(e.beforeJson()),
                pretty(e.afterJson()))).toList());
        model.addAttribute("total", result.total());
        model.addAttribute("page", pageNo);
        model.addAttribute("pages", result.pages());
        model.addAttribute("previousUrl", pageNo > 1 ? url(type, fromDate, toDate, pageNo - 1) : null);
        model.addAttribute("nextUrl", pageNo < result.pages() ? url(type, fromDate, toDate, pageNo + 1) : null);
        return "admin/audit";
    }

    private static int pageNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        String s = raw.strip();
        if (!s.matches("^[0-9]{1,7}$") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > MAX_PAGE) {
            throw new KohtaamoException.BadParameter("page");
        }
        return Integer.parseInt(s);
    }

    /** The translated label of an action or kind of record; the code itself when there is no translation. */
    private String label(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, code, locale);
    }

    private String pretty(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(text));
        } catch (RuntimeException e) {
            return text;
        }
    }

    private static String url(String type, LocalDate from, LocalDate to, int page) {
        return UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("entityType", Optional.ofNullable(type))
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .queryParam("page", page).build().encode().toUriString();
    }
}
