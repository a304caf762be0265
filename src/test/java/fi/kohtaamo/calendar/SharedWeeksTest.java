package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A municipality's week is planned once per data version and shared by every address that shows a part of it
 * (issue 17, computing): the week page from any day, the day page, every filter and language, and the JSON API.
 * Each answer is still exactly its own: the range, the filters and the language of its address.
 */
@IntegrationTest
class SharedWeeksTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired MeterRegistry meters;

    WebClient web;
    String muni;
    long babies;

    @BeforeEach
    void world() {
        web = new WebClient(port);
        var at = fx.placeInNewCounty();
        muni = at.municipality();
        long place = at.place();
        ActivityForm cafe = Fixtures.weeklyCafe(place, "Perhekahvila kaikille", "WEDNESDAY", "MONDAY");
        activities.create(ADMIN, cafe);
        ActivityForm baby = Fixtures.weeklyCafe(place, "Vauvaryhmä", "TUESDAY");
        baby.ageMaxYears = "1";
        baby.ageMaxMonths = "0";
        babies = activities.create(ADMIN, baby);
    }

    double planned() {
        return meters.get("kohtaamo.calendar.weeks.planned").counter().count();
    }

    String get(String path) {
        var answer = web.get(path, Map.of("Accept-Language", "fi"));
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.body();
    }

    @Test
    void theWeeksArePlannedOnceAndEveryAddressShowsItsOwnPart() {
        double before = planned();
        // the week of Monday 30.11. and the next (a week page from Wednesday 2.12. reaches Tuesday 8.12.)
        String week = get("/calendar?municipality=" + muni + "&date=2026-11-30");
        assertThat(week).contains("Perhekahvila kaikille").contains("Vauvaryhmä");
        assertThat(planned() - before).isEqualTo(1);

        String fromWednesday = get("/calendar?municipality=" + muni + "&date=2026-12-02");
        assertThat(planned() - before).isEqualTo(2);
        // Wednesday 2.12. and Monday 7.12. of the café, Tuesday 8.12. of the babies, and not Tuesday 1.12.
        assertThat(fromWednesday).contains("keskiviikko 2.12.").contains("maanantai 7.12.").contains("tiistai 8.12.")
                .doesNotContain("tiistai 1.12.");

        String older = get("/calendar?municipality=" + muni + "&date=2026-11-30&age=2");
        assertThat(older).contains("Perhekahvila kaikille").doesNotContain("Vauvaryhmä");
        String tuesdays = get("/calendar?municipality=" + muni + "&date=2026-12-01&weekday=TUESDAY&lang=sv");
        assertThat(tuesdays).contains("Vauvaryhmä").doesNotContain("Perhekahvila kaikille").contains("lang=\"sv\"");
        String day = get("/calendar?municipality=" + muni + "&date=2026-12-08&view=DAY");
        assertThat(day).contains("Vauvaryhmä").doesNotContain("Perhekahvila kaikille");
        String json = get("/api/v1/occurrences?municipality=" + muni + "&start=2026-12-01&end=2026-12-07&age=3");
        assertThat(json).contains("2026-12-02T10:00").contains("2026-12-07T10:00").doesNotContain("Vauvaryhmä");
        assertThat(planned() - before).as("no address planned a week again").isEqualTo(2);

        // a write: the next answers are planned anew, and show it
        activities.cancelOccurrence(ADMIN, babies, "2026-12-08",
                new ActivityService.LocalizedTextForm("Ohjaaja sairastui", null, null));
        assertThat(get("/calendar?municipality=" + muni + "&date=2026-12-08&view=DAY")).contains("Ohjaaja sairastui");
        assertThat(get("/calendar?municipality=" + muni + "&date=2026-12-02")).contains("Ohjaaja sairastui");
        assertThat(planned() - before).isEqualTo(4);
    }
}
