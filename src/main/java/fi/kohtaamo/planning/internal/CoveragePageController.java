package fi.kohtaamo.planning.internal;

import fi.kohtaamo.planning.PlanningAction;
import fi.kohtaamo.planning.internal.TimetableService.Region;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Target;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Coverage against children ({@code /admin/planning/coverage}) and the import of child population figures: a
 * preview that stores nothing (rows kept in the session under a token), then the confirmation that writes them.
 */
@Controller
class CoveragePageController {

    static final String BASE = OverlapPageController.BASE + "/coverage";
    static final String IMPORT = OverlapPageController.BASE + "/population";

    private final CoverageService coverage;
    private final TimetableService planning;
    private final OverlapPageController pages;
    private final MessageSource messages;

    CoveragePageController(CoverageService coverage, TimetableService planning, OverlapPageController pages,
            MessageSource messages) {
        this.coverage = coverage;
        this.planning = planning;
        this.pages = pages;
        this.messages = messages;
    }

    /** A checked import waiting for confirmation. */
    public record Pending(long countyId, List<TimetableQueries.Population> rows) implements java.io.Serializable {
    }

    @GetMapping(BASE)
    String page(@RequestParam(required = false) String county, @RequestParam(required = false) String area,
            @RequestParam(required = false) String weeks, Actor actor, Lang lang, Model model) {
        Region region = region(actor, county, area);
        return render(actor, region, TimetableService.weeks(weeks), null, null, lang, model);
    }

    private Region region(Actor actor, String county, String area) {
        Region region = planning.region(actor, PlanningAction.VIEW, county, area);
        if (region.countyId() == null) {
            throw new KohtaamoException.BadParameter("county");
        }
        return region;
    }

    String render(Actor actor, Region region, int weeks, PopulationImport.Result preview, String token, Lang lang,
            Model model) {
        pages.common(actor, region, weeks, "coverage", lang, model);
        model.addAttribute("coverage", coverage.coverage(region, weeks));
        model.addAttribute("mayImport", AccessControl.allows(actor, PlanningAction.IMPORT_POPULATION,
                Target.county(region.countyId())));
        model.addAttribute("preview", preview);
        model.addAttribute("token", token);
        model.addAttribute("problems", preview == null ? List.of() : preview.problems().stream()
                .map(p -> (p.row() > 0 ? messages.getMessage("planning.import.row", new Object[] {p.row()},
                        lang.locale()) + ": " : "") + messages.getMessage(p.key(), p.args(), lang.locale())).toList());
        model.addAttribute("maxRows", PopulationImport.MAX_ROWS);
        return "planning/coverage";
    }

    @PostMapping(IMPORT + "/preview")
    String preview(@RequestParam(required = false) String county, @RequestParam(required = false) MultipartFile file,
            Actor actor, Lang lang, Model model, HttpSession session, HttpServletResponse response) throws IOException {
        Region region = planning.region(actor, PlanningAction.IMPORT_POPULATION, county, null);
        if (region.countyId() == null) {
            throw new KohtaamoException.BadParameter("county");
        }
        byte[] bytes = file == null ? new byte[0] : file.getSize() > PopulationImport.MAX_BYTES
                ? new byte[PopulationImport.MAX_BYTES + 1] : file.getBytes();
        PopulationImport.Result result = coverage.read(region.countyId(), bytes);
        String token = null;
        if (result.problems().isEmpty()) {
            token = UUID.randomUUID().toString();
            session.setAttribute("planning.population." + token, new Pending(region.countyId(), result.rows()));
        } else {
            response.setStatus(400);
        }
        return render(actor, region, TimetableService.DEFAULT_WEEKS, result, token, lang, model);
    }

    @PostMapping(IMPORT + "/confirm")
    String confirm(@RequestParam(required = false) String token, Actor actor, HttpSession session) {
        if (!AccessControl.mayEver(actor, PlanningAction.IMPORT_POPULATION)) {
            throw new KohtaamoException.Forbidden(PlanningAction.IMPORT_POPULATION.name());
        }
        String key = "planning.population." + token;
        if (token == null || !(session.getAttribute(key) instanceof Pending p)) {
            throw new KohtaamoException.Conflict("expired", "population import");
        }
        coverage.save(actor, p.countyId(), p.rows());
        session.removeAttribute(key);
        return "redirect:" + BASE + "?county=" + p.countyId();
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
