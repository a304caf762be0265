package fi.kohtaamo.planning;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Planning over HTTP on a constructed timetable. The test clock stands at Wednesday 25.11.2026, so the default
 * window is the eight weeks from Monday 23.11.2026. Area A: two baby cafés for babies on Tuesdays at overlapping
 * times (an overlap), a group for 3–6-year-olds at the same time (different ages: no overlap), a Wednesday café that
 * follows school holidays and is held only in the Christmas holiday (no date in common with the other Wednesday
 * café: no overlap). Area B: a Tuesday baby café 1 km from area A's place (an overlap only when the distance is set).
 */
@IntegrationTest
class PlanningTest {

    static final String PASSWORD = "suunnittelun-salasana-1";

    @LocalServerPort int port;
    @Autowired fi.kohtaamo.calendar.ActivityCalendar calendar;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired ActivityService activities;

    long county, areaA, areaB, place1, place2, place3;
    String muniA, muniB;
    String a1, a2, a3, a4, a5, a6;
    long id1, id2;
    WebClient coordinator, areaCoordinator, staff;

    @BeforeEach
    void world() {
        county = fx.county();
        muniA = fx.municipality(county);
        muniB = fx.municipality(county);
        areaA = fx.area(county, muniA);
        areaB = fx.area(county, muniB);
        long org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        place1 = fx.place(areaA, muniA, org);
        place2 = fx.place(areaA, muniA, org);
        place3 = fx.place(areaB, muniB, org);
        point(place1, 60.2500, 24.0600);
        point(place2, 60.2510, 24.0610);
        point(place3, 60.2590, 24.0600);
        a1 = Fixtures.unique("Vauvakahvila Yksi");
        a2 = Fixtures.unique("Vauvakahvila Kaksi");
        a3 = Fixtures.unique("Leikkiryhmä Kolme");
        a4 = Fixtures.unique("Joulukahvila Neljä");
        a5 = Fixtures.unique("Keskiviikkokahvila Viisi");
        a6 = Fixtures.unique("Naapurikahvila Kuusi");
        id1 = activity(place1, a1, "TUESDAY", "09:30", "11:00", "0", "0", "2026-08-01", "2027-05-31", false);
        id2 = activity(place2, a2, "TUESDAY", "10:00", "11:30", "0", "0", "2026-08-01", "2027-05-31", false);
        activity(place2, a3, "TUESDAY", "10:00", "11:30", "3", "6", "2026-08-01", "2027-05-31", false);
        activity(place1, a4, "WEDNESDAY", "09:30", "11:00", "0", "1", "2026-12-21", "2027-01-06", true);
        activity(place2, a5, "WEDNESDAY", "09:30", "11:00", "0", "1", "2026-08-01", "2026-12-20", false);
        activity(place3, a6, "TUESDAY", "09:30", "11:00", "0", "0", "2026-08-01", "2027-05-31", false);
        jdbc.sql("""
                insert into school_holiday (municipality_code, school_language, start_date, end_date, name_fi, updated_at)
                values (:m, 'fi', date '2026-12-19', date '2027-01-06', 'Joululoma', current_timestamp)""")
                .param("m", muniA).update();
        coordinator = login(Role.COUNTY_COORDINATOR, county, null);
        areaCoordinator = login(Role.AREA_COORDINATOR, county, areaB);
        staff = login(Role.PROVIDER_STAFF, null, null);
        // the forms' CSRF token comes from the last page read
        coordinator.get("/admin/planning/coverage?county=" + county);
        areaCoordinator.get("/admin/planning/coverage?area=" + areaB);
    }

    void point(long place, double lat, double lon) {
        jdbc.sql("update place set latitude = :lat, longitude = :lon where id = :id").param("lat", lat)
                .param("lon", lon).param("id", place).update();
        fx.getClass(); // the registry's cache: the updates above happen before any read of the points
    }

