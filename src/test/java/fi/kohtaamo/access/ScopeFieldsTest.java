package fi.kohtaamo.access;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.support.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.access.AccessWorld.Where;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No field of a form widens the sender's scope: each form of each module sent by someone allowed to use it,
 * in their own scope, but with a field naming a record of another county (an organisation's parent, an area's
 * municipality, a slot's activity, a counted activity, a booked profession, an activity's organiser). Each is
 * refused (a field error, 403 or 404) and changes nothing. Accounts and places have their own tests
 * (UserAdminPagesTest, PlaceAdminPagesTest).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeFieldsTest {

    @Autowired org.springframework.context.ApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    AccessWorld w;

    @BeforeAll
    void build() {
        w = new AccessWorld(context, port);
    }

    private long count(String sql, Object p) {
        return w.jdbc.sql(sql).param("p", p).query(Long.class).single();
    }

    private static void refusedAndUnchanged(String what, Supplier<Object> state, Supplier<WebClient.Response> request) {
        Object before = state.get();
        int status = request.get().status();
        assertThat(status).as(what).isIn(400, 403, 404);
        assertThat(state.get()).as(what + ": nothing changed").isEqualTo(before);
    }

    @Test
    void registryForms() {
        WebClient coordinator = w.clients().get(Role.COUNTY_COORDINATOR);
        long orgB = w.organisation.get(Where.OTHER_COUNTY);
        refusedAndUnchanged("an organisation of county A under one of county B",
                () -> count("select count(*) from organisation where parent_id = :p", orgB),
                () -> coordinator.post("/admin/organisations", with(with(with(with(formFields(coordinator
                        .get("/admin/organisations/new").html()), "type", "OTHER_NGO"), "nameFi",
                        Fixtures.unique("Järjestö")), "countyId", "" + w.countyA), "parentId", "" + orgB)));
        long own = w.organisation.get(Where.SIBLING);
        refusedAndUnchanged("an organisation of county A moved to county B",
                () -> w.jdbc.sql("select county_id, version from organisation where id = :p").param("p", own).query()
                        .listOfRows().toString(),
                () -> coordinator.post("/admin/organisations/" + own, with(formFields(coordinator
                        .get("/admin/organisations/" + own).html()), "countyId", "" + w.countyB)));
        refusedAndUnchanged("an area of county A with a municipality of county B",
                () -> count("select count(*) from area_municipality where municipality_code = :p",
                        w.municipality.get(Where.OTHER_COUNTY)),
                () -> coordinator.post("/admin/areas", with(with(with(formFields(coordinator
                        .get("/admin/areas/new?countyId=" + w.countyA).html()), "nameFi", Fixtures.unique("Alue")),
                        "countyId", "" + w.countyA), "municipalities", w.municipality.get(Where.OTHER_COUNTY))));
    }

    @Test
    void calendarForms() {
        WebClient staff = w.clients().get(Role.PROVIDER_STAFF);
        long placeB = w.place.get(Where.OTHER_COUNTY);
        // naming their own organisation as the organiser of an activity at a place of county B
        var form = with(with(with(with(with(formFields(w.admin().get("/admin/places/" + placeB + "/activities/new")
                .html()), "kind", "FAMILY_CAFE"), "nameFi", Fixtures.unique("Kerho")), "seasonStart", "2027-01-01"),
                "seasonEnd", "2027-05-31"), "organiserIds", "" + w.organisation.get(Where.OWN));
        var fields = with(with(form, "startTime", "09:30"), "endTime", "11:00");
        fields.add(Map.entry("weekdays", "TUESDAY"));
        refusedAndUnchanged("an activity at a place of county B", () -> count(
                "select count(*) from activity where place_id = :p", placeB),
                () -> staff.post("/admin/places/" + placeB + "/activities", fields));
    }

    @Test
    void outreachForms() {
        WebClient staff = w.clients().get(Role.PROVIDER_STAFF);
        long placeA = w.place.get(Where.OWN);
        long activityB = w.activity.get(Where.OTHER_COUNTY);
        refusedAndUnchanged("slots at the own place for an activity of county B",
                () -> count("select count(*) from visit_slot where activity_id = :p", activityB),
                () -> staff.post("/admin/outreach/places/" + placeA + "/slots", Map.of("activityId", "" + activityB,
                        "dates", "2027-01-05", "format", "PRESENCE", "capacity", "1", "language", "fi")));
        WebClient partner = w.clients().get(Role.PARTNER);
        long slot = w.bean(fi.kohtaamo.outreach.internal.OutreachQueries.class).insertSlot(w.activity(placeA), placeA,
                java.time.LocalDate.of(2027, 1, 5), java.time.Instant.parse("2027-01-05T07:30:00Z"),
                java.time.Instant.parse("2027-01-05T09:00:00Z"), "PRESENCE", 10, "fi", null, false, List.of(), false,
                java.time.Instant.now());
        refusedAndUnchanged("a booking with a profession of county B",
                () -> count("select count(*) from visit where slot_id = :p", slot),
                () -> partner.post("/admin/outreach/slots/" + slot + "/book", Map.of("professionId",
                        "" + w.profession.get(Where.OTHER_COUNTY), "professionalEmail", "v@example.fi",
                        "acceptWarnings", "true")));
        refusedAndUnchanged("a proposal to an area of county B",
                () -> count("select count(*) from visit_proposal where area_id = :p", w.area.get(Where.OTHER_COUNTY)),
                () -> partner.post("/admin/outreach/proposals", Map.of("areaId", "" + w.area.get(Where.OTHER_COUNTY),
                        "professionId", "" + w.profession.get(Where.OWN), "format", "PRESENCE", "language", "fi",
                        "fromDate", "2027-01-01", "toDate", "2027-02-28")));
    }

    @Test
    void monitoringForms() {
        WebClient volunteer = w.clients().get(Role.VOLUNTEER);
        long placeA = w.place.get(Where.OWN);
        long activityB = w.activity.get(Where.OTHER_COUNTY);
        refusedAndUnchanged("a count at the own place for an activity of county B",
                () -> count("select count(*) from visit_count where activity_id = :p", activityB),
                () -> volunteer.post("/admin/counts/places/" + placeA + "/count", Map.of("date", "2026-11-03",
                        "subject", "" + activityB, "adults", "3", "staff", "1")));
    }

    @Test
    void coordinationForms() {
        var q = w.bean(fi.kohtaamo.coordination.internal.signals.SignalQueries.class);
        long themeB = q.themes(w.countyB).get(0).id();
        long areaA = w.area.get(Where.OWN);
        WebClient staff = w.clients().get(Role.PROVIDER_STAFF);
        refusedAndUnchanged("a signal about the own area with a theme of county B",
                () -> count("select count(*) from weak_signal_theme where theme_id = :p", themeB),
                () -> staff.post("/admin/signals", List.of(Map.entry("body", "Jonot"), Map.entry("noticedOn",
                        "2026-11-02"), Map.entry("areaIds", "" + areaA), Map.entry("themeIds", "" + themeB))));
        long themeA = q.themes(w.countyA).get(0).id();
        long signal = q.insertSignal(w.countyA, "Jonot", java.time.LocalDate.of(2026, 11, 2), w.system.id(), "Matriisi",
                w.organisation.get(Where.OWN), List.of(themeA), List.of(areaA), java.time.Instant.now());
        WebClient coordinator = w.clients().get(Role.COUNTY_COORDINATOR);
        refusedAndUnchanged("a signal of county A taken up by the network of an area of county B",
                () -> q.signal(signal).orElseThrow().version(),
                () -> coordinator.post("/admin/signals/" + signal + "/handle", Map.of("state", "ON_AGENDA", "version",
                        "0", "areaId", "" + w.area.get(Where.OTHER_COUNTY))));
        refusedAndUnchanged("the rule of county B set by county A's coordinator",
                () -> count("select count(*) from criteria_rule where county_id = :p", w.countyB),
                () -> coordinator.post("/admin/criteria/rule", Map.of("county", "" + w.countyB, "minScore", "3")));
        refusedAndUnchanged("a theme of county B added by county A's coordinator",
                () -> q.themes(w.countyB).size(),
                () -> coordinator.post("/admin/signals/themes", Map.of("county", "" + w.countyB, "code", "x_b",
                        "nameFi", "X")));
    }

    @Test
    void coordinationGroupForms() {
        WebClient coordinator = w.clients().get(Role.COUNTY_COORDINATOR);
        var groups = w.bean(fi.kohtaamo.coordination.internal.GroupQueries.class);
        var meetings = w.bean(fi.kohtaamo.coordination.internal.MeetingQueries.class);
        long g = groups.insertGroup(w.countyA, "NETWORK", Fixtures.unique("Verkosto"), null, "fi", false,
                List.of(w.area.get(Where.OWN)), java.time.Instant.now());
        long m = meetings.insertMeeting(g, "MEETING", "Kokous", java.time.Instant.parse("2026-11-10T11:00:00Z"),
                java.time.Instant.parse("2026-11-10T13:00:00Z"), null, null, null, java.time.Instant.now());
        long orgB = w.organisation.get(Where.OTHER_COUNTY);
        refusedAndUnchanged("a group of county A in an area of county B",
                () -> groups.groupsOfCounty(w.countyA).size() + "/" + groups.groupsOfCounty(w.countyB).size(),
                () -> coordinator.post("/admin/groups", List.of(Map.entry("countyId", "" + w.countyA),
                        Map.entry("kind", "NETWORK"), Map.entry("name", "Verkosto"), Map.entry("language", "fi"),
                        Map.entry("areaIds", "" + w.area.get(Where.OTHER_COUNTY)))));
        refusedAndUnchanged("a seat of an organisation of county B", () -> groups.seats(g).size(),
                () -> coordinator.post("/admin/groups/" + g + "/seats", Map.of("role", "MEMBER", "organisationId",
                        "" + orgB)));
        refusedAndUnchanged("an action item owned by an organisation of county B",
                () -> count("select count(*) from coord_action_item where group_id = :p", g),
                () -> coordinator.post("/admin/meetings/" + m + "/actions", Map.of("what", "Tehtävä",
                        "ownerOrganisationId", "" + orgB)));
        refusedAndUnchanged("attendance at a place of county B",
                () -> count("select count(*) from coord_participant where meeting_id = :p", m),
                () -> coordinator.post("/admin/meetings/" + m + "/attendance", Map.of("guestName", "Vieras",
                        "place-1", "" + w.place.get(Where.OTHER_COUNTY))));
        refusedAndUnchanged("a commitment of county B's organiser recorded in county A",
                () -> count("select count(*) from coord_commitment where organisation_id = :p", orgB),
                () -> coordinator.post("/admin/groups/commitments", Map.of("county", "" + w.countyA,
                        "organisationId", "" + orgB, "committedOn", "2026-01-15", "modelVersion", "2022")));
    }

    /** A survey at the place of {@code where}, opening in March 2027, with one yes/no question. */
    private long survey(Where where) {
        String title = Fixtures.unique("Rajakysely");
        w.jdbc.sql("""
                insert into survey (county_id, title_fi, opens_on, closes_on, created_by, updated_at)
                values (:c, :t, date '2027-03-01', date '2027-03-31', 0, :now)""").param("c", w.county.get(where))
                .param("t", title).param("now", java.sql.Timestamp.from(java.time.Instant.now())).update();
        long id = w.jdbc.sql("select id from survey where title_fi = :t").param("t", title).query(Long.class).single();
        w.jdbc.sql("insert into survey_place (survey_id, place_id) values (:s, :p)").param("s", id)
                .param("p", w.place.get(where)).update();
        w.jdbc.sql("""
                insert into survey_question (survey_id, position, code, kind, text_fi)
                values (:s, 0, 'q1', 'YES_NO', 'Tuletko uudelleen?')""").param("s", id).update();
        return id;
    }

    @Test
    void surveyForms() {
        WebClient staff = w.clients().get(Role.PROVIDER_STAFF);
        String base = "/admin/participation/surveys";
        long own = survey(Where.OWN);
        long other = survey(Where.OTHER_COUNTY);
        staff.get(base + "/" + own + "/edit");
        refusedAndUnchanged("a survey of the own place following a round of county B",
                () -> count("select count(*) from survey where previous_id = :p", other),
                () -> staff.post(base, Map.of("surveyTitleFi", "Kysely", "surveyOpensOn", "2027-03-01",
                        "surveyClosesOn", "2027-03-31", "surveyPlaceIds", "" + w.place.get(Where.OWN),
                        "surveyPreviousId", "" + other)));
        refusedAndUnchanged("the own survey opened at a place of county B",
                () -> count("select count(*) from survey_place where survey_id = :p", own),
                () -> staff.post(base + "/" + own, List.of(Map.entry("surveyTitleFi", "Kysely"),
                        Map.entry("surveyOpensOn", "2027-03-01"), Map.entry("surveyClosesOn", "2027-03-31"),
                        Map.entry("surveyPlaceIds", "" + w.place.get(Where.OWN)),
                        Map.entry("surveyPlaceIds", "" + w.place.get(Where.OTHER_COUNTY)), Map.entry("version", "0"))));
        long otherQuestion = w.jdbc.sql("select id from survey_question where survey_id = :s").param("s", other)
                .query(Long.class).single();
        refusedAndUnchanged("a question shown after an answer to a question of county B's survey",
                () -> count("select count(*) from survey_question where survey_id = :p", own),
                () -> staff.post(base + "/" + own + "/questions", Map.of("questionKind", "TEXT", "questionTextFi",
                        "Miksi?", "questionCondition", otherQuestion + ":no", "questionCondOp", "EQUALS")));
    }
}
