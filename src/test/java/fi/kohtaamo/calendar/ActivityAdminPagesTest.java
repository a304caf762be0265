package fi.kohtaamo.calendar;

import static fi.kohtaamo.support.Forms.formFields;
import static fi.kohtaamo.support.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff keep a place's programme through the real pages (sign-in, CSRF, forms): what they save is
 * what the public calendar and API show; bad, stale or out-of-scope writes change nothing. The test
 * clock stands at Wednesday 25.11.2026.
 */
@IntegrationTest
class ActivityAdminPagesTest {

    static final String PASSWORD = "oikein-pitkä-salasana";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityQueries queries;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired JsonMapper json;

    long county, area, ownOrg, otherOrg, ownPlace, otherPlace;
    String muni, staffEmail, otherStaffEmail, coordinatorEmail;

    @BeforeEach
    void world() {
        county = fx.county();
        muni = fx.municipality(county);
        area = fx.area(county, muni);
        ownOrg = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        otherOrg = fx.organisation(OrganisationType.PARISH, null, county);
        ownPlace = fx.place(area, muni, ownOrg);
        otherPlace = fx.place(area, muni, otherOrg);
        staffEmail = user(Role.PROVIDER_STAFF, ownOrg);
        otherStaffEmail = user(Role.PROVIDER_STAFF, otherOrg);
        coordinatorEmail = user(Role.COUNTY_COORDINATOR, null);
    }

    String user(Role role, Long org) {
        String email = Fixtures.unique("user").replace(' ', '-') + "@example.fi";
        users.insert(email, "Testi " + role, encoder.encode(PASSWORD), role, org, county, null, null, "fi", true, false,
                Instant.now());
        return email;
    }

    WebClient signedIn(String email) {
        WebClient web = new WebClient(port);
        var r = web.login(email, PASSWORD);
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/admin");
        return web;
    }

    /** A filled-in new-activity form: a family café on Tuesdays 9.30–11.30 this season. */
    List<Map.Entry<String, String>> tuesdayForm(WebClient web, String name) {
        var page = web.get("/admin/places/" + ownPlace + "/activities/new");
        assertThat(page.status()).isEqualTo(200);
        var fields = formFields(page.html(), "main form[method=post]");
        fields = with(fields, "kind", "FAMILY_CAFE");
        fields = with(fields, "nameFi", name);
        fields.add(Map.entry("weekdays", "TUESDAY"));
        fields = with(fields, "seasonStart", "2026-11-01");
        fields = with(fields, "seasonEnd", "2027-05-31");
        fields = with(fields, "startTime", "09:30");
        fields = with(fields, "endTime", "11:30");
        return fields;
    }

