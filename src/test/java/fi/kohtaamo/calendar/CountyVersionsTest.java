package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.internal.AreaForm;
import fi.kohtaamo.registry.internal.RegistryQueries;
import fi.kohtaamo.registry.internal.RegistryService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A write of one county's calendar (an occurrence cancelled, an activity edited) leaves the kept calendar answers of
 * the other counties (issue 17: staff write somewhere in the nation every second), and shows at once in every answer
 * that shows it: the county's own calendars and the national ones. A write that may show anywhere (an area renamed
 * appears in every calendar's filter form) still changes every answer.
 */
@IntegrationTest
class CountyVersionsTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries activityQueries;
    @Autowired RegistryService registry;
    @Autowired RegistryQueries registryQueries;
    @Autowired PublicResponses responses;

    WebClient web;
    String muniA, muniB;
    long areaB, activityA, activityB;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        var a = fx.placeInNewCounty();
        muniA = a.municipality();
        activityA = activities.create(ADMIN, Fixtures.weeklyCafe(a.place(), "Kahvila A", "WEDNESDAY"));
        var b = fx.placeInNewCounty();
        muniB = b.municipality();
        areaB = b.area();
        long placeB = b.place();
        activityB = activities.create(ADMIN, Fixtures.weeklyCafe(placeB, "Kahvila B", "WEDNESDAY"));
    }

    long sent() {
        return responses.counts()[0];
    }

    String get(String path) {
        var answer = web.get(path, Map.of("Accept-Language", "fi"));
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.body();
    }

    String pageA() {
        return get("/calendar?municipality=" + muniA + "&date=2026-11-30");
    }

    String jsonA() {
        return get("/api/v1/occurrences?municipality=" + muniA + "&start=2026-11-30&end=2026-12-06");
    }

    String pageB() {
        return get("/calendar?municipality=" + muniB + "&date=2026-11-30");
    }

    String national() {
        return get("/api/v1/occurrences?start=2026-12-02&end=2026-12-02&size=1000");
    }

    @Test
    void aCalendarWriteInOneCountyLeavesTheOtherCountysKeptAnswersAndShowsInItsOwnAndTheNations() {
        assertThat(pageA()).contains("Kahvila A");
        assertThat(jsonA()).contains("Kahvila A");
        assertThat(pageB()).contains("Kahvila B").doesNotContain("Ohjaaja sairastui");
        assertThat(national()).contains("Kahvila B");

        activities.cancelOccurrence(ADMIN, activityB, "2026-12-02",
                new ActivityService.LocalizedTextForm("Ohjaaja sairastui", null, null));
        long before = sent();
        assertThat(pageA()).contains("Kahvila A");
        assertThat(jsonA()).contains("Kahvila A");
        assertThat(sent()).as("county A's answers held: sent from kept bytes").isEqualTo(before + 2);
        assertThat(pageB()).contains("Ohjaaja sairastui");
        assertThat(national()).contains("Ohjaaja sairastui");
        assertThat(sent()).as("county B's and the nation's answers computed anew").isEqualTo(before + 2);

        // an edit of the activity itself, at the same place, is one county's too
        ActivityForm f = ActivityForm.of(activityQueries.activity(activityB).orElseThrow());
        f.nameFi = "Kahvila B uusi";
        activities.update(ADMIN, activityB, f);
        before = sent();
        pageA();
        assertThat(sent()).isEqualTo(before + 1);
        assertThat(pageB()).contains("Kahvila B uusi");
        assertThat(national()).contains("Kahvila B uusi");
    }

    @Test
    void aWriteThatMayShowAnywhereChangesEveryAnswer() {
        assertThat(pageA()).contains("Kahvila A");
        pageA();
        AreaForm f = AreaForm.of(registryQueries.area(areaB).orElseThrow());
        f.nameFi = "Uudelleen nimetty alue";
        registry.updateArea(ADMIN, areaB, f);
        long before = sent();
        // every calendar's filter form lists every area
        assertThat(pageA()).contains("Uudelleen nimetty alue");
        assertThat(sent()).isEqualTo(before);
    }
}
