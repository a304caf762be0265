package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.calendar.internal.rules.RuleText;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.HeavyWork;
import fi.kohtaamo.shared.ImportFetcher;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff import a place's activities from an iCalendar file or address (a Google calendar) or a CSV
 * file: the form, a preview that stores nothing, and the confirmation that creates the valid rows in
 * one transaction. Between preview and confirmation the text is kept in the (database-backed) HTTP
 * session under a random token; confirmation reads and checks it all again.
 */
@Controller
class ActivityImportController {

    static final String SESSION_KEY = "fi.kohtaamo.calendar.import";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ImportFetcher.Limits FETCH_LIMITS = new ImportFetcher.Limits(ActivityImport.MAX_BYTES,
            List.of("text/calendar", "text/csv", "text/plain"), "calendar import");

    private final ActivityImport imports;
    private final ImportFetcher fetcher;
    private final Registry registry;
    private final MessageSource messages;
    private final Clock clock;
    private final HeavyWork heavyWork;

    ActivityImportController(ActivityImport imports, ImportFetcher fetcher, Registry registry, MessageSource messages,
            Clock clock, HeavyWork heavyWork) {
        this.imports = imports;
        this.fetcher = fetcher;
        this.registry = registry;
        this.messages = messages;
        this.clock = clock;
        this.heavyWork = heavyWork;
    }

    /** The import form as the browser sends it (the file comes as its own part). */
    public static class ImportForm {
        public String importUrl;
        public String importLanguage = "fi";
        public String importKind;
        public String importOrganiser;
        public String importPublished = "true";
        public String importSeasonEnd;
    }

    /** What the preview was made of, kept in the session until confirmed. */
    record Draft(String token, long placeId, String text, String language, String kind, String organiser,
            String published, String seasonEnd) implements Serializable {

        ImportForm form() {
            ImportForm f = new ImportForm();
            f.importLanguage = language;
            f.importKind = kind;
            f.importOrganiser = organiser;
            f.importPublished = published;
            f.importSeasonEnd = seasonEnd;
            return f;
        }
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAllowedFields("importUrl", "importLanguage", "importKind", "importOrganiser", "importPublished",
                "importSeasonEnd");
    }

    private static long id(String raw) {
        return fi.kohtaamo.shared.PathIds.orNotFound(raw);
    }

    @GetMapping("/admin/places/{id}/import")
    String form(@PathVariable String id, Actor actor, Lang lang, Model model) {
        long placeId = id(id);
        imports.requireMayImport(actor, placeId);
        return formPage(placeId, new ImportForm(), Map.of(), lang, model);
    }

    @GetMapping("/admin/places/{id}/import/template.csv")
    ResponseEntity<byte[]> template(@PathVariable String id, Actor actor) {
        imports.requireMayImport(actor, id(id));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("kohtaamo-activities.csv").build().toString())
                .body(ActivityImport.csvTemplate().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/places/{id}/import/preview")
    String preview(@PathVariable String id, Actor actor, Lang lang, @ModelAttribute("form") ImportForm form,
            @RequestParam(value = "importFile", required = false) MultipartFile file, HttpSession session,
            Model model, HttpServletResponse response) {
        long placeId = id(id);
        imports.requireMayImport(actor, placeId);
        FieldErrors errors = new FieldErrors();
        ActivityImport.Options options = options(placeId, form, errors);
        // a chosen but empty file is a file (and gets "the file is empty"), not a missing one
        boolean hasFile = file != null && (!file.isEmpty()
                || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()));
        boolean hasUrl = form.importUrl != null && !form.importUrl.isBlank();
        String source = hasUrl && !hasFile ? "importUrl" : "importFile";
        if (hasFile && hasUrl) {
            errors.add("importFile", "import.sourceBoth");
        } else if (!hasFile && !hasUrl) {
            errors.add("importFile", "import.sourceMissing");
        }
        String text = null;
        if (errors.isEmpty()) {
            byte[] bytes = null;
            if (hasFile) {
                if (file.getSize() > ActivityImport.MAX_BYTES) {
                    errors.add("importFile", "import.file.tooLarge", ActivityImport.MAX_BYTES / 1024 / 1024);
                } else {
                    try {
                        bytes = file.getBytes();
                    } catch (IOException e) {
                        errors.add("importFile", "import.file.notText");
                    }
                }
            } else {
                try {
                    bytes = fetcher.fetch(form.importUrl, FETCH_LIMITS);
                } catch (ImportFetcher.FetchFailed e) {
                    errors.add("importUrl", e.key(), e.args());
                }
            }
            if (bytes != null) {
                text = ActivityImport.decode(bytes);
                if (text == null) {
                    errors.add(source, "import.file.notText");
                }
            }
        }
        ActivityImport.Result result = null;
        if (errors.isEmpty()) {
            String read = text;
            result = heavyWork.run("import", () -> imports.read(placeId, read, options));
            for (ActivityImport.Problem p : result.fileProblems()) {
                errors.add(source, p.key(), p.args());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return formPage(placeId, form, errors.messages(messages, lang.locale()), lang, model);
        }
        String token = null;
        if (result.usable()) {
            byte[] raw = new byte[24];
            RANDOM.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            session.setAttribute(SESSION_KEY, new Draft(token, placeId, text, form.importLanguage, form.importKind,
                    form.importOrganiser, form.importPublished, form.importSeasonEnd));
        } else {
            session.removeAttribute(SESSION_KEY);
        }
        return previewPage(placeId, result, token, lang, model);
    }

    @PostMapping("/admin/places/{id}/import/confirm")
    String confirm(@PathVariable String id, Actor actor, Lang lang,
            @RequestParam(value = "token", required = false) String token, HttpSession session, Model model,
            HttpServletResponse response) {
        long placeId = id(id);
        imports.requireMayImport(actor, placeId);
        Draft draft = session.getAttribute(SESSION_KEY) instanceof Draft d ? d : null;
        if (draft == null || token == null || !java.security.MessageDigest.isEqual(
                draft.token().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))
                || draft.placeId() != placeId) {
            response.setStatus(409);
            model.addAttribute("expired", true);
            return formPage(placeId, new ImportForm(), Map.of(), lang, model);
        }
        // everything is read and checked again: the session keeps only the text and the choices
        FieldErrors errors = new FieldErrors();
        ActivityImport.Options options = options(placeId, draft.form(), errors);
        ActivityImport.Result result = errors.isEmpty()
                ? heavyWork.run("import", () -> imports.read(placeId, draft.text(), options)) : null;
        if (result == null || !result.usable()) {
            session.removeAttribute(SESSION_KEY);
            response.setStatus(409);
            model.addAttribute("expired", true);
            return formPage(placeId, draft.form(), Map.of(), lang, model);
        }
        int created;
        try {
            created = imports.confirm(actor, placeId, result);
        } catch (KohtaamoException.Invalid e) {
            // something changed since the preview (an organiser was removed, …): nothing was stored
            response.setStatus(409);
            model.addAttribute("failed", true);
            return previewPage(placeId, result, draft.token(), lang, model);
        }
        session.removeAttribute(SESSION_KEY);
        return "redirect:/admin/places/" + placeId + "/activities?imported=" + created;
    }