    long create(WebClient web, List<Map.Entry<String, String>> fields) {
        var r = web.post("/admin/places/" + ownPlace + "/activities", fields);
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).contains("/admin/activities/");
        return Long.parseLong(location.replaceAll("^.*/admin/activities/([0-9]+).*$", "$1"));
    }

    JsonNode occurrences(long place, String start, String end) {
        var r = new WebClient(port).get("/api/v1/occurrences?place=" + place + "&start=" + start + "&end=" + end);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return json.readTree(r.body()).get("items");
    }

    static JsonNode on(JsonNode items, long activity, String originalDate) {
        for (JsonNode i : items) {
            if (i.get("activityId").asLong() == activity && i.get("originalDate").asText().equals(originalDate)) {
                return i;
            }
        }
        throw new AssertionError("no occurrence of " + activity + " on " + originalDate + " in " + items);
    }

    @Test
    void staffCreateAnActivityThroughTheFormAndFamiliesSeeIt() {
        WebClient web = signedIn(staffEmail);
        assertThat(web.get("/admin").html().select(".staff-nav a").eachAttr("href")).contains("/admin/activities")
                .doesNotContain("/admin/school-holidays");
        assertThat(web.get("/admin/activities").html().select("main table a").eachAttr("href"))
                .contains("/admin/places/" + ownPlace + "/activities")
                .doesNotContain("/admin/places/" + otherPlace + "/activities");
        var fields = tuesdayForm(web, "Tiistain perhekahvila");
        fields = with(fields, "nameSv", "Familjecafé på tisdagar");
        fields = with(fields, "ageMaxYears", "6");
        fields = with(fields, "freeOfCharge", null);
        fields = with(fields, "priceFi", "2 € / perhe");
        long id = create(web, fields);

        ActivityQueries.Activity a = queries.activity(id).orElseThrow();
        assertThat(a.placeId()).isEqualTo(ownPlace);
        assertThat(a.freeOfCharge()).isFalse();
        assertThat(a.ageMaxMonths()).isEqualTo(72);
        assertThat(a.schedule().durationMinutes()).isEqualTo(120);
        JsonNode tuesday = on(occurrences(ownPlace, "2026-12-01", "2026-12-07"), id, "2026-12-01");
        assertThat(tuesday.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(tuesday.get("start").asText()).isEqualTo("2026-12-01T09:30:00+02:00");
        Document list = web.get("/admin/places/" + ownPlace + "/activities?lang=sv").html();
        assertThat(list.select("main table td").eachText()).contains("Familjecafé på tisdagar")
                .anyMatch(t -> t.contains("tisdagar"));
        // the staff page plans what the public sees
        Document page = web.get("/admin/activities/" + id).html();
        assertThat(page.select("main table tbody tr")).hasSize(12);
        assertThat(page.select("main table time").eachAttr("datetime")).startsWith("2026-12-01", "2026-12-08");
    }

    @Test
    void aStaleFormGets409AndChangesNothing() {
        WebClient web = signedIn(staffEmail);
        long id = create(web, tuesdayForm(web, "Alkuperäinen"));
        var fields = formFields(web.get("/admin/activities/" + id + "/edit").html(), "main form[method=post]");
        assertThat(web.post("/admin/activities/" + id, with(fields, "nameFi", "Ensimmäinen")).status()).isEqualTo(302);
        var r = web.post("/admin/activities/" + id, with(fields, "nameFi", "Toinen"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.html().select(".error-summary").text()).isNotEmpty();
        assertThat(queries.activity(id).orElseThrow().name().fi()).isEqualTo("Ensimmäinen");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fi|nameFi||Tämä tieto on pakollinen.",
            "en|nameFi||This is required.",
            "sv|seasonEnd|2026-10-01|Perioden kan inte sluta innan den börjar.",
            "en|seasonEnd|2026-10-01|The season cannot end before it starts.",
            "en|weekdays||Choose at least one weekday.",
            "en|startTime|25:00|Give the time as hh:mm, e.g. 09:30.",
            "en|kind|CASTLE|Choose one of the options given.",
            "en|ageMinYears|-3|The value must be between 0 and 25.",
            "en|dates-kind|31.2.2027|Give the dates as 12.2.2027 or 2027-02-12, one per line or separated by commas.",
            "en|descriptionFi|HUGE|At most 4000 characters.",
            "en|nameFi|CONTROL|The text contains control characters that are not allowed."})
    void badInputGetsATranslatedMessageAndStoresNothing(String lang, String field, String value, String message) {
        WebClient web = signedIn(staffEmail);
        long before = queries.countActivities();
        var fields = tuesdayForm(web, "Virheellinen");
        String v = value == null ? "" : switch (value) {
            case "HUGE" -> "x".repeat(5000);
            case "CONTROL" -> "Nimi\u0000\u0007";
            default -> value;
        };
        if (field.equals("weekdays")) {
            fields = with(fields, "weekdays", null);
        } else if (field.equals("dates-kind")) {
            fields = with(fields, "scheduleKind", "DATES");
            fields = with(fields, "dates", v);
        } else {
            fields = with(fields, field, v);
        }
        var r = web.post("/admin/places/" + ownPlace + "/activities?lang=" + lang, fields);
        assertThat(r.status()).isEqualTo(400);
        Document page = r.html();
        assertThat(page.select(".field-error").eachText()).contains(message);
        assertThat(page.select("#error-summary a").eachText()).anyMatch(t -> t.endsWith(message));
        assertThat(queries.countActivities()).isEqualTo(before);
    }

    @Test
    void staffOfAnotherOrganisationAreRefusedAndNothingChanges() {
        WebClient own = signedIn(staffEmail);
        long id = create(own, tuesdayForm(own, "Oma toiminto"));
        var fields = formFields(own.get("/admin/activities/" + id + "/edit").html(), "main form[method=post]");
        var before = queries.activity(id).orElseThrow();
        long count = queries.countActivities();

        WebClient other = signedIn(otherStaffEmail);
        other.get("/admin");
        assertThat(other.get("/admin/places/" + ownPlace + "/activities").status()).isEqualTo(403);
        assertThat(other.get("/admin/activities/" + id).status()).isEqualTo(403);
        assertThat(other.get("/admin/activities/" + id + "/edit").status()).isEqualTo(403);
        assertThat(other.get("/admin/activities/" + id + "/copy").status()).isEqualTo(403);
        assertThat(other.post("/admin/activities/" + id, with(fields, "nameFi", "Kaapattu")).status()).isEqualTo(403);
        assertThat(other.post("/admin/places/" + ownPlace + "/activities", with(fields, "nameFi", "Uusi")).status())
                .isEqualTo(403);
        assertThat(other.post("/admin/activities/" + id + "/delete", List.of()).status()).isEqualTo(403);
        assertThat(other.post("/admin/activities/" + id + "/occurrences/2026-12-01/cancel",
                Map.of("reasonFi", "Peruttu")).status()).isEqualTo(403);
        assertThat(other.post("/admin/activities/" + id + "/pauses",
                Map.of("pauseStart", "2026-12-01", "pauseEnd", "2026-12-31")).status()).isEqualTo(403);
        assertThat(other.post("/admin/activities/season", List.of(Map.entry("activityIds", String.valueOf(id)),
                Map.entry("seasonStart", "2027-01-01"), Map.entry("seasonEnd", "2027-02-01"))).status()).isEqualTo(403);
        assertThat(other.get("/admin/school-holidays").status()).isEqualTo(403);
        assertThat(queries.activity(id).orElseThrow()).isEqualTo(before);
        assertThat(queries.countActivities()).isEqualTo(count);
        assertThat(on(occurrences(ownPlace, "2026-12-01", "2026-12-01"), id, "2026-12-01").get("status").asText())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void cancellingAnOccurrenceShowsItCancelledWithTheReasonAndRestoringUndoesIt() {
        WebClient web = signedIn(staffEmail);
        long id = create(web, tuesdayForm(web, "Peruttava"));
        Document page = web.get("/admin/activities/" + id + "/occurrences/2026-12-08?lang=en").html();
        var noReason = web.post("/admin/activities/" + id + "/occurrences/2026-12-08/cancel?lang=en",
                Map.of("reasonFi", " ", "reasonSv", "", "reasonEn", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.html().select(".field-error").eachText()).contains("Give the reason in at least one language.");
        assertThat(page.select("form").size()).isGreaterThanOrEqualTo(2);

        var r = web.post("/admin/activities/" + id + "/occurrences/2026-12-08/cancel",
                Map.of("reasonFi", "", "reasonSv", "Personalen är på utbildning", "reasonEn", ""));
        assertThat(r.status()).isEqualTo(302);
        JsonNode o = on(occurrences(ownPlace, "2026-12-07", "2026-12-13"), id, "2026-12-08");
        assertThat(o.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(o.get("reason").get("sv").asText()).isEqualTo("Personalen är på utbildning");
        Document pub = new WebClient(port).get("/calendar/activities/" + id + "/2026-12-08?lang=sv").html();
        assertThat(pub.text()).contains("Personalen är på utbildning");
        assertThat(web.get("/admin/activities/" + id).html().text()).contains("Personalen är på utbildning");

        assertThat(web.post("/admin/activities/" + id + "/occurrences/2026-12-08/restore", List.of()).status())
                .isEqualTo(302);
        assertThat(on(occurrences(ownPlace, "2026-12-07", "2026-12-13"), id, "2026-12-08").get("status").asText())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void movingAnOccurrenceChangesItsDateAndTime() {
        WebClient web = signedIn(staffEmail);
        long id = create(web, tuesdayForm(web, "Siirrettävä"));
        web.get("/admin/activities/" + id + "/occurrences/2026-12-15");
        var bad = web.post("/admin/activities/" + id + "/occurrences/2026-12-15/move?lang=en",
                Map.of("newDate", "2026-12-17", "newStart", "14:00", "newEnd", "13:00", "reasonFi", "Juhla"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".field-error").eachText()).contains("The closing time must be after the opening time.");
        var r = web.post("/admin/activities/" + id + "/occurrences/2026-12-15/move",
                Map.of("newDate", "2026-12-17", "newStart", "13:00", "newEnd", "14:30", "reasonFi", "Joulujuhla"));
        assertThat(r.status()).isEqualTo(302);
        JsonNode o = on(occurrences(ownPlace, "2026-12-14", "2026-12-20"), id, "2026-12-15");
        assertThat(o.get("status").asText()).isEqualTo("MOVED");
        assertThat(o.get("start").asText()).isEqualTo("2026-12-17T13:00:00+02:00");
        assertThat(o.get("end").asText()).isEqualTo("2026-12-17T14:30:00+02:00");
        assertThat(o.get("reason").get("fi").asText()).isEqualTo("Joulujuhla");
    }

    @Test
    void aPauseCancelsTheSeriesForItsDaysAndCanBeRemoved() {
        WebClient web = signedIn(staffEmail);
        long id = create(web, tuesdayForm(web, "Tauotettava"));
        web.get("/admin/activities/" + id);
        var bad = web.post("/admin/activities/" + id + "/pauses?lang=en",
                Map.of("pauseStart", "2026-12-20", "pauseEnd", "2026-12-07"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".field-error").eachText()).contains("The end date cannot be before the start date.");
        assertThat(web.post("/admin/activities/" + id + "/pauses",
                Map.of("pauseStart", "2026-12-07", "pauseEnd", "2026-12-20", "reasonFi", "Ohjaaja lomalla")).status())
                .isEqualTo(302);
        JsonNode items = occurrences(ownPlace, "2026-12-01", "2026-12-31");
        assertThat(on(items, id, "2026-12-01").get("status").asText()).isEqualTo("SCHEDULED");
        for (String d : List.of("2026-12-08", "2026-12-15")) {
            assertThat(on(items, id, d).get("status").asText()).isEqualTo("CANCELLED");
            assertThat(on(items, id, d).get("reasonType").asText()).isEqualTo("PAUSE");
            assertThat(on(items, id, d).get("reason").get("fi").asText()).isEqualTo("Ohjaaja lomalla");
        }
        Document page = web.get("/admin/activities/" + id).html();
        String removeAction = page.select("main form[action*=/pauses/]").attr("action");
        assertThat(removeAction).endsWith("/delete");
        assertThat(web.post(removeAction, List.of()).status()).isEqualTo(302);
        assertThat(on(occurrences(ownPlace, "2026-12-01", "2026-12-31"), id, "2026-12-08").get("status").asText())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void thePlacesListShowsWhatRunsNowAndIsToComeBeforeEndedSeasons() {
        WebClient web = signedIn(staffEmail);
        create(web, with(with(tuesdayForm(web, "Päättynyt kausi"), "seasonStart", "2025-08-04"), "seasonEnd", "2025-12-19"));
        create(web, with(with(tuesdayForm(web, "Tuleva kausi"), "seasonStart", "2027-08-09"), "seasonEnd", "2027-12-19"));
        create(web, tuesdayForm(web, "Nykyinen kausi"));
        assertThat(web.get("/admin/places/" + ownPlace + "/activities").html().select("main table td:first-child a")
                .eachText()).containsExactly("Nykyinen kausi", "Tuleva kausi", "Päättynyt kausi");
    }

    @Test
    void theSeasonOfSeveralActivitiesChangesAtOnceOrNotAtAll() {
        WebClient web = signedIn(staffEmail);
        long a = create(web, tuesdayForm(web, "Kausi A"));
        long b = create(web, tuesdayForm(web, "Kausi B"));
        long foreign = queries.insert(toCommand(otherPlace), false, Instant.now());

        Document page = web.get("/admin/activities/season").html();
        assertThat(page.select("input[name=activityIds]").eachAttr("value"))
                .contains(String.valueOf(a), String.valueOf(b)).doesNotContain(String.valueOf(foreign));
        // one activity outside the staff member's scope: refused, nothing changed
        var refused = web.post("/admin/activities/season", List.of(Map.entry("activityIds", String.valueOf(a)),
                Map.entry("activityIds", String.valueOf(foreign)), Map.entry("seasonStart", "2027-08-09"),
                Map.entry("seasonEnd", "2027-12-19")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(queries.activity(a).orElseThrow().schedule().seasonStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        // a season that ends before it starts: a message, nothing changed
        web.get("/admin/activities/season");
        var bad = web.post("/admin/activities/season?lang=en", List.of(Map.entry("activityIds", String.valueOf(a)),
                Map.entry("seasonStart", "2027-08-09"), Map.entry("seasonEnd", "2027-01-01")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".field-error").eachText()).contains("The season cannot end before it starts.");
        assertThat(queries.activity(a).orElseThrow().schedule().seasonEnd()).isEqualTo(LocalDate.of(2027, 5, 31));

        var r = web.post("/admin/activities/season", List.of(Map.entry("activityIds", String.valueOf(a)),
                Map.entry("activityIds", String.valueOf(b)), Map.entry("seasonStart", "2027-08-09"),
                Map.entry("seasonEnd", "2027-12-19")));
        assertThat(r.status()).isEqualTo(302);
        for (long id : List.of(a, b)) {
            var s = queries.activity(id).orElseThrow().schedule();
            assertThat(s.seasonStart()).isEqualTo(LocalDate.of(2027, 8, 9));
            assertThat(s.seasonEnd()).isEqualTo(LocalDate.of(2027, 12, 19));
        }
        assertThat(queries.activity(foreign).orElseThrow().schedule().seasonStart()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(occurrences(ownPlace, "2026-12-01", "2026-12-07").findValuesAsString("activityId"))
                .doesNotContain(String.valueOf(a), String.valueOf(b));
    }

    fi.kohtaamo.calendar.internal.ActivityCommand toCommand(long place) {
        var f = new fi.kohtaamo.calendar.internal.ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = "Toisen järjestön toiminto";
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-11-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "10:00";
        f.endTime = "11:00";
        var errors = new fi.kohtaamo.shared.FieldErrors();
        var c = f.toCommand(errors);
        assertThat(errors.isEmpty()).as(errors.toString()).isTrue();
        return c;
    }

    @Test
    void aSchoolHolidayCancelsActivitiesThatFollowSchoolHolidays() {
        WebClient staff = signedIn(staffEmail);
        long follows = create(staff, with(tuesdayForm(staff, "Koululaisten kerho"), "followsSchoolHolidays", "true"));
        long ignores = create(staff, tuesdayForm(staff, "Vauvakahvila"));

        WebClient coordinator = signedIn(coordinatorEmail);
        assertThat(coordinator.get("/admin").html().select(".staff-nav a").eachAttr("href"))
                .contains("/admin/school-holidays", "/admin/activities");
        Document form = coordinator.get("/admin/school-holidays/new?lang=en").html();
        var fields = formFields(form, "main form[method=post]");
        fields = with(fields, "municipalityCode", muni);
        fields = with(fields, "schoolLanguage", "fi");
        fields = with(fields, "nameFi", "Joululoma");
        fields = with(fields, "nameSv", "Jullov");
        fields = with(fields, "start", "2026-12-21");
        fields = with(fields, "end", "2026-12-18");
        var bad = coordinator.post("/admin/school-holidays?lang=en", fields);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select(".field-error").eachText()).contains("The end date cannot be before the start date.");
        var tooLong = coordinator.post("/admin/school-holidays?lang=en", with(fields, "end", "2027-12-31"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.html().select(".field-error").eachText()).contains("A holiday can be at most 100 days long.");
        assertThat(queries.schoolHolidaysOf(List.of(muni))).isEmpty();

        assertThat(coordinator.post("/admin/school-holidays", with(fields, "end", "2027-01-06")).status()).isEqualTo(302);
        JsonNode items = occurrences(ownPlace, "2026-12-21", "2027-01-10");
        JsonNode cancelled = on(items, follows, "2027-01-05");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("reasonType").asText()).isEqualTo("SCHOOL_HOLIDAY");
        assertThat(on(items, ignores, "2027-01-05").get("status").asText()).isEqualTo("SCHEDULED");

        Document list = coordinator.get("/admin/school-holidays?municipality=" + muni).html();
        assertThat(list.select("main table td").eachText()).contains("Joululoma");
        long holiday = queries.schoolHolidaysOf(List.of(muni)).get(0).id();
        // edit: the holiday ends earlier, so the 5th is on again
        var edit = with(formFields(coordinator.get("/admin/school-holidays/" + holiday).html(), "main form[method=post]"),
                "end", "2027-01-04");
        assertThat(coordinator.post("/admin/school-holidays/" + holiday, edit).status()).isEqualTo(302);
        assertThat(on(occurrences(ownPlace, "2027-01-04", "2027-01-10"), follows, "2027-01-05").get("status").asText())
                .isEqualTo("SCHEDULED");
        // staff may not manage school holidays
        staff.get("/admin");
        assertThat(staff.post("/admin/school-holidays/" + holiday + "/delete", List.of()).status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/school-holidays/" + holiday + "/delete").status()).isEqualTo(200);
        assertThat(coordinator.post("/admin/school-holidays/" + holiday + "/delete", List.of()).status()).isEqualTo(302);
        assertThat(queries.schoolHolidaysOf(List.of(muni))).isEmpty();
    }

    @Test
    void copyPrefillsANewFormAndLeavesTheOriginalAlone() {
        WebClient web = signedIn(staffEmail);
        long id = create(web, with(tuesdayForm(web, "Kopioitava"), "nameEn", "Copied café"));
        var original = queries.activity(id).orElseThrow();
        Document form = web.get("/admin/activities/" + id + "/copy").html();
        assertThat(form.selectFirst("main form[method=post]").attr("action")).isEqualTo("/admin/places/" + ownPlace + "/activities");
        var fields = formFields(form, "main form[method=post]");
        assertThat(fields).contains(Map.entry("nameFi", "Kopioitava"), Map.entry("weekdays", "TUESDAY"),
                Map.entry("version", "0"));
        long copy = create(web, with(fields, "nameFi", "Kopio torstaisin"));
        assertThat(copy).isNotEqualTo(id);
        var c = queries.activity(copy).orElseThrow();
        assertThat(c.name().en()).isEqualTo("Copied café");
        assertThat(c.schedule()).isEqualTo(original.schedule());
        assertThat(queries.activity(id).orElseThrow()).isEqualTo(original);
    }

    @Test
    void deletingAsksFirstThenRemovesTheActivity() {
        WebClient web = signedIn(staffEmail);
        long id = create(web, tuesdayForm(web, "Poistettava"));
        Document confirm = web.get("/admin/activities/" + id + "/delete").html();
        assertThat(confirm.select("main form[method=post]").attr("action")).isEqualTo("/admin/activities/" + id + "/delete");
        assertThat(queries.activity(id)).isPresent();
        var r = web.post("/admin/activities/" + id + "/delete", List.of());
        assertThat(r.status()).isEqualTo(302);
        assertThat(queries.activity(id)).isEmpty();
        assertThat(web.get("/admin/activities/" + id).status()).isEqualTo(404);
    }
}
