package fi.kohtaamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.monitoring.internal.CountService;
import fi.kohtaamo.outreach.internal.OutreachQueries;
import fi.kohtaamo.outreach.internal.OutreachService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.registry.internal.RegistryService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deleting a place or an activity reaches the other modules by domain events in the same transaction, never by
 * the database's cascades: booked partners get a cancellation and their visits stay, cancelled; a place or
 * activity with visit counts cannot be deleted (and nothing of the deletion is kept). The test clock is
 * 2026-11-25 (a Wednesday).
 */
@IntegrationTest
class DeletionEventsTest {

    static final AtomicLong IDS = new AtomicLong(3_000_000);
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired RegistryService registryService;
    @Autowired OutreachService outreach;
    @Autowired fi.kohtaamo.outreach.internal.OutreachSetup outreachSetup;
    @Autowired OutreachQueries outreachQueries;
    @Autowired CountService counts;
    @Autowired Registry registry;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    long county, place, activity, profession, topic;
    Actor staff, partner, admin;

    @BeforeEach
    void world() {
        county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long host = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long partnerOrg = fx.organisation(OrganisationType.WELLBEING_COUNTY, null, county);
        place = fx.place(area, muni, host);
        staff = new Actor(IDS.incrementAndGet(), "Staff", Role.PROVIDER_STAFF, host, registry.organisationWithDescendants(host),
                null, null, null);
        partner = new Actor(IDS.incrementAndGet(), "Nelli", Role.PARTNER, partnerOrg,
                registry.organisationWithDescendants(partnerOrg), null, null, null);
        admin = new Actor(IDS.incrementAndGet(), "Admin", Role.ADMIN, null, Set.of(), null, null, null);
        Actor coordinator = new Actor(IDS.incrementAndGet(), "Kaisa", Role.COUNTY_COORDINATOR, null, Set.of(), county, null,
                null);
        outreachSetup.savePartner(coordinator, county, Map.of("organisationId", "" + partnerOrg, "kind", "WELLBEING_SERVICES"));
        profession = outreachSetup.saveItem(coordinator, OutreachQueries.Catalogue.PROFESSION, county, null,
                Map.of("code", "nurse", "nameFi", "Terveydenhoitaja", "active", "true"));
        topic = outreachSetup.saveItem(coordinator, OutreachQueries.Catalogue.TOPIC, county, null,
                Map.of("code", "sleep", "nameFi", "unipulmat", "active", "true"));
        outreachSetup.saveOrientation(coordinator, county, Map.of("titleFi", "Perehdytys", "bodyFi", "Tervetuloa."));
        outreachSetup.acknowledge(partner, county, "0");
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Perhekahvila");
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("MONDAY");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-08-10";
        f.seasonEnd = "2027-05-31";
        f.startTime = "9.30";
        f.endTime = "11:30";
        f.languages.add("fi");
        activity = activities.create(staff, f);
    }

    /** A visit booked by the partner on the activity's coming Monday. */
    long bookedVisit() {
        outreach.openSlots(staff, place, new OutreachService.SlotForm("" + activity, List.of(MONDAY.toString()), false,
                "TALK", "1", List.of("" + topic), "fi", null, false));
        long slot = outreachQueries.slotIdOf(activity, MONDAY).orElseThrow();
        return outreach.book(partner, slot, new OutreachService.BookingForm("" + profession, "" + topic, null,
                "nelli@example.fi", null, false)).visitId();
    }

