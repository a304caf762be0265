package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.KohtaamoApplication;
import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database (the test's H2 in memory, or its PostgreSQL), as behind a load balancer: a page
 * kept by the second instance changes at once after a write on the first, and each instance keeps its own pages
 * in its readers' languages. The second instance is a whole application of its own (its own cache, its own data
 * version listener on PostgreSQL), started on the test's database without migrating or loading anything.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries queries;

    ConfigurableApplicationContext other;
    int otherPort;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheOtherInstance() {
        other = new SpringApplicationBuilder(KohtaamoApplication.class).profiles("test")
                .properties("server.port=0", "spring.flyway.enabled=false", "kohtaamo.demo.enabled=false",
                        "spring.main.banner-mode=off")
                .run();
        otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopTheOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    HttpResponse<String> get(String path, String lang) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + path))
                .header("Accept-Language", lang).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void aPageKeptByOneInstanceChangesAtOnceAfterAWriteOnTheOther() throws Exception {
        long county = fx.county();
        String muni = fx.municipality(county);
        long place = fx.place(fx.area(county, muni), muni, fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county));
        ActivityForm f = Fixtures.weeklyCafe(place, "Ensimmäinen nimi", "WEDNESDAY");
        f.nameSv = "Första namnet";
        long activity = activities.create(ADMIN, f);
        String page = "/calendar?municipality=" + muni + "&date=2026-11-30";
        PublicResponses otherResponses = other.getBean(PublicResponses.class);

        // the other instance keeps the page, in Finnish and in Swedish
        assertThat(get(page, "fi").body()).contains("Ensimmäinen nimi");
        assertThat(get(page, "sv").body()).contains("Första namnet");
        long sent = otherResponses.counts()[0];
        assertThat(get(page, "fi").body()).contains("Ensimmäinen nimi");
        assertThat(get(page, "sv").body()).contains("Första namnet");
        assertThat(otherResponses.counts()[0]).as("both sent from the other instance's kept bytes").isEqualTo(sent + 2);

        // a write on this instance
        ActivityForm changed = ActivityForm.of(queries.activity(activity).orElseThrow());
        changed.nameFi = "Toinen nimi";
        changed.nameSv = "Andra namnet";
        activities.update(ADMIN, activity, changed);

        // on H2 the other instance reads the version per request; on PostgreSQL it is told by NOTIFY, which arrives
        // within milliseconds of the commit: allow two seconds before calling it missed
        long deadline = System.nanoTime() + 2_000_000_000L;
        String fi = get(page, "fi").body();
        while (fi.contains("Ensimmäinen nimi") && System.nanoTime() < deadline) {
            Thread.sleep(10);
            fi = get(page, "fi").body();
        }
        assertThat(fi).contains("Toinen nimi").doesNotContain("Ensimmäinen nimi");
        assertThat(get(page, "sv").body()).contains("Andra namnet").doesNotContain("Första namnet");
    }
}