    long activity(long place, String name, String weekday, String start, String end, String ageMin, String ageMax,
            String from, String to, boolean followsSchoolHolidays) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "BABY_CAFE";
        f.nameFi = name;
        f.weekdays.add(weekday);
        f.ageMinYears = ageMin;
        f.ageMaxYears = ageMax;
        f.languages.add("fi");
        f.seasonStart = from;
        f.seasonEnd = to;
        f.startTime = start;
        f.endTime = end;
        if (followsSchoolHolidays) {
            f.followsSchoolHolidays = "true";
            f.schoolLanguage = "fi";
        }
        return activities.create(new Actor(1, "Testi", Role.ADMIN, null, Set.of(), null, null, null), f);
    }

    WebClient login(Role role, Long countyId, Long areaId) {
        String email = Fixtures.unique("suunnittelu-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        Long org = role == Role.PROVIDER_STAFF ? fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county) : null;
        users.insert(email, "Suunnittelu " + role, encoder.encode(PASSWORD), role, org, countyId, areaId, null, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    String overlaps(WebClient web, String query) {
        var r = web.get("/admin/planning?county=" + county + query);
        assertThat(r.status()).as(query).isEqualTo(200);
        return r.html().select("#open + p + ul, #open ~ ul.overlap-list").first() == null ? ""
                : r.html().select("ul.overlap-list").first().text();
    }

    @Test
    void overlapsOnlyOnDatesBothAreHeldForTheSameAges() {
        String open = overlaps(coordinator, "");
        assertThat(open).contains(a1).contains(a2);
        // different ages, the school holiday café and the other area's café overlap with nothing
        assertThat(open).doesNotContain(a3).doesNotContain(a4).doesNotContain(a5).doesNotContain(a6);
        // 8 Tuesdays in the window, none a holiday: 8 dates in common, first Tuesday 24.11.2026
        assertThat(open).contains("8, ensimmäinen 24.11.2026");
        // within 2 km the neighbouring area's café overlaps too (about 1 km apart)
        String near = overlaps(coordinator, "&distance=2000");
        assertThat(near).contains(a6);
        assertThat(overlaps(coordinator, "&distance=500")).doesNotContain(a6);
    }

    @Test
    void anOverlapIsKeptOnPurposeWithAReasonAndAudited() {
        var keep = coordinator.post("/admin/planning/overlaps/keep", Map.of("activityA", "" + id2, "activityB", "" + id1,
                "reason", "Eri kielet vuorotellen", "back", "/admin/planning?county=" + county));
        assertThat(keep.status()).isEqualTo(302);
        var page = coordinator.get("/admin/planning?county=" + county).html();
        assertThat(page.select(".kept").text()).contains(a1).contains("Eri kielet vuorotellen");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PLANNING_OVERLAP_KEEP' and entity_id = "
                + "(select cast(id as varchar(40)) from planning_ignored_overlap where activity_a = :a)")
                .param("a", Math.min(id1, id2)).query(Long.class).single()).isEqualTo(1);
        // without a reason nothing is kept: a translated form error
        var bad = coordinator.post("/admin/planning/overlaps/keep", Map.of("activityA", "" + id1, "activityB", "" + id2,
                "reason", " "));
        assertThat(bad.status()).isEqualTo(400);
        // an area coordinator of another area cannot keep it
        var foreign = areaCoordinator.post("/admin/planning/overlaps/keep", Map.of("activityA", "" + id1,
                "activityB", "" + id2, "reason", "x"));
        assertThat(foreign.status()).isEqualTo(403);
        // released with a stale version: 409, still kept
        long kept = jdbc.sql("select id from planning_ignored_overlap where activity_a = :a").param("a", Math.min(id1, id2))
                .query(Long.class).single();
        assertThat(coordinator.post("/admin/planning/overlaps/" + kept + "/release", Map.of("version", "7")).status())
                .isEqualTo(409);
        assertThat(coordinator.post("/admin/planning/overlaps/" + kept + "/release", Map.of("version", "0")).status())
                .isEqualTo(302);
        assertThat(overlaps(coordinator, "")).contains(a1);
    }

    @Test
    void gapsByWeekdayAgeBandAndLanguage() {
        var page = coordinator.get("/admin/planning/gaps?county=" + county).html();
        var tableA = page.select("#area-" + areaA + " + .table-scroll table").first();
        assertThat(tableA).isNotNull();
        // babies in Finnish: Tuesdays held (2 cafés × 8 weeks = 16), Mondays a gap; Swedish: every column a gap
        var finnishBabies = tableA.select("tbody tr").get(0).select("td");
        assertThat(finnishBabies.get(0).text()).isEqualTo("suomi");
        assertThat(finnishBabies.get(1).text()).isEqualTo("aukko");
        assertThat(finnishBabies.get(2).text()).isEqualTo("16");
        var swedishBabies = tableA.select("tbody tr").get(1).select("td");
        assertThat(swedishBabies.get(0).text()).isEqualTo("ruotsi");
        assertThat(swedishBabies.select("td.gap")).hasSize(9);
        // the heat map's table: area A's Tuesday 9–11 has the three Tuesday groups' 24 sessions / 8 weeks
        var heat = coordinator.get("/admin/planning/heatmap?county=" + county + "&area=" + areaA).html();
        assertThat(heat.select("svg[aria-hidden=true]")).hasSize(1);
        var tuesday = heat.select("table tbody tr").get(1).select("td");
        assertThat(tuesday.get(2).text()).isEqualTo("3,0");
        // only 3–6-year-olds: one group
        var older = coordinator.get("/admin/planning/heatmap?county=" + county + "&area=" + areaA + "&band=3-6").html();
        assertThat(older.select("table tbody tr").get(1).select("td").get(2).text()).isEqualTo("1,0");
        assertThat(coordinator.get("/admin/planning/heatmap?county=" + county + "&band=99").status()).isEqualTo(400);
    }

    @Test
    void aSketchShowsWhatAMoveRemovesAndCreatesWithoutTouchingTheCalendar() {
        String before = jdbc.sql("select weekdays from activity where id = :id").param("id", id2).query(String.class).single();
        var moved = coordinator.post("/admin/planning/sketch/changes", Map.of("county", "" + county, "change", "MOVE",
                "activity", "" + id2, "weekday", "4", "start", "10:00"));
        assertThat(moved.status()).isEqualTo(302);
        var page = coordinator.get("/admin/planning/sketch?county=" + county).html();
        var diff = page.select(".sketch-diff");
        assertThat(diff.select("h3").get(1).text()).endsWith("1");
        assertThat(diff.select("li.removed").text()).contains(a1).contains(a2);
        assertThat(diff.text()).contains("torstai");
        assertThat(jdbc.sql("select weekdays from activity where id = :id").param("id", id2).query(String.class).single())
                .isEqualTo(before);
        // adding a Swedish group for babies on Monday fills that gap, and a bad time is a field error
        assertThat(coordinator.post("/admin/planning/sketch/changes", Map.of("county", "" + county, "change", "ADD",
                "place", "" + place1, "kind", "BABY_CAFE", "ageMin", "0", "ageMax", "0", "language", "sv", "weekday", "1",
                "start", "25:00", "duration", "90")).status()).isEqualTo(400);
        assertThat(coordinator.post("/admin/planning/sketch/changes", Map.of("county", "" + county, "change", "ADD",
                "place", "" + place1, "kind", "BABY_CAFE", "ageMin", "0", "ageMax", "0", "language", "sv", "weekday", "1",
                "start", "10:00", "duration", "90")).status()).isEqualTo(302);
        var after = coordinator.get("/admin/planning/sketch?county=" + county).html();
        assertThat(after.select(".sketch-diff li.removed").text()).contains("ruotsi · maanantai");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PLANNING_SKETCH_CHANGE' and actor_name like 'Suunnittelu%'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        // another user's sketch is their own
        assertThat(areaCoordinator.get("/admin/planning/sketch?area=" + areaB).html().select("#changes-title").text())
                .endsWith("(0)");
    }

    @Test
    void aUserKeepsAtMostAHundredSketchChangesAndTheNextIsAFieldErrorInTheirLanguage() {
        Map<String, String> move = Map.of("county", "" + county, "change", "MOVE", "activity", "" + id2, "weekday", "4",
                "start", "10:00");
        assertThat(coordinator.post("/admin/planning/sketch/changes", move).status()).isEqualTo(302);
        long user = jdbc.sql("select user_id from planning_sketch_change where activity_id = :a").param("a", id2)
                .query(Long.class).single();
        // 98 more straight into the table: the 100th goes through the form
        for (int i = 0; i < 98; i++) {
            jdbc.sql("insert into planning_sketch_change (user_id, county_id, change_kind, activity_id, created_at) "
                    + "values (:u, :c, 'REMOVE', :a, current_timestamp)").param("u", user).param("c", county)
                    .param("a", id1).update();
        }
        assertThat(coordinator.post("/admin/planning/sketch/changes", move).status()).isEqualTo(302);
        var refused = coordinator.post("/admin/planning/sketch/changes?lang=sv", move);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html().select("#error-summary a[href=#f-changes]").text())
                .contains("Dina utkast har redan 100 ändringar");
        assertThat(refused.html().select("#f-changes")).hasSize(1);
        var fi = coordinator.post("/admin/planning/sketch/changes?lang=fi", Map.of("county", "" + county, "change", "ADD",
                "place", "" + place1, "kind", "BABY_CAFE", "language", "sv", "weekday", "1", "start", "10:00",
                "duration", "90"));
        assertThat(fi.status()).isEqualTo(400);
        assertThat(fi.html().select("#error-summary").text()).contains("Luonnoksissasi on jo 100 muutosta");
        assertThat(jdbc.sql("select count(*) from planning_sketch_change where user_id = :u").param("u", user)
                .query(Long.class).single()).isEqualTo(100);
        // undoing one makes room again
        long last = jdbc.sql("select max(id) from planning_sketch_change where user_id = :u").param("u", user)
                .query(Long.class).single();
        assertThat(coordinator.post("/admin/planning/sketch/changes/" + last + "/delete",
                Map.of("county", "" + county)).status()).isEqualTo(302);
        assertThat(coordinator.post("/admin/planning/sketch/changes", move).status()).isEqualTo(302);
    }

    @Test
    void aSketchsAddedActivityIsNotHeldOnTheCalendarsPublicHolidays() {
        // the planner's list: Independence Day, Christmas Eve, Christmas Day, St Stephen's Day, New Year's Day, Epiphany
        assertThat(calendar.publicHolidays(java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2027, 1, 31)))
                .containsExactly(java.time.LocalDate.of(2026, 12, 6), java.time.LocalDate.of(2026, 12, 24),
                        java.time.LocalDate.of(2026, 12, 25), java.time.LocalDate.of(2026, 12, 26),
                        java.time.LocalDate.of(2027, 1, 1), java.time.LocalDate.of(2027, 1, 6));
    }

    @Test
    void childPopulationImportRefusesHostileFilesAndCountsCoverage() {
        assertThat(importCsv("municipality;age_band;year;children\n=cmd|'/c calc'!A1;0;2025;10\n").body())
                .contains("Kunta =cmd").doesNotContain("Tallenna luvut");
        assertThat(importCsv("municipality;age_band;year;children\n" + muniA + ";7-9;2025;10\n").body())
                .contains("Rivi 2").contains("Ikäryhmä 7-9 ei kelpaa");
        assertThat(importCsv("x;y\n1;2\n").body()).contains("Otsikkorivin pitää olla");
        assertThat(importCsv("municipality;age_band;year;children\n" + (muniA + ";0;2025;1\n").repeat(3000)).body())
                .contains("liikaa rivejä");
        var binary = coordinator.postMultipart("/admin/planning/population/preview", List.of(Map.entry("county", "" + county)),
                List.of(new WebClient.FilePart("file", "x.csv", "text/csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1})));
        assertThat(binary.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from planning_child_population where county_id = :c").param("c", county)
                .query(Long.class).single()).isZero();
        var ok = importCsv("municipality;area;age_band;year;children\n" + muniA + ";;0;2025;40\n" + muniA
                + ";;1-2;2025;80\n" + muniA + ";;3-6;2025;280\n");
        assertThat(ok.status()).isEqualTo(200);
        var confirm = coordinator.post("/admin/planning/population/confirm",
                Map.of("token", ok.html().select("input[name=token]").attr("value")));
        assertThat(confirm.status()).isEqualTo(302);
        var coverage = coordinator.get("/admin/planning/coverage?county=" + county).html();
        String row = coverage.select("tr:contains(" + jdbc.sql("select name_fi from municipality where code = :c")
                .param("c", muniA).query(String.class).single() + ")").first().text();
        // 400 children; 5 groups but the holiday café holds no session: Tuesdays 3 × 8 + Wednesdays 1 × 4 = 28 / 8
        // weeks = 3.5 sessions a week, 0.9 per 100 children
        assertThat(row).contains("400").contains("3,5").contains("0,9");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PLANNING_POPULATION_IMPORT' and entity_id = :c")
                .param("c", "" + county).query(Long.class).single()).isEqualTo(1);
        // provider staff have no planning pages, and cannot import
        assertThat(staff.get("/admin/planning?county=" + county).status()).isEqualTo(403);
        assertThat(areaCoordinator.postMultipart("/admin/planning/population/preview", List.of(Map.entry("county", "" + county)),
                List.of(new WebClient.FilePart("file", "p.csv", "text/csv", "a".getBytes(StandardCharsets.UTF_8)))).status())
                .isEqualTo(403);
    }

    WebClient.Response importCsv(String csv) {
        return coordinator.postMultipart("/admin/planning/population/preview", List.of(Map.entry("county", "" + county)),
                List.of(new WebClient.FilePart("file", "lapset.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
    }
}
