package fi.kohtaamo.access;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.outreach.internal.OutreachQueries;
import fi.kohtaamo.outreach.internal.OutreachSetup;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The records the access matrix works on. Two counties: A with areas A1 and A2, B with area B1. In A1 a place
 * of an MLL association (under a district under the national organisation); in A2 a place of a parish; in B1 a
 * place of an organisation of county B. One signed-in account of each role: the county coordinator of A, the
 * area coordinator of A1, staff of the association, a partner organisation of county A, a volunteer of the
 * association's place, a national reporter of the national organisation.
 */
final class AccessWorld {

    /** Whose record: the actor's own, another organisation's or area's in the same county, another county's. */
    enum Where {
        OWN, SIBLING, OTHER_COUNTY
    }

    static final String PASSWORD = "matriisin-salasana-1";

    final ApplicationContext context;
    final int port;
    final Fixtures fx;
    final JdbcClient jdbc;
    final Actor system = new Actor(9_200_000L, "System", Role.ADMIN, null, Set.of(), null, null, null);

    final long countyA;
    final long countyB;
    final long national;
    final long partnerOrg;
    final long partnerOrgB;
    final Map<Where, Long> county = new EnumMap<>(Where.class);
    final Map<Where, String> municipality = new EnumMap<>(Where.class);
    final Map<Where, Long> area = new EnumMap<>(Where.class);
    final Map<Where, Long> organisation = new EnumMap<>(Where.class);
    final Map<Where, Long> place = new EnumMap<>(Where.class);
    final Map<Where, Long> activity = new EnumMap<>(Where.class);
    final Map<Where, Long> profession = new EnumMap<>(Where.class);
    private final Map<Role, WebClient> clients = new LinkedHashMap<>();
    /** The signed-in account of each role (coordination's seats name their holders by account). */
    final Map<Role, Long> userIds = new java.util.EnumMap<>(Role.class);

    AccessWorld(ApplicationContext context, int port) {
        this.context = context;
        this.port = port;
        this.fx = context.getBean(Fixtures.class);
        this.jdbc = context.getBean(JdbcClient.class);
        countyA = fx.county();
        countyB = fx.county();
        county.put(Where.OWN, countyA);
        county.put(Where.SIBLING, countyA);
        county.put(Where.OTHER_COUNTY, countyB);
        municipality.put(Where.OWN, fx.municipality(countyA));
        municipality.put(Where.SIBLING, fx.municipality(countyA));
        municipality.put(Where.OTHER_COUNTY, fx.municipality(countyB));
        for (Where w : Where.values()) {
            area.put(w, fx.area(county.get(w), municipality.get(w)));
        }
        national = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        long district = fx.organisation(OrganisationType.MLL_DISTRICT, national, countyA);
        organisation.put(Where.OWN, fx.organisation(OrganisationType.MLL_ASSOCIATION, district, countyA));
        organisation.put(Where.SIBLING, fx.organisation(OrganisationType.PARISH, null, countyA));
        organisation.put(Where.OTHER_COUNTY, fx.organisation(OrganisationType.OTHER_NGO, null, countyB));
        partnerOrg = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, countyA);
        partnerOrgB = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, countyB);
        for (Where w : Where.values()) {
            place.put(w, fx.openPlace(area.get(w), municipality.get(w), organisation.get(w)));
            activity.put(w, activity(place.get(w)));
        }
        // the partner works in county A (and a partner of county B there, to make visits and proposals in B)
        OutreachSetup outreachSetup = context.getBean(OutreachSetup.class);
        partner(outreachSetup, partnerOrg, countyA);
        partner(outreachSetup, partnerOrgB, countyB);
        for (Where w : Where.values()) {
            profession.put(w, outreachSetup.saveItem(system, OutreachQueries.Catalogue.PROFESSION, county.get(w), null,
                    Map.of("code", "p" + System.nanoTime(), "nameFi", "Terveydenhoitaja", "active", "true")));
        }

        account(Role.ADMIN, null, null, null, null);
        account(Role.COUNTY_COORDINATOR, null, countyA, null, null);
        account(Role.AREA_COORDINATOR, null, countyA, area.get(Where.OWN), null);
        account(Role.PROVIDER_STAFF, organisation.get(Where.OWN), countyA, null, null);
        account(Role.PARTNER, partnerOrg, countyA, null, null);
        account(Role.VOLUNTEER, null, countyA, area.get(Where.OWN), place.get(Where.OWN));
        account(Role.NATIONAL_REPORTER, national, null, null, null);
    }

    private void partner(OutreachSetup outreachSetup, long org, long countyId) {
        outreachSetup.savePartner(system, countyId, Map.of("organisationId", "" + org, "kind", "WELLBEING_SERVICES"));
        if (context.getBean(OutreachQueries.class).orientation(countyId).isEmpty()) {
            outreachSetup.saveOrientation(system, countyId, Map.of("titleFi", "Perehdytys", "bodyFi", "Teksti"));
        }
        outreachSetup.acknowledge(actor(Role.PARTNER, org), countyId, "0");
    }

    /** An actor made the way the application makes it, for setting up data through the services. */
    Actor actor(Role role, long org) {
        return new Actor(9_200_001L, "Kumppani", role, org,
                context.getBean(Registry.class).organisationWithDescendants(org), null, null, null);
    }

    /** A family café on Tuesdays from January to May 2027 at the place. */
    ActivityForm activityForm(long placeId) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(placeId);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Matriisin toiminto");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2027-01-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "09:30";
        f.endTime = "11:00";
        return f;
    }

    long activity(long placeId) {
        return context.getBean(ActivityService.class).create(system, activityForm(placeId));
    }

    private void account(Role role, Long org, Long countyId, Long areaId, Long placeId) {
        String email = Fixtures.unique("matriisi-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        userIds.put(role, context.getBean(UserQueries.class).insert(email, "Matriisi " + role, context.getBean(
                PasswordEncoder.class).encode(PASSWORD), role, org, countyId, areaId, placeId, "fi", true, false,
                Instant.now()));
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        assertThat(web.get("/admin/account").status()).isEqualTo(200); // reads the session's CSRF token
        clients.put(role, web);
    }

    Map<Role, WebClient> clients() {
        return clients;
    }

    WebClient admin() {
        return clients.get(Role.ADMIN);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