    long rows(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    long cancellations(long visit) {
        return jdbc.sql("select count(*) from mail_message where ics like :uid and ics_method = 'CANCEL' "
                + "and to_address = 'nelli@example.fi'").param("uid", "%UID:visit-" + visit + "@%").query(Long.class).single();
    }

    @Test
    void deletingAnActivityCancelsItsBookedVisitWithAMailAndKeepsTheVisit() {
        long visit = bookedVisit();
        activities.delete(staff, activity);
        assertThat(rows("select count(*) from activity where id = :id", activity)).isZero();
        OutreachQueries.Visit v = outreachQueries.visit(visit).orElseThrow();
        assertThat(v.status()).isEqualTo("CANCELLED");
        assertThat(v.cancelledBy()).isEqualTo("PLACE");
        assertThat(cancellations(visit)).isEqualTo(1);
    }

    @Test
    void deletingAPlaceDeletesItsActivitiesThroughTheCalendarAndCancelsTheirVisits() {
        long visit = bookedVisit();
        registryService.deletePlace(admin, place);
        assertThat(rows("select count(*) from place where id = :id", place)).isZero();
        assertThat(rows("select count(*) from activity where place_id = :id", place)).isZero();
        assertThat(outreachQueries.visit(visit).orElseThrow().status()).isEqualTo("CANCELLED");
        assertThat(cancellations(visit)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACTIVITY_DELETE' and entity_id = :id")
                .param("id", String.valueOf(activity)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aPlaceOrActivityWithCountsCannotBeDeletedAndNothingOfTheDeletionIsKept() {
        long visit = bookedVisit();
        counts.save(staff, place, activity, LocalDate.of(2026, 11, 24), Map.of("adults", "6", "children3to6", "5"));
        var refused = catchThrowableOfType(KohtaamoException.Conflict.class, () -> registryService.deletePlace(admin, place));
        assertThat(refused.code()).isEqualTo("has-counts");
        assertThat(catchThrowableOfType(KohtaamoException.Conflict.class, () -> activities.delete(staff, activity)).code())
                .isEqualTo("has-counts");
        // the place, its activity, the visit and the counts are all as they were; no mail went
        assertThat(rows("select count(*) from place where id = :id", place)).isEqualTo(1);
        assertThat(rows("select count(*) from activity where id = :id", activity)).isEqualTo(1);
        assertThat(outreachQueries.visit(visit).orElseThrow().status()).isEqualTo("REQUESTED");
        assertThat(cancellations(visit)).isZero();
        assertThat(rows("select count(*) from visit_count where place_id = :id", place)).isEqualTo(1);
        assertThat(rows("select count(*) from visit_count_month where place_id = :id", place)).isEqualTo(1);

        // an open day's count alone keeps the place too, and the refusal is a translated page
        long other = fx.openPlace(registry.placeTarget(place).orElseThrow().areaId(),
                jdbc.sql("select municipality_code from place where id = :id").param("id", place).query(String.class).single(),
                registry.placeTarget(place).orElseThrow().organisationIds().iterator().next());
        counts.save(staff, other, 0, LocalDate.of(2026, 11, 23), Map.of("adults", "3"));
        WebClient web = new WebClient(port);
        web.login("admin@demo.kohtaamo.fi", "demo-password-for-tests");
        web.get("/admin/places/" + other + "/delete?lang=sv");
        WebClient.Response page = web.post("/admin/places/" + other + "/delete?lang=sv", Map.of());
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.html().select("main h1").text()).isEqualTo("Kan inte tas bort: besök har räknats");
        assertThat(rows("select count(*) from place where id = :id", other)).isEqualTo(1);
    }

    @Test
    void aPlaceWithAVolunteersAccountCannotBeDeleted() {
        jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, place_id, created_at, updated_at)
                values (:e, 'Veera', '{noop}x', 'VOLUNTEER', :p, current_timestamp, current_timestamp)""")
                .param("e", "veera" + place + "@example.fi").param("p", place).update();
        assertThat(catchThrowableOfType(KohtaamoException.Conflict.class, () -> registryService.deletePlace(admin, place))
                .code()).isEqualTo("has-accounts");
        assertThat(rows("select count(*) from place where id = :id", place)).isEqualTo(1);
        assertThat(rows("select count(*) from activity where place_id = :id", place)).isEqualTo(1);
    }
}
