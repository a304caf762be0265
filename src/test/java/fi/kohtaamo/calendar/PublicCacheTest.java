package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.Forms;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public calendar is cached, and every write that changes it shows in the very next answer: the JSON
 * API, the HTML week, the iCalendar feed and the place list of the calendar; validators (ETag) answer 304
 * while nothing changed and change with the data.
 */
@IntegrationTest
class PublicCacheTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries queries;
    @Autowired DataSource dataSource;
    @Autowired PublicDataCache cache;

    WebClient web;
    String muni;
    long place, activity;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        long county = fx.county();
        muni = fx.municipality(county);
        place = fx.place(fx.area(county, muni), muni, fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county));
        ActivityForm f = Fixtures.weeklyCafe(place, "Kahvila ennen", "WEDNESDAY");
        activity = activities.create(ADMIN, f);
    }

    String json() {
        return web.get("/api/v1/occurrences?municipality=" + muni + "&start=2026-11-30&end=2026-12-06").body();
    }

    String html() {
        return web.get("/calendar?municipality=" + muni + "&date=2026-12-02&lang=fi").body();
    }

    String ics() {
        return web.get("/calendar.ics?municipality=" + muni + "&lang=fi").body();
    }

    void rename(String name) {
        ActivityForm f = ActivityForm.of(queries.activity(activity).orElseThrow());
        f.nameFi = name;
        activities.update(ADMIN, activity, f);
    }

    @Test
    void anEditShowsInTheNextAnswerOfEveryPublicView() {
        // fill the caches
        for (int i = 0; i < 2; i++) {
            assertThat(json()).contains("Kahvila ennen");
            assertThat(html()).contains("Kahvila ennen");
            assertThat(ics()).contains("Kahvila ennen");
        }
        rename("Kahvila jälkeen");
        assertThat(json()).contains("Kahvila jälkeen").doesNotContain("Kahvila ennen");
        assertThat(html()).contains("Kahvila jälkeen").doesNotContain("Kahvila ennen");
        assertThat(ics()).contains("Kahvila jälkeen").doesNotContain("Kahvila ennen");

        activities.cancelOccurrence(ADMIN, activity, "2026-12-02",
                new ActivityService.LocalizedTextForm("Sairastuminen", null, null));
        assertThat(json()).contains("CANCELLED").contains("Sairastuminen");
        assertThat(html()).contains("Sairastuminen");
        assertThat(ics()).contains("EXDATE");

        activities.delete(ADMIN, activity);
        assertThat(json()).doesNotContain("Kahvila jälkeen");
        assertThat(html()).doesNotContain("Kahvila jälkeen");
        assertThat(ics()).doesNotContain("Kahvila jälkeen");
    }

    @Test
    void theApiAnswers304WhileNothingChangedAndANewTagAfterAChange() {
        String path = "/api/v1/occurrences?municipality=" + muni + "&start=2026-11-30&end=2026-12-06";
        var first = web.get(path);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        var again = web.get(path, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        rename("Uusi nimi");
        var changed = web.get(path, Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).contains("Uusi nimi");

        String feed = "/calendar.ics?municipality=" + muni + "&lang=fi";
        String feedTag = web.get(feed).header("ETag");
        assertThat(web.get(feed, Map.of("If-None-Match", feedTag)).status()).isEqualTo(304);
        rename("Vielä uudempi nimi");
        assertThat(web.get(feed, Map.of("If-None-Match", feedTag)).status()).isEqualTo(200);
    }

    /**
     * Another instance's write (made here on a connection of its own, as that instance's transaction would:
     * the change, the version, the notification) shows without this instance having done anything: on
     * PostgreSQL through the notification that this instance listens to, on H2 by the row read per request.
     */
    @Test
    void aChangeCommittedByAnotherInstanceShowsInTheNextAnswers() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(json()).contains("Kahvila ennen");
        }
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        }
        // on PostgreSQL the version must really be held in memory (else this test would pass by the per-request read)
        long listening = System.nanoTime() + 5_000_000_000L;
        while (postgres && !cache.versionHeldInMemory() && System.nanoTime() < listening) {
            Thread.sleep(20);
        }
        assertThat(cache.versionHeldInMemory()).isEqualTo(postgres);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update activity set name_fi = 'Toisen instanssin nimi' where id = " + activity);
                s.executeUpdate("update data_version set version = version + 1, anywhere = version + 1 where id = 1");
                if (postgres) {
                    s.execute("select pg_notify('kohtaamo_data_version', '')");
                }
            }
            c.commit();
        }
        // the notification arrives within milliseconds; allow two seconds before calling it missed
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!json().contains("Toisen instanssin nimi") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(json()).contains("Toisen instanssin nimi").doesNotContain("Kahvila ennen");
        assertThat(html()).contains("Toisen instanssin nimi");
    }

    @Test
    void aChangeToThePlaceShowsInTheCalendarToo() {
        assertThat(json()).contains("Testipaikka");
        // the calendar's place information comes from the registry's (cached) public places
        var staff = new WebClient(port);
        assertThat(staff.login("admin@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        var form = staff.get("/admin/places/" + place);
        assertThat(form.status()).isEqualTo(200);
        var fields = Forms.with(Forms.formFields(form.html()), "nameFi", "Uudelleennimetty paikka");
        var saved = staff.post("/admin/places/" + place, fields);
        assertThat(saved.status()).as(saved.body()).isIn(302, 303);
        assertThat(json()).contains("Uudelleennimetty paikka");
    }

    @Test
    void aCrowdedDayListsTheFirst150AndSaysHowManyMoreInTheUsersLanguage() {
        for (int i = 0; i < 152; i++) {
            ActivityForm f = new ActivityForm();
            f.placeId = String.valueOf(place);
            f.kind = "OPEN_DROP_IN";
            f.nameFi = "Avoin " + i;
            f.scheduleKind = "WEEKLY";
            f.weekdays.add("THURSDAY");
            f.seasonStart = "2026-08-01";
            f.seasonEnd = "2027-05-31";
            f.startTime = "09:00";
            f.endTime = "10:00";
            activities.create(ADMIN, f);
        }
        var page = web.get("/calendar?municipality=" + muni + "&date=2026-12-03&lang=en").html();
        assertThat(page.select("ul.occurrences > li")).hasSize(150 + 1); // Thursday's 150, Wednesday's café
        assertThat(page.select("p.notice").text()).contains("153 occurrences").contains("first 150");
        assertThat(page.text()).contains("2 more occurrences on this day.");
        // the embeddable widget cuts the day the same way and says so
        var widget = web.get("/widget/calendar?municipality=" + muni + "&date=2026-12-03&days=1&lang=en",
                Map.of("Origin", "https://kunta.example"));
        assertThat(widget.status()).isEqualTo(200);
        assertThat(widget.body()).contains("2 more occurrences on this day.");
        // the API is not cut: it pages
        assertThat(web.get("/api/v1/occurrences?municipality=" + muni + "&start=2026-12-03&end=2026-12-03").body())
                .contains("\"total\":152");
    }
}
