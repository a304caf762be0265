package fi.kohtaamo.registry;

import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Target;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What other modules may ask of the registry. */
public interface Registry {

    /** The organisation and all its sub-organisations, by id (empty when the id is null or unknown). */
    Set<Long> organisationWithDescendants(Long organisationId);

    /** Where a place sits, for access checks; empty when there is no such place. */
    Optional<Target> placeTarget(long placeId);

    /** The county of an area, municipality-independent; empty when unknown. */
    Optional<Long> countyOfArea(long areaId);

    /** The county an organisation belongs to (its own or its nearest ancestor's). */
    Optional<Long> countyOfOrganisation(long organisationId);

    Optional<Long> areaOfPlace(long placeId);

    /**
     * A place's weekly opening hours on a date: those of the open period covering it, in week order; empty when no
     * period covers the date or the place is closed then.
     */
    List<OpeningHours> openingHours(long placeId, java.time.LocalDate on);

    /** Short references for pick lists and labels. */
    record Ref(long id, LocalizedText name) {
    }

    List<Ref> counties();

    List<Ref> areas(Long countyId);

    List<Ref> organisations(Long countyId);

    Optional<Ref> organisation(long id);

    Optional<Ref> place(long id);

    Optional<Ref> area(long id);

    Optional<Ref> county(long id);

    /** An organisation by its Finnish name (for demo data and imports). */
    Optional<Long> organisationIdByName(String nameFi);

    Optional<Long> countyIdByCode(String code);

    /** Published places matching the criteria, with what a calendar shows of them, by id. */
    java.util.Map<Long, PlaceInfo> publicPlaces(PlaceCriteria criteria);

    /** Whether a municipality with this official code exists. */
    boolean municipalityExists(String code);

    /** Whether an area with this id exists. */
    boolean areaExists(long id);

    /** Organisations of a type, ordered by Finnish name. */
    List<Ref> organisationsOfType(OrganisationType type);

    /** Published places with their area (for modules that need a list of all places). */
    List<Ref> placesOfOrganisation(long organisationId);

    /**
     * All places (published or not) of an area, else of a county, else everywhere, for pick lists
     * such as a volunteer's place; null means no limit.
     */
    List<Ref> places(Long countyId, Long areaId);

    /** A place as staff lists show it, published or not. */
    record StaffPlace(long id, LocalizedText name, String municipalityCode, LocalizedText municipalityName,
            boolean published) {
    }

    /** Places (published or not) in a scope, by municipality and name: for staff pick lists. */
    List<StaffPlace> placesInScope(fi.kohtaamo.shared.Scope scope);

    /** One place as staff lists show it, published or not; empty when there is no such place. */
    Optional<StaffPlace> staffPlace(long placeId);

    /** A place as reports group it, published or not. */
    record ReportPlace(long id, LocalizedText name, PlaceKind kind, String municipalityCode, LocalizedText municipalityName,
            long areaId, LocalizedText areaName, long countyId, Set<Long> organiserIds, boolean published) {
    }

    /** Places (published or not) in a scope, with what reports group them by. */
    List<ReportPlace> reportPlaces(fi.kohtaamo.shared.Scope scope);

    /** An organisation in the hierarchy: its parent (null at the top), type and name. */
    record OrganisationNode(long id, Long parentId, OrganisationType type, LocalizedText name) {
    }

    /** Every organisation, by id (kept until the registry changes). */
    java.util.Map<Long, OrganisationNode> organisationTree();

    /**
     * An organisation and those above it, nearest first, up to the top of its hierarchy (empty for an unknown
     * id; the walk is bounded, so a cycle written into the database never loops).
     */
    static List<OrganisationNode> upwards(java.util.Map<Long, OrganisationNode> tree, long id) {
        List<OrganisationNode> out = new java.util.ArrayList<>();
        OrganisationNode node = tree.get(id);
        while (node != null && out.size() <= tree.size()) {
            out.add(node);
            node = node.parentId() == null ? null : tree.get(node.parentId());
        }
        return out;
    }

    /** A municipality for pick lists, with the county it belongs to. */
    record MunicipalityRef(String code, LocalizedText name, long countyId) {
    }

    /** The municipalities of a county (all when null), by Finnish name. */
    List<MunicipalityRef> municipalities(Long countyId);

    /** What a mapping questionnaire about a place is prefilled with (opening days as on {@code on}); empty when unknown. */
    Optional<PlaceProfile> placeProfile(long placeId, java.time.LocalDate on);

    /**
     * Corrects a place's registry fields from a mapping questionnaire, through the same checks, access rule
     * ({@link RegistryAction#PLACE_UPDATE}), optimistic locking and audit as the place form; does nothing when nothing
     * differs. Returns whether the registry changed.
     */
    boolean correctProfile(fi.kohtaamo.shared.Actor actor, long placeId, PlaceProfile.Correction correction);
    /** Where a place is (coordinates, null when unknown) and its languages: for planning's distances and gaps. */
    record PlacePoint(long id, java.math.BigDecimal latitude, java.math.BigDecimal longitude, List<String> languages) {
    }

    /** The points of the places (published or not) in a scope, by id; two queries whatever the number. */
    java.util.Map<Long, PlacePoint> placePoints(fi.kohtaamo.shared.Scope scope);
}
