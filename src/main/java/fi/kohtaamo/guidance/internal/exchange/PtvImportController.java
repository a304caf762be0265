package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.guidance.internal.exchange.PtvImport.Outcome;
import fi.kohtaamo.guidance.internal.exchange.PtvImport.Planned;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Msg;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.HeavyWork;
import fi.kohtaamo.shared.ImportFetcher;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The PTV import's pages: the form (a file or an https address, the organisation and service type of new services),
 * a preview that stores nothing (new, changed, unchanged, conflicts with a choice each, services with problems), and
 * the confirmation. Between preview and confirmation the file is kept in the (database-backed) HTTP session under a
 * random token; confirmation reads, maps and compares it all again.
 */
@Controller
class PtvImportController {

    static final String SESSION_KEY = "fi.kohtaamo.guidance.ptvImport";
    static final ImportFetcher.Limits FETCH_LIMITS = new ImportFetcher.Limits(PtvFile.MAX_BYTES,
            List.of("application/json", "text/json", "text/plain"), "PTV import");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PtvImport imports;
    private final ImportFetcher fetcher;
    private final Registry registry;
    private final MessageSource messages;
    private final HeavyWork heavyWork;

    PtvImportController(PtvImport imports, ImportFetcher fetcher, Registry registry, MessageSource messages,
            HeavyWork heavyWork) {
        this.imports = imports;
        this.fetcher = fetcher;
        this.registry = registry;
        this.messages = messages;
        this.heavyWork = heavyWork;
    }

    /** What the preview was made of, kept in the session until confirmed. */
    record Draft(String token, long countyId, byte[] bytes, long organisationId, String serviceType)
            implements Serializable {
    }

    /** The county: given, else the actor's own; an administrator without one chooses it first. */
    private Long county(Actor actor, String raw) {
        FieldErrors errors = new FieldErrors();
        Long id = new Input(errors).id("county", raw, false);
        if (!errors.isEmpty()) {
            throw new KohtaamoException.NotFound("county");
        }
        return id != null ? id : actor == null ? null : actor.countyId();
    }

    @GetMapping("/admin/services/import")
    String form(@RequestParam(value = "county", required = false) String rawCounty, Actor actor, Lang lang,
            Model model) {
        Long countyId = county(actor, rawCounty);
        if (countyId == null) {
            fi.kohtaamo.shared.AccessControl.require(actor, fi.kohtaamo.guidance.GuidanceExchangeAction.IMPORT_PTV,
                    fi.kohtaamo.shared.Target.county(null));
            model.addAttribute("counties", registry.counties().stream()
                    .map(c -> Option.of(String.valueOf(c.id()), c.name(), lang)).toList());
            return "guidance/ptv-choose-county";
        }
        imports.requireMayImport(actor, countyId);
        return formPage(countyId, null, null, "", Map.of(), lang, model);
    }

