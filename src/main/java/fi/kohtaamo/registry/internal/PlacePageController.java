package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.RegistryAction;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.PlaceDetail;
import fi.kohtaamo.registry.internal.Model.PlaceFilter;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.ActorProvider;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public pages of the registry: the front page, the list of meeting places and a page per place. */
@Controller
class PlacePageController {

    static final int PAGE_SIZE = 60;

    private final RegistryQueries queries;
    private final ActorProvider actors;
    private final Clock clock;
    private final List<fi.kohtaamo.registry.PlacePageSection> sections;

    private final fi.kohtaamo.shared.PublicDataCache cache;
    private final NearPoints near;
    private final fi.kohtaamo.shared.MapTiles tiles;
    private final ProgrammeHours hours;

    PlacePageController(RegistryQueries queries, ActorProvider actors, Clock clock,
            List<fi.kohtaamo.registry.PlacePageSection> sections, fi.kohtaamo.shared.PublicDataCache cache,
            NearPoints near, fi.kohtaamo.shared.MapTiles tiles, ProgrammeHours hours) {
        this.hours = hours;
        this.cache = cache;
        this.near = near;
        this.tiles = tiles;
        this.queries = queries;
        this.actors = actors;
        this.clock = clock;
        this.sections = sections;
    }

    @GetMapping("/")
    String home(Lang lang, Model model) {
        model.addAttribute("areas", queries.areas(null));
        model.addAttribute("municipalities", queries.municipalities(null));
        model.addAttribute("kinds", PlaceKind.values());
        model.addAttribute("placeCount", queries.publicPlaces(PlaceFilter.ALL, lang, 0, 1).total());
        fi.kohtaamo.shared.PublicResponses.keep();
        return "home";
    }

    @GetMapping("/places")
    String list(@RequestParam(required = false) String area, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String targetGroup,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) List<String> accessibility, @RequestParam(required = false) String q,
            @RequestParam(required = false) String page, @RequestParam(name = "near", required = false) String nearRaw,
            @RequestParam(required = false) String view, Lang lang, Model model) {
        PlaceFilter filter = PlaceFilterParams.parse(queries, area, municipality, kind, targetGroup, language,
                accessibility, q);
        int p = PlaceFilterParams.page(page);
        var point = near.point(nearRaw).orElse(null);
        boolean map = NearView.map(view);
        model.addAttribute("filter", filter);
        // public data, the same for everyone until the next write
        NearPoints.NearPage result = cache.get(List.of("places", filter, lang, p, java.util.Objects.toString(point)),
                () -> point == null ? new NearPoints.NearPage(queries.publicPlaces(filter, lang, p, PAGE_SIZE), Map.of())
                        : near.publicPlacesNear(filter, point, lang, p, PAGE_SIZE));
        model.addAttribute("result", result.page());
        NearView.addTo(model, point, result, lang, map, tiles, near.municipalityCentres());
        model.addAttribute("areas", cache.get(List.of("areas"), () -> List.copyOf(queries.areas(null))));
        model.addAttribute("municipalities", cache.get(List.of("municipalities"),
                () -> List.copyOf(queries.municipalities(null))));
        model.addAttribute("kinds", PlaceKind.values());
        model.addAttribute("targetGroups", TargetGroup.values());
        model.addAttribute("features", AccessibilityFeature.values());
        model.addAttribute("languages", cache.get(List.of("languagesInUse"),
                () -> List.copyOf(queries.languagesInUse().keySet())));
        fi.kohtaamo.shared.PublicResponses.keep();
        return "places/list";
    }

    @GetMapping("/places/{id}")
    String place(@PathVariable String id, Lang lang, Model model) {
        long placeId = PlaceFilterParams.positiveLongOrNotFound(id);
        // read through the public data cache (unpublished places are then refused below, as before)
        PlaceDetail p = cache.get(List.of("place", placeId), () -> queries.place(placeId))
                .orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
        var actor = actors.current().orElse(null);
        var target = cache.get(List.of("placeTarget", placeId), () -> queries.placeTarget(placeId)).orElseThrow();
        boolean internal = AccessControl.allows(actor, RegistryAction.PLACE_READ_INTERNAL, target);
        if (!p.published() && !internal) {
            throw new KohtaamoException.NotFound("place " + id);
        }
        model.addAttribute("place", p);
        model.addAttribute("canEdit", AccessControl.allows(actor, RegistryAction.PLACE_UPDATE, target));
        model.addAttribute("today", LocalDate.now(clock));
        var shown = sections.stream().map(s -> s.section(placeId, lang)).flatMap(java.util.Optional::stream).toList();
        model.addAttribute("sections", shown);
        // without typed hours, the page tells the hours the programme implies
        boolean typed = p.openingPeriods().stream().anyMatch(x -> !x.hours().isEmpty());
        model.addAttribute("derivedHours", typed ? List.of() : hours.derived(placeId));
        // the layout links the feed of what the page shows (<link rel="alternate" type="text/calendar">)
        shown.stream().map(fi.kohtaamo.registry.PlacePageSection.Section::feedUrl).filter(java.util.Objects::nonNull)
                .findFirst().ifPresent(url -> model.addAttribute("feedUrl", url));
        model.addAttribute("updated", LocalDate.ofInstant(p.updatedAt(), fi.kohtaamo.shared.ClockConfig.ZONE));
        fi.kohtaamo.shared.PublicResponses.keep();
        return "places/detail";
    }
}