    private ActivityImport.Options options(long placeId, ImportForm f, FieldErrors errors) {
        Input in = new Input(errors);
        Lang language = Lang.parse(f.importLanguage == null ? "" : f.importLanguage.strip()).orElse(null);
        if (language == null) {
            errors.add("importLanguage", "validation.choice");
        }
        ActivityKind kind = in.choice("importKind", f.importKind, ActivityKind.class, false);
        Long organiser = in.id("importOrganiser", f.importOrganiser, false);
        if (organiser != null && organisers(placeId).stream().noneMatch(o -> o.id() == organiser)) {
            errors.add("importOrganiser", "validation.choice");
        }
        LocalDate end = in.date("importSeasonEnd", f.importSeasonEnd, false);
        boolean published = "true".equals(f.importPublished) || "on".equals(f.importPublished);
        return new ActivityImport.Options(language == null ? Lang.FI : language, kind, organiser, published, end);
    }

    private List<Registry.Ref> organisers(long placeId) {
        return registry.placeTarget(placeId).map(t -> t.organisationIds().stream()
                .map(registry::organisation).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(r -> r.name().get(Lang.FI))).toList()).orElse(List.of());
    }

    private String placeName(long placeId, Lang lang) {
        return registry.place(placeId).map(p -> p.name().get(lang)).orElse("");
    }

    private String formPage(long placeId, ImportForm form, Map<String, String> errors, Lang lang, Model model) {
        model.addAttribute("placeId", placeId);
        model.addAttribute("placeName", placeName(placeId, lang));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ActivityKind.values());
        model.addAttribute("organisers", organisers(placeId));
        model.addAttribute("languages", Lang.values());
        model.addAttribute("columns", ActivityImport.CSV_COLUMNS);
        model.addAttribute("maxMegabytes", ActivityImport.MAX_BYTES / 1024 / 1024);
        return "calendar/import-form";
    }

    /** One row of the preview table, all text ready in the user's language. */
    record RowView(int number, String name, String nameLang, String kind, String rule, List<String> changes,
            List<String> problems, List<String> notes, boolean valid) {
    }

    private String previewPage(long placeId, ActivityImport.Result result, String token, Lang lang, Model model) {
        Locale locale = lang.locale();
        int year = LocalDate.now(clock).getYear();
        List<RowView> rows = new ArrayList<>();
        for (ActivityImport.Row r : result.rows()) {
            String nameLang = r.form() == null || r.form().nameFi != null ? "fi"
                    : r.form().nameSv != null ? "sv" : r.form().nameEn != null ? "en" : lang.code();
            String kind = r.valid() ? messages.getMessage("activityKind." + r.command().kind().name(), null, locale)
                    : null;
            String rule = r.valid() ? RuleText.describe(r.command().schedule(), lang, year) : null;
            List<String> changes = r.adjustments().stream().map(a -> a.cancelled()
                    ? messages.getMessage("import.change.cancelled", new Object[] {a.date().toString()}, locale)
                    : messages.getMessage("import.change.moved", new Object[] {a.date().toString(),
                        a.newDate().toString(), a.newStart().toString(), a.newEnd().toString()}, locale)).toList();
            rows.add(new RowView(r.number(), r.label(), nameLang, kind, rule, changes, text(r.problems(), locale),
                    text(r.notes(), locale), r.valid()));
        }
        model.addAttribute("placeId", placeId);
        model.addAttribute("placeName", placeName(placeId, lang));
        model.addAttribute("format", result.format().name());
        model.addAttribute("rows", rows);
        model.addAttribute("validCount", result.validCount());
        model.addAttribute("invalidCount", result.invalidCount());
        model.addAttribute("token", token);
        return "calendar/import-preview";
    }

    private List<String> text(List<ActivityImport.Problem> problems, Locale locale) {
        return problems.stream().map(p -> {
            String message = messages.getMessage(p.key(), p.args(), locale);
            return p.where() == null ? message : p.where() + ": " + message;
        }).toList();
    }
}