    @PostMapping("/admin/services/import/preview")
    String preview(@RequestParam(value = "county", required = false) String rawCounty,
            @RequestParam(value = "ptvOrganisation", required = false) String rawOrganisation,
            @RequestParam(value = "ptvServiceType", required = false) String serviceType,
            @RequestParam(value = "ptvUrl", required = false) String url,
            @RequestParam(value = "ptvFile", required = false) MultipartFile file, Actor actor, Lang lang,
            HttpSession session, Model model, HttpServletResponse response) {
        Long countyId = county(actor, rawCounty);
        if (countyId == null) {
            throw new KohtaamoException.NotFound("county");
        }
        imports.requireMayImport(actor, countyId);
        FieldErrors errors = new FieldErrors();
        Long organisationId = options(countyId, rawOrganisation, serviceType, errors);
        boolean hasFile = file != null && (!file.isEmpty()
                || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()));
        boolean hasUrl = url != null && !url.isBlank();
        String source = hasUrl && !hasFile ? "ptvUrl" : "ptvFile";
        if (hasFile && hasUrl) {
            errors.add("ptvFile", "ptv.sourceBoth");
        } else if (!hasFile && !hasUrl) {
            errors.add("ptvFile", "ptv.sourceMissing");
        }
        byte[] bytes = null;
        if (errors.isEmpty()) {
            if (hasFile) {
                if (file.getSize() > PtvFile.MAX_BYTES) {
                    errors.add("ptvFile", "ptv.file.tooLarge", PtvFile.MAX_BYTES / 1024 / 1024);
                } else {
                    try {
                        bytes = file.getBytes();
                    } catch (IOException e) {
                        errors.add("ptvFile", "ptv.file.notText");
                    }
                }
            } else {
                try {
                    bytes = fetcher.fetch(url, FETCH_LIMITS);
                } catch (ImportFetcher.FetchFailed e) {
                    errors.add("ptvUrl", e.key(), e.args());
                }
            }
        }
        PtvImport.Preview preview = null;
        if (errors.isEmpty()) {
            byte[] read = bytes;
            try {
                preview = heavyWork.run("import", () -> {
                    try {
                        return imports.preview(countyId, read);
                    } catch (PtvFile.Refused e) {
                        throw new RefusedWrapper(e);
                    }
                });
            } catch (RefusedWrapper w) {
                errors.add(source, w.refused.key, w.refused.args);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return formPage(countyId, rawOrganisation, serviceType, hasUrl ? url : "",
                    errors.messages(messages, lang.locale()), lang, model);
        }
        String token = null;
        if (preview.usable()) {
            byte[] raw = new byte[24];
            RANDOM.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            session.setAttribute(SESSION_KEY, new Draft(token, countyId, bytes, organisationId, serviceType));
        } else {
            session.removeAttribute(SESSION_KEY);
        }
        return previewPage(countyId, preview, token, lang, model);
    }

    /** Carries a file refusal out of the heavy-work supplier. */
    private static final class RefusedWrapper extends RuntimeException {
        final PtvFile.Refused refused;

        RefusedWrapper(PtvFile.Refused refused) {
            super(null, null, false, false);
            this.refused = refused;
        }
    }

