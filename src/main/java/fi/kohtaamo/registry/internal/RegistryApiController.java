package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Accessibility;
import fi.kohtaamo.registry.internal.Model.OpeningPeriod;
import fi.kohtaamo.registry.internal.Model.PlaceDetail;
import fi.kohtaamo.registry.internal.Model.PlaceFilter;
import fi.kohtaamo.registry.internal.Model.PlaceSummary;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public JSON API of the registry. Only public fields and published places are ever returned. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Meeting places, organisations, areas and municipalities")
class RegistryApiController {

    private final RegistryQueries queries;
    private final NearPoints near;

    RegistryApiController(RegistryQueries queries, NearPoints near) {
        this.queries = queries;
        this.near = near;
    }

    public record PlaceListJson(List<PlaceJson> items, int page, int size, long total) {
    }

    public record AccessibilityJson(boolean stepFreeEntrance, boolean accessibleToilet, boolean lift,
            boolean pramParking, boolean hearingLoop, LocalizedText notes) {

        static AccessibilityJson of(Accessibility a) {
            return new AccessibilityJson(a.stepFreeEntrance(), a.accessibleToilet(), a.lift(), a.pramParking(),
                    a.hearingLoop(), a.notes().isEmpty() ? null : a.notes());
        }
    }

    public record AddressJson(String street, String postalCode, String postOffice, BigDecimal latitude,
            BigDecimal longitude) {
    }

    public record RefJson(long id, LocalizedText name) {
    }

    public record MunicipalityRefJson(String code, LocalizedText name) {
    }

    public record OrganiserJson(long id, LocalizedText name, OrganisationType type) {
    }

    public record PlaceJson(long id, PlaceKind kind, LocalizedText name, LocalizedText description,
            LocalizedText directions, MunicipalityRefJson municipality, RefJson area, AddressJson address,
            AccessibilityJson accessibility, Set<TargetGroup> targetGroups, List<String> languages,
            List<OrganiserJson> organisers, List<OpeningPeriod> openingPeriods, ContactJson contact,
            Instant updatedAt, Long distanceMetres) {

        /** The same place with its distance from the {@code near} point, in whole metres. */
        PlaceJson withDistance(Double metres) {
            return metres == null ? this : new PlaceJson(id, kind, name, description, directions, municipality, area,
                    address, accessibility, targetGroups, languages, organisers, openingPeriods, contact, updatedAt,
                    Math.round(metres));
        }
    }

    public record ContactJson(String email, String phone, String website) {
    }

    static PlaceJson json(PlaceSummary p) {
        return new PlaceJson(p.id(), p.kind(), p.name(), null, null,
                new MunicipalityRefJson(p.municipalityCode(), p.municipalityName()), new RefJson(p.areaId(), p.areaName()),
                new AddressJson(p.streetAddress(), p.postalCode(), p.postOffice(), null, null),
                AccessibilityJson.of(p.accessibility()), p.targetGroups(), p.languages(),
                p.organisers().stream().map(o -> new OrganiserJson(o.id(), o.name(), o.type())).toList(), null, null,
                p.updatedAt(), null);
    }

    static PlaceJson json(PlaceDetail p) {
        return new PlaceJson(p.id(), p.kind(), p.name(), p.description().isEmpty() ? null : p.description(),
                p.directions().isEmpty() ? null : p.directions(),
                new MunicipalityRefJson(p.municipalityCode(), p.municipalityName()), new RefJson(p.areaId(), p.areaName()),
                new AddressJson(p.streetAddress(), p.postalCode(), p.postOffice(), p.latitude(), p.longitude()),
                AccessibilityJson.of(p.accessibility()), p.targetGroups(), p.languages(),
                p.organisers().stream().map(o -> new OrganiserJson(o.id(), o.name(), o.type())).toList(),
                p.openingPeriods(), new ContactJson(p.contactEmail(), p.contactPhone(), p.website()), p.updatedAt(), null);
    }

    @GetMapping("/places")
    @Operation(summary = "Published meeting places, filtered and paged",
            description = "Filters as on the public place list. `municipality` takes the official Statistics Finland code.")
    PlaceListJson places(@RequestParam(required = false) @Parameter(description = "area id") String area,
            @RequestParam(required = false) @Parameter(description = "official municipality code, e.g. 049") String municipality,
            @RequestParam(required = false) @Parameter(description = "PlaceKind") String kind,
            @RequestParam(required = false) @Parameter(description = "TargetGroup") String targetGroup,
            @RequestParam(required = false) @Parameter(description = "ISO 639-1 language of activity") String language,
            @RequestParam(required = false) @Parameter(description = "AccessibilityFeature, repeatable") List<String> accessibility,
            @RequestParam(required = false) @Parameter(description = "text search in names and addresses") String q,
            @RequestParam(required = false) @Parameter(description = "page number from 0") String page,
            @RequestParam(required = false) @Parameter(description = "page size, 1-500, default 100") String size,
            @RequestParam(name = "near", required = false) @Parameter(description = "order by distance from place:<id>, "
                    + "municipality:<code> or <lat>,<lon>; each item then has distanceMetres") String nearRaw) {
        PlaceFilter filter = PlaceFilterParams.parse(queries, area, municipality, kind, targetGroup, language,
                accessibility, q);
        int p = PlaceFilterParams.page(page);
        int n = PlaceFilterParams.size(size, 100, 500);
        var point = near.point(nearRaw);
        if (point.isPresent()) {
            var r = near.publicPlacesNear(filter, point.get(), Lang.FI, p, n);
            return new PlaceListJson(r.page().items().stream().map(s -> json(s).withDistance(r.metres().get(s.id())))
                    .toList(), r.page().page(), r.page().size(), r.page().total());
        }
        var result = queries.publicPlaces(filter, Lang.FI, p, n);
        return new PlaceListJson(result.items().stream().map(RegistryApiController::json).toList(), result.page(),
                result.size(), result.total());
    }

    @GetMapping("/places/{id}")
    @Operation(summary = "One published meeting place with its opening periods")
    PlaceJson place(@PathVariable String id) {
        long placeId = PlaceFilterParams.positiveLongOrNotFound(id);
        PlaceDetail p = queries.place(placeId).filter(PlaceDetail::published)
                .orElseThrow(() -> new KohtaamoException.NotFound("place " + id));
        return json(p);
    }

    public record OrganisationJson(long id, Long parentId, OrganisationType type, LocalizedText name, String website,
            Long countyId, String municipalityCode) {
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations (municipalities, MLL districts and associations, parishes, NGOs)")
    List<OrganisationJson> organisations() {
        return queries.organisations(null, Lang.FI).stream().map(o -> new OrganisationJson(o.id(), o.parentId(),
                o.type(), o.name(), o.website(), o.countyId(), o.municipalityCode())).toList();
    }

    public record AreaJson(long id, long countyId, LocalizedText name, List<String> municipalities) {
    }

    @GetMapping("/areas")
    @Operation(summary = "Coordination areas with their municipalities (official codes)")
    List<AreaJson> areas() {
        return queries.areas(null).stream()
                .map(a -> new AreaJson(a.id(), a.countyId(), a.name(), a.municipalityCodes())).toList();
    }

    public record MunicipalityJson(String code, long countyId, LocalizedText name, String languageStatus) {
    }

    @GetMapping("/municipalities")
    @Operation(summary = "Municipalities by official Statistics Finland code")
    List<MunicipalityJson> municipalities() {
        return queries.municipalities(null).stream()
                .map(m -> new MunicipalityJson(m.code(), m.countyId(), m.name(), m.languageStatus())).toList();
    }
}
