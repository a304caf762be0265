package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo calendar (loaded at start in demo mode; the test clock is 25.11.2026): every demo place has a
 * programme this season and next, every shape of rule occurs, school holidays exist for every demo
 * municipality, and the public API shows the week with staff exceptions.
 */
@IntegrationTest
class CalendarDemoDataTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @Test
    void everyDemoPlaceHasAProgrammeThisSeasonAndNext() {
        long places = jdbc.sql("select count(*) from place where demo = true and published = true")
                .query(Long.class).single();
        // about 110: one organiser's clubs or cafés in one locality are one place (DemoDataLikeTheSeedsTest)
        assertThat(places).isGreaterThan(100);
        long thisSeason = jdbc.sql("""
                select count(distinct a.place_id) from activity a join place p on p.id = a.place_id
                where a.demo = true and p.demo = true and a.season_start <= date '2026-11-25'
                  and a.season_end >= date '2026-11-25'""").query(Long.class).single();
        long nextSeason = jdbc.sql("""
                select count(distinct a.place_id) from activity a join place p on p.id = a.place_id
                where a.demo = true and p.demo = true and a.season_start between date '2027-01-04'
                  and date '2027-01-15' and a.season_end >= date '2027-05-01'""").query(Long.class).single();
        assertThat(thisSeason).isEqualTo(places);
        assertThat(nextSeason).isEqualTo(places);
    }

    @Test
    void everyShapeOfRuleAndBothLanguagesOccur() {
        List<String> shapes = jdbc.sql("""
                select distinct schedule_kind || ':' || week_parity || ':' || coalesce(cast(month_nth as varchar(2)), '')
                from activity where demo = true""").query(String.class).list();
        assertThat(shapes).contains("WEEKLY:ALL:", "WEEKLY:EVEN:", "WEEKLY:ODD:", "MONTHLY:ALL:-1", "MONTHLY:ALL:1",
                "DATES:ALL:", "ONCE:ALL:");
        List<String> languages = jdbc.sql("select distinct language from activity_language").query(String.class).list();
        assertThat(languages).contains("fi", "sv");
        List<String> kinds = jdbc.sql("select distinct kind from activity where demo = true").query(String.class).list();
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(ActivityKind.values().length - 1);
    }

    @Test
    void schoolHolidaysForEveryDemoMunicipality() {
        long municipalities = jdbc.sql("""
                select count(distinct p.municipality_code) from place p where p.demo = true""").query(Long.class).single();
        long withHolidays = jdbc.sql("""
                select count(distinct municipality_code) from school_holiday
                where start_date <= date '2027-02-26' and end_date >= date '2027-02-22'
                  and municipality_code in (select municipality_code from place where demo = true)""")
                .query(Long.class).single();
        assertThat(municipalities).isEqualTo(10);
        assertThat(withHolidays).isEqualTo(municipalities);
        // Swedish-language schools of Raasepori have their own autumn break
        assertThat(jdbc.sql("select count(*) from school_holiday where municipality_code = '710' and school_language = 'sv'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void thisWeekInEspooHasAProgrammeWithStaffExceptionsVisibleInTheCounty() {
        WebClient web = new WebClient(port);
        JsonNode espoo = get(web, "/api/v1/occurrences?municipality=049&start=2026-11-23&end=2026-11-29&size=500");
        assertThat(espoo.get("total").asLong()).isGreaterThan(50);
        List<String> statuses = new ArrayList<>();
        String window = "/api/v1/occurrences?start=2026-11-26&end=2026-12-16&size=1000&page=";
        long total = get(web, window + 0).get("total").asLong();
        for (int page = 0; page * 1000L < total; page++) {
            get(web, window + page).get("items")
                    .forEach(i -> statuses.add(i.get("status").asText() + ":" + (i.path("reasonType").isString() ? i.get("reasonType").asText() : "")));
        }
        assertThat(statuses).contains("CANCELLED:CANCELLED", "MOVED:MOVED", "CANCELLED:PAUSE", "SCHEDULED:");
        // next season: Ascension Day 6.5.2027 cancels, the winter break cancels the clubs that follow school holidays
        assertThat(get(web, "/api/v1/occurrences?municipality=049&start=2027-05-06&end=2027-05-06").get("items")
                .findValuesAsString("reasonType")).isNotEmpty().containsOnly("HOLIDAY");
        assertThat(get(web, "/api/v1/occurrences?municipality=049&start=2027-02-22&end=2027-02-26&size=1000")
                .get("items").findValuesAsString("reasonType")).contains("SCHOOL_HOLIDAY");
        // one-off Christmas parties a week before the autumn season ends
        assertThat(jdbc.sql("select count(*) from activity where schedule_kind = 'ONCE' and season_start between "
                + "date '2026-12-07' and date '2026-12-13'").query(Long.class).single()).isPositive();
    }

    private JsonNode get(WebClient web, String path) {
        var r = web.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return json.readTree(r.body());
    }
}
