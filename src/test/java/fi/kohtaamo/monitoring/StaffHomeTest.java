package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff land after signing in on /admin, which starts with today's sessions at their places (the test clock's
 * Wednesday 2026-11-25 in the demo programme), each with a link to its counter; those who do not count
 * (a partner) see no such section.
 */
@IntegrationTest
class StaffHomeTest {

    @LocalServerPort int port;
    @Autowired ActivityService activities;
    @Autowired fi.kohtaamo.registry.Registry registry;
    @Autowired JdbcClient jdbc;

    Actor staff;
    long created;

    @org.junit.jupiter.api.AfterEach
    void removeTheSession() {
        if (created != 0) {
            activities.delete(staff, created);
        }
    }

    /** A weekly Wednesday session 13–14 at the staff's first place to count, so that today has one (removed after). */
    String wednesdaySession(WebClient web) {
        WebClient.Response places = web.get("/admin/counts");
        String link = places.status() == 302 ? places.header("Location")
                : places.html().select("main .card-list a").first().attr("href");
        long place = Long.parseLong(link.replaceAll("^.*/", ""));
        long org = jdbc.sql("select organisation_id from app_user where email = 'mll@demo.kohtaamo.fi'").query(Long.class)
                .single();
        staff = new Actor(9_900_001, "Staff", Role.PROVIDER_STAFF, org, registry.organisationWithDescendants(org),
                null, null, null);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Keskiviikkokahvila");
        f.scheduleKind = "WEEKLY";
        f.weekdays.add("WEDNESDAY");
        f.seasonStart = "2026-11-01";
        f.seasonEnd = "2026-12-31";
        f.startTime = "13.00";
        f.endTime = "14.00";
        f.languages.add("fi");
        created = activities.create(staff, f);
        return f.nameFi;
    }

    WebClient signIn(String email) {
        WebClient web = new WebClient(port);
        assertThat(web.login(email, "demo-password-for-tests").header("Location")).endsWith("/admin");
        return web;
    }

    @Test
    void providerStaffSeeTodaysSessionsWithCountLinksThatLeadToTheCounter() {
        WebClient web = signIn("mll@demo.kohtaamo.fi");
        String name = wednesdaySession(web);
        WebClient.Response home = web.get("/admin");
        assertThat(home.status()).isEqualTo(200);
        Element today = home.html().selectFirst("main section.todays-counts");
        assertThat(today).isNotNull();
        assertThat(today.select("h2").text()).contains("Tänään 25.11.2026");
        assertThat(today.text()).contains("13.00–14.00 " + name);
        var links = today.select("a[href*=/admin/counts/places/]");
        assertThat(links).as(today.text()).isNotEmpty().hasSizeLessThanOrEqualTo(50);
        String href = links.first().attr("href");
        assertThat(href).contains("date=2026-11-25").doesNotContain("subject=0");
        WebClient.Response counter = web.get(href.replaceAll("^https?://[^/]+", ""));
        assertThat(counter.status()).isEqualTo(200);
        assertThat(counter.html().select("form.counter-form input[name=adults]")).hasSize(1);
        // the staff's place list is still there below
        assertThat(home.html().select("main table caption")).isNotEmpty();
    }

    @Test
    void aVolunteerSeesTheirPlacesSessions() {
        WebClient.Response home = signIn("vapaaehtoinen@demo.kohtaamo.fi").get("/admin");
        assertThat(home.status()).isEqualTo(200);
        Element today = home.html().selectFirst("main section.todays-counts");
        assertThat(today).isNotNull();
        // one place: every link counts there
        assertThat(today.select("a[href*=/admin/counts/places/]").eachAttr("href").stream()
                .map(h -> h.replaceAll("^.*/places/(\\d+)/.*$", "$1")).distinct()).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aPartnerSeesNoCounting() {
        WebClient.Response home = signIn("neuvola@demo.kohtaamo.fi").get("/admin");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html().select("main section.todays-counts")).isEmpty();
        assertThat(home.html().select("main a[href*=/admin/counts/]")).isEmpty();
    }
}
