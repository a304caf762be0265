package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** The registry's read models (what queries return and pages and the API show). */
public final class Model {

    private Model() {
    }

    public record County(long id, String code, LocalizedText name) {
    }

    public record Area(long id, long countyId, LocalizedText name, LocalizedText description,
            List<String> municipalityCodes, int version) {
    }

    public record Municipality(String code, long countyId, LocalizedText name, String languageStatus, int version,
            BigDecimal centreLatitude, BigDecimal centreLongitude) {

        public boolean bilingual() {
            return languageStatus.contains("_");
        }
    }

    public record Organisation(long id, Long parentId, OrganisationType type, LocalizedText name, String businessId,
            String website, String email, String phone, Long countyId, String municipalityCode, int version,
            Instant updatedAt) {
    }

    public record OrgRef(long id, LocalizedText name, OrganisationType type) {
    }

    public record Accessibility(boolean stepFreeEntrance, boolean accessibleToilet, boolean lift, boolean pramParking,
            boolean hearingLoop, LocalizedText notes) {

        public boolean any() {
            return stepFreeEntrance || accessibleToilet || lift || pramParking || hearingLoop;
        }
    }

    public record Staffing(int employees, int wageSubsidyStaff, int interns, int volunteers) {
    }

    public record Hours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {

        public boolean evening() {
            return closes.isAfter(LocalTime.of(17, 0));
        }

        public boolean weekend() {
            return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
        }
    }

    public record OpeningPeriod(long id, LocalDate validFrom, LocalDate validTo, boolean closed, LocalizedText note,
            List<Hours> hours) {

        public boolean current(LocalDate today) {
            return !today.isBefore(validFrom) && (validTo == null || !today.isAfter(validTo));
        }
    }

    /** A place as shown in lists (public fields only). */
    public record PlaceSummary(long id, PlaceKind kind, LocalizedText name, String streetAddress, String postalCode,
            String postOffice, String municipalityCode, LocalizedText municipalityName, long areaId,
            LocalizedText areaName, Accessibility accessibility, Set<TargetGroup> targetGroups,
            List<String> languages, List<OrgRef> organisers, boolean published, boolean demo, Instant updatedAt,
            BigDecimal latitude, BigDecimal longitude) {
    }

    /** A place with every field; the internal ones are shown only to staff allowed PLACE_READ_INTERNAL. */
    public record PlaceDetail(long id, PlaceKind kind, LocalizedText name, LocalizedText description,
            LocalizedText directions, long areaId, LocalizedText areaName, long countyId, String municipalityCode,
            LocalizedText municipalityName, String streetAddress, String postalCode, String postOffice,
            BigDecimal latitude, BigDecimal longitude, PremisesType premisesType, PremisesOwnership premisesOwnership,
            boolean hasYard, Accessibility accessibility, Staffing staffing, String cooperationPartners,
            String contactEmail, String contactPhone, String website, boolean published, boolean demo, int version,
            Instant createdAt, Instant updatedAt, List<OrgRef> organisers, Set<TargetGroup> targetGroups,
            List<String> languages, Set<FundingSource> funding, List<OpeningPeriod> openingPeriods) {

        public Set<Long> organiserIds() {
            return organisers.stream().map(OrgRef::id).collect(java.util.stream.Collectors.toSet());
        }

        public boolean eveningOpening() {
            return openingPeriods.stream().flatMap(p -> p.hours().stream()).anyMatch(Hours::evening);
        }

        public boolean weekendOpening() {
            return openingPeriods.stream().flatMap(p -> p.hours().stream()).anyMatch(Hours::weekend);
        }
    }

    /** Filters of the public place list and the API. Empty values mean "any". */
    public record PlaceFilter(Long areaId, String municipalityCode, PlaceKind kind, TargetGroup targetGroup,
            String language, Set<fi.kohtaamo.registry.AccessibilityFeature> accessibility, String text) {

        public static final PlaceFilter ALL = new PlaceFilter(null, null, null, null, null, Set.of(), null);

        public PlaceFilter {
            accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {

        public int pages() {
            return size == 0 ? 0 : (int) ((total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }
}
