package fi.kohtaamo.calendar;

import fi.kohtaamo.calendar.internal.rules.Schedule;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedule expansion end to end on the database under test (H2 here, PostgreSQL in the second run):
 * an activity stored as a rule, read back, planned and served by the API. Every Finnish public
 * holiday of 2026–2028 cancels it with the holiday's name; the days around the DST changes keep the
 * local start time with the right offset; a season ends on its last day.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarExpansionOnDatabaseTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired JsonMapper json;

    WebClient web;
    long place;

    @BeforeAll
    void everyDayFrom2026To2028() {
        web = new WebClient(port);
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        place = fx.place(area, muni, fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county));
        create("2026-01-01", "2027-12-31");
        create("2028-01-01", "2028-12-31");
    }

    private void create(String start, String end) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "OPEN_DROP_IN";
        f.nameFi = "Joka päivä";
        f.scheduleKind = "WEEKLY";
        for (DayOfWeek d : DayOfWeek.values()) {
            f.weekdays.add(d.name());
        }
        f.seasonStart = start;
        f.seasonEnd = end;
        f.startTime = "09:30";
        f.endTime = "11:00";
        activities.create(ADMIN, f);
    }

    private List<JsonNode> day(String date) {
        var r = web.get("/api/v1/occurrences?place=" + place + "&start=" + date + "&end=" + date);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        json.readTree(r.body()).get("items").forEach(items::add);
        return items;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2026-01-01,Uudenvuodenpäivä", "2026-01-06,Loppiainen", "2026-04-03,Pitkäperjantai",
            "2026-04-05,Pääsiäispäivä", "2026-04-06,2. pääsiäispäivä", "2026-05-01,Vappu", "2026-05-14,Helatorstai",
            "2026-05-24,Helluntaipäivä", "2026-06-19,Juhannusaatto", "2026-06-20,Juhannuspäivä",
            "2026-10-31,Pyhäinpäivä", "2026-12-06,Itsenäisyyspäivä", "2026-12-24,Jouluaatto", "2026-12-25,Joulupäivä",
            "2026-12-26,Tapaninpäivä",
            "2027-01-01,Uudenvuodenpäivä", "2027-01-06,Loppiainen", "2027-03-26,Pitkäperjantai",
            "2027-03-28,Pääsiäispäivä", "2027-03-29,2. pääsiäispäivä", "2027-05-01,Vappu", "2027-05-06,Helatorstai",
            "2027-05-16,Helluntaipäivä", "2027-06-25,Juhannusaatto", "2027-06-26,Juhannuspäivä",
            "2027-11-06,Pyhäinpäivä", "2027-12-06,Itsenäisyyspäivä", "2027-12-24,Jouluaatto", "2027-12-25,Joulupäivä",
            "2027-12-26,Tapaninpäivä",
            "2028-01-01,Uudenvuodenpäivä", "2028-01-06,Loppiainen", "2028-04-14,Pitkäperjantai",
            "2028-04-16,Pääsiäispäivä", "2028-04-17,2. pääsiäispäivä", "2028-05-01,Vappu", "2028-05-25,Helatorstai",
            "2028-06-04,Helluntaipäivä", "2028-06-23,Juhannusaatto", "2028-06-24,Juhannuspäivä",
            "2028-11-04,Pyhäinpäivä", "2028-12-06,Itsenäisyyspäivä", "2028-12-24,Jouluaatto", "2028-12-25,Joulupäivä",
            "2028-12-26,Tapaninpäivä"})
    void everyPublicHolidayOf2026To2028CancelsWithItsName(String date, String name) {
        List<JsonNode> items = day(date);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(items.get(0).get("reasonType").asText()).isEqualTo("HOLIDAY");
        assertThat(items.get(0).get("reason").get("fi").asText()).isEqualToIgnoringCase(name);
    }

    @Test
    void ordinaryDaysNextToHolidaysAreHeld() {
        for (String date : List.of("2026-04-02", "2026-04-07", "2027-03-25", "2027-06-24", "2028-11-03", "2028-12-27")) {
            List<JsonNode> items = day(date);
            assertThat(items).as(date).hasSize(1);
            assertThat(items.get(0).get("status").asText()).as(date).isEqualTo("SCHEDULED");
        }
    }

    @ParameterizedTest
    @CsvSource({
            // last Sunday of March: clocks go forward at 03:00; 9.30 stays 9.30
            "2026-03-28,2026-03-28T09:30:00+02:00", "2026-03-29,2026-03-29T09:30:00+03:00",
            "2027-03-27,2027-03-27T09:30:00+02:00", "2027-03-28,",
            "2028-03-25,2028-03-25T09:30:00+02:00", "2028-03-26,2028-03-26T09:30:00+03:00",
            // last Sunday of October: back to winter time
            "2026-10-24,2026-10-24T09:30:00+03:00", "2026-10-25,2026-10-25T09:30:00+02:00",
            "2027-10-30,2027-10-30T09:30:00+03:00", "2027-10-31,2027-10-31T09:30:00+02:00",
            "2028-10-28,2028-10-28T09:30:00+03:00", "2028-10-29,2028-10-29T09:30:00+02:00"})
    void localStartTimeAcrossDaylightSavingChanges(String date, String start) {
        List<JsonNode> items = day(date);
        assertThat(items).hasSize(1);
        if (start == null) {
            // Easter Sunday 2027 is the DST day as well: cancelled, but still at its local time
            assertThat(items.get(0).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(items.get(0).get("start").asText()).isEqualTo("2027-03-28T09:30:00+03:00");
        } else {
            assertThat(items.get(0).get("start").asText()).isEqualTo(start);
            assertThat(items.get(0).get("end").asText()).isEqualTo(start.replace("09:30", "11:00"));
        }
    }

    @Test
    void seasonsEndOnTheirLastDay() {
        assertThat(day("2027-12-31")).hasSize(1);
        assertThat(day("2028-01-01")).hasSize(1).allMatch(i -> i.get("status").asText().equals("CANCELLED"));
        assertThat(day("2028-12-30")).hasSize(1);
        assertThat(day("2028-12-31")).hasSize(1);
        assertThat(day("2029-01-02")).isEmpty();
    }
}
