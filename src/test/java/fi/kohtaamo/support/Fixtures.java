package fi.kohtaamo.support;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model;
import fi.kohtaamo.registry.internal.Model.Staffing;
import fi.kohtaamo.registry.internal.OrganisationCommand;
import fi.kohtaamo.registry.internal.PlaceCommand;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Builds registry data for a test with names and codes no other test uses. Municipality codes come
 * from 100 up to 998, skipping the ten real codes of Länsi-Uusimaa that the demo data uses; 999 is
 * kept free for tests of "no such municipality".
 */
@Component
public class Fixtures {

    private static final AtomicInteger NEXT_CODE = new AtomicInteger(100);
    private static final AtomicInteger NEXT = new AtomicInteger(1);
    /** The codes the demo data uses (Länsi-Uusimaa). */
    static final Set<String> DEMO_CODES = Set.of("049", "078", "149", "224", "235", "257", "444", "710", "755", "927");

    private final RegistryQueries queries;
    private final fi.kohtaamo.shared.PublicDataCache cache;

    public Fixtures(RegistryQueries queries, fi.kohtaamo.shared.PublicDataCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    /** Fixtures write past the services (and their audit log), so they tell the public cache themselves. */
    private <T> T changed(T result) {
        cache.changed();
        return result;
    }

    /**
     * The form of a weekly family café at the place, held this season (2026-08-01 – 2027-05-31) 10–12 on the
     * given weekdays; tests set the rest (other languages, ages) before creating it.
     */
    public static ActivityForm weeklyCafe(long place, String nameFi, String... weekdays) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = nameFi;
        f.scheduleKind = "WEEKLY";
        f.weekdays.addAll(List.of(weekdays));
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "10:00";
        f.endTime = "12:00";
        return f;
    }

    public static String unique(String prefix) {
        return prefix + " " + NEXT.getAndIncrement();
    }

    public long county() {
        String code = "T" + NEXT.getAndIncrement();
        return changed(queries.insertCounty(code, LocalizedText.of("Testialue " + code, "Testområde " + code, null), false));
    }

    public String municipality(long countyId) {
        String code = String.valueOf(NEXT_CODE.getAndIncrement());
        while (DEMO_CODES.contains(code)) {
            code = String.valueOf(NEXT_CODE.getAndIncrement());
        }
        if (Integer.parseInt(code) > 998) {
            throw new IllegalStateException("Fixtures ran out of three-digit municipality codes; share fixtures within a test class");
        }
        queries.insertMunicipality(code, countyId, LocalizedText.of("Testikunta " + code, "Testkommun " + code, null),
                "FI_SV", Instant.now());
        return changed(code);
    }

    public long area(long countyId, String... municipalities) {
        return changed(queries.insertArea(countyId, LocalizedText.of(unique("Testialue"), null, null),
                LocalizedText.EMPTY, List.of(municipalities), Instant.now()));
    }

    public long organisation(OrganisationType type, Long parentId, Long countyId) {
        return changed(queries.insertOrganisation(new OrganisationCommand(parentId, type,
                LocalizedText.of(unique("Testijärjestö"), null, null), null, null, null, null, countyId, null),
                Instant.now()));
    }

    /** A place open every day 9–15 (a count of its open day is offered on any day). */
    public long openPlace(long areaId, String municipality, long... organisers) {
        PlaceCommand c = command(unique("Testipaikka"), areaId, municipality, organisers);
        List<Model.Hours> hours = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> new Model.Hours(d, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(15, 0))).toList();
        PlaceCommand open = new PlaceCommand(c.kind(), c.name(), c.description(), c.directions(), c.areaId(),
                c.municipalityCode(), c.streetAddress(), c.postalCode(), c.postOffice(), c.latitude(), c.longitude(),
                c.premisesType(), c.premisesOwnership(), c.hasYard(), c.features(), c.accessibilityNotes(), c.staffing(),
                c.cooperationPartners(), c.contactEmail(), c.contactPhone(), c.website(), c.published(), c.organiserIds(),
                c.targetGroups(), c.languages(), c.funding(),
                List.of(new PlaceCommand.Period(java.time.LocalDate.of(2000, 1, 1), null, false, LocalizedText.EMPTY, hours)));
        return changed(queries.insertPlace(open, false, Instant.now()));
    }

    /** A place with no opening hours: closed every day, so only its activities' occurrences can be counted. */
    /** A place of a new MLL association in a new area, municipality and county. */
    public record NewPlace(long county, String municipality, long area, long place) {
    }

    public NewPlace placeInNewCounty() {
        long county = county();
        String municipality = municipality(county);
        long area = area(county, municipality);
        return new NewPlace(county, municipality, area,
                place(area, municipality, organisation(fi.kohtaamo.registry.OrganisationType.MLL_ASSOCIATION, null, county)));
    }

    public long place(long areaId, String municipality, long... organisers) {
        return changed(queries.insertPlace(command(unique("Testipaikka"), areaId, municipality, organisers), false,
                Instant.now()));
    }

    public static PlaceCommand command(String name, long areaId, String municipality, long... organisers) {
        return new PlaceCommand(PlaceKind.FAMILY_CAFE, LocalizedText.of(name, null, null), LocalizedText.EMPTY,
                LocalizedText.EMPTY, areaId, municipality, "Testikatu 1", "02100", "Espoo", null, null, null, null, false,
                Set.of(), LocalizedText.EMPTY, new Staffing(1, 0, 0, 2), null, null, null, null, true,
                java.util.Arrays.stream(organisers).boxed().toList(), Set.of(TargetGroup.UNDER_SCHOOL_AGE),
                List.of("fi"), Set.of(), List.of());
    }
}