    @PostMapping("/admin/services/import/confirm")
    String confirm(@RequestParam(value = "token", required = false) String token, Actor actor, Lang lang,
            HttpSession session, HttpServletRequest request, Model model, HttpServletResponse response) {
        Draft draft = session.getAttribute(SESSION_KEY) instanceof Draft d ? d : null;
        if (draft == null || token == null || !MessageDigest.isEqual(draft.token().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            Long countyId = actor == null ? null : actor.countyId();
            if (countyId == null) {
                throw new KohtaamoException.Conflict("expired", "ptv import");
            }
            imports.requireMayImport(actor, countyId);
            response.setStatus(409);
            model.addAttribute("expired", true);
            return formPage(countyId, null, null, "", Map.of(), lang, model);
        }
        long countyId = draft.countyId();
        imports.requireMayImport(actor, countyId);
        PtvImport.Preview preview;
        try {
            preview = heavyWork.run("import", () -> {
                try {
                    return imports.preview(countyId, draft.bytes());
                } catch (PtvFile.Refused e) {
                    throw new RefusedWrapper(e);
                }
            });
        } catch (RefusedWrapper w) {
            throw new KohtaamoException.Conflict("expired", "ptv import");
        }
        FieldErrors errors = new FieldErrors();
        options(countyId, String.valueOf(draft.organisationId()), draft.serviceType(), errors);
        if (!errors.isEmpty()) {
            session.removeAttribute(SESSION_KEY);
            response.setStatus(409);
            model.addAttribute("expired", true);
            return formPage(countyId, null, null, "", Map.of(), lang, model);
        }
        Set<String> takePtv = new HashSet<>();
        for (Planned p : preview.rows()) {
            if (p.outcome() == Outcome.CONFLICT
                    && "PTV".equals(request.getParameter("choice-" + p.row().ptvId()))) {
                takePtv.add(p.row().ptvId());
            }
        }
        PtvImport.Applied applied;
        try {
            applied = imports.apply(actor, countyId, preview,
                    new PtvImport.Options(draft.organisationId(), draft.serviceType()), takePtv);
        } catch (KohtaamoException.Conflict e) {
            response.setStatus(409);
            model.addAttribute("failed", true);
            return previewPage(countyId, preview, draft.token(), lang, model);
        }
        session.removeAttribute(SESSION_KEY);
        return "redirect:/admin/services/import?county=" + countyId + "&created=" + applied.created() + "&updated="
                + applied.updated() + "&kept=" + applied.kept();
    }

    private Long options(long countyId, String rawOrganisation, String serviceType, FieldErrors errors) {
        Long organisationId = new Input(errors).id("ptvOrganisation", rawOrganisation, true);
        if (organisationId != null && !imports.organisationInCounty(organisationId, countyId)) {
            errors.add("ptvOrganisation", "validation.choice");
        }
        if (serviceType == null || serviceType.isBlank()) {
            errors.add("ptvServiceType", "validation.required");
        } else if (!imports.serviceTypeExists(countyId, serviceType)) {
            errors.add("ptvServiceType", "validation.choice");
        }
        return organisationId;
    }

    private String formPage(long countyId, String organisation, String serviceType, String url,
            Map<String, String> errors, Lang lang, Model model) {
        model.addAttribute("countyId", countyId);
        model.addAttribute("countyName", registry.county(countyId).map(c -> c.name().get(lang)).orElse(""));
        // only the organisations the check accepts (the registry's list also has national ones)
        model.addAttribute("organisations", registry.organisations(countyId).stream()
                .filter(o -> imports.organisationInCounty(o.id(), countyId))
                .map(o -> Option.of(String.valueOf(o.id()), o.name(), lang)).toList());
        model.addAttribute("serviceTypes", imports.serviceTypes(countyId).stream()
                .map(e -> Option.of(e.code(), e.name(), lang)).toList());
        model.addAttribute("organisation", organisation);
        model.addAttribute("serviceType", serviceType);
        model.addAttribute("url", url);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", PtvFile.MAX_BYTES / 1024 / 1024);
        model.addAttribute("maxServices", PtvFile.MAX_SERVICES);
        model.addAttribute("maxChannels", PtvFile.MAX_CHANNELS);
        return "guidance/ptv-import";
    }

    /** One row of the preview table, all text ready in the user's language. */
    record RowView(int number, String ptvId, String name, String nameLang, String outcome, List<String> problems,
            List<String> notes, int channels) {
    }

    private String previewPage(long countyId, PtvImport.Preview preview, String token, Lang lang, Model model) {
        Locale locale = lang.locale();
        List<RowView> rows = new ArrayList<>();
        for (Planned p : preview.rows()) {
            rows.add(new RowView(p.row().number(), p.row().ptvId(), p.row().label(), p.row().labelLang(),
                    p.outcome().name(), text(p.row().problems(), locale), text(p.row().notes(), locale),
                    p.row().service() == null ? 0 : p.row().service().channels().size()));
        }
        model.addAttribute("countyId", countyId);
        model.addAttribute("countyName", registry.county(countyId).map(c -> c.name().get(lang)).orElse(""));
        model.addAttribute("rows", rows);
        for (Outcome o : Outcome.values()) {
            model.addAttribute("count" + o.name(), preview.count(o));
        }
        model.addAttribute("token", token);
        return "guidance/ptv-preview";
    }

    private List<String> text(List<Msg> list, Locale locale) {
        return list.stream().map(m -> message(m, locale)).toList();
    }

    private String message(Msg m, Locale locale) {
        Object[] args = new Object[m.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = m.args()[i] instanceof Msg inner ? message(inner, locale) : m.args()[i];
        }
        return messages.getMessage(m.key(), args, locale);
    }
}
