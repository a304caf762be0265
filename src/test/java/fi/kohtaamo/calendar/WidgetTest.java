package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The embeddable widget's fragment: readable from any origin, filtered, escaped, small. */
@IntegrationTest
class WidgetTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;

    @Test
    void fragmentIsPublicFilteredAndEscaped() {
        long county = fx.county();
        String muni = fx.municipality(county);
        long area = fx.area(county, muni);
        long place = fx.place(area, muni, fx.organisation(OrganisationType.OTHER_NGO, null, county));
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "EVENT";
        f.nameFi = "<img src=x onerror=alert(1)> Satutunti";
        f.scheduleKind = "ONCE";
        f.date = "2027-02-10";
        f.startTime = "10:00";
        f.endTime = "11:00";
        activities.create(new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null), f);
        WebClient web = new WebClient(port);
        var r = web.get("/widget/calendar?municipality=" + muni + "&date=2027-02-08&days=7&lang=en",
                Map.of("Origin", "https://www.espoo.fi"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        var doc = Jsoup.parse(r.body());
        assertThat(doc.select(".kw-item")).hasSize(1);
        assertThat(doc.selectFirst(".kw-name").text()).isEqualTo("<img src=x onerror=alert(1)> Satutunti");
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.selectFirst(".kw-day").text()).isEqualTo("Wednesday 10.2.");
        assertThat(r.body().length()).isLessThan(4000);
        assertThat(web.get("/widget/calendar?days=15").status()).isEqualTo(400);
        assertThat(web.get("/widget/calendar?municipality=abc").status()).isEqualTo(400);
        var script = web.get("/widget.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body().length()).isLessThan(3000);
        assertThat(script.body()).doesNotContain("http://").doesNotContain("https://cdn");
    }
}
