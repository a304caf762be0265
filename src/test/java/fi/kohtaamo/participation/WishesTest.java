package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The wishes board over HTTP on the real database: a family's wish waits for moderation and is on no public page
 * until staff of the place's organiser publish it; staff answer it with a state and a calendar activity; merging
 * carries supports over; one support per browser; the sender's limit (429); personal data refused with a clear
 * message and control characters removed; who moderates what.
 */
@IntegrationTest
class WishesTest {

    static final String PASSWORD = "toiveiden-salasana-1";
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired RateLimits limits;
    @Autowired ActivityService activities;

    long county, otherCounty, area, otherArea, org, org2, place, place2, otherPlace, activity;
    WebClient staff, staff2, areaCoordinator, otherCoordinator, volunteer;

    @BeforeEach
    void world() {
        limits.clear();
        county = fx.county();
        otherCounty = fx.county();
        String m = fx.municipality(county);
        String om = fx.municipality(otherCounty);
        area = fx.area(county, m);
        otherArea = fx.area(otherCounty, om);
        org = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        org2 = fx.organisation(OrganisationType.PARISH, null, county);
        long otherOrg = fx.organisation(OrganisationType.OTHER_NGO, null, otherCounty);
        place = fx.openPlace(area, m, org);
        place2 = fx.openPlace(area, m, org2);
        otherPlace = fx.openPlace(otherArea, om, otherOrg);
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(place);
        f.kind = "FAMILY_CAFE";
        f.nameFi = Fixtures.unique("Iltaperhekahvila");
        f.weekdays.add("TUESDAY");
        f.seasonStart = "2026-08-01";
        f.seasonEnd = "2027-05-31";
        f.startTime = "17:00";
        f.endTime = "19:00";
        activity = activities.create(new Actor(1, "Testi", Role.ADMIN, null, Set.of(), null, null, null), f);
        staff = login(Role.PROVIDER_STAFF, org, county, null, null);
        staff2 = login(Role.PROVIDER_STAFF, org2, county, null, null);
        areaCoordinator = login(Role.AREA_COORDINATOR, null, county, area, null);
        otherCoordinator = login(Role.COUNTY_COORDINATOR, null, otherCounty, null, null);
        volunteer = login(Role.VOLUNTEER, null, county, area, place);
    }

    WebClient login(Role role, Long orgId, Long countyId, Long areaId, Long placeId) {
        String email = Fixtures.unique("toive-" + role.name().toLowerCase()).replace(' ', '-') + "@example.fi";
        users.insert(email, "Toive " + role, encoder.encode(PASSWORD), role, orgId, countyId, areaId, placeId, "fi",
                true, false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    /** A family's browser at an address of its own. */
    WebClient family() {
        int n = ADDRESS.incrementAndGet();
        return new WebClient(port).withHeader("X-Forwarded-For", "198.51." + (n / 250) + "." + (n % 250 + 1));
    }

    long post(WebClient web, String path, String text) {
        var page = web.get(path);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        var r = web.post(path, Map.of("wish", text));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.header("Location")).contains("?sent");
        return jdbc.sql("select max(id) from wish").query(Long.class).single();
    }

    String status(long id) {
        return jdbc.sql("select status from wish where id = :id").param("id", id).query(String.class).single();
    }

    int supports(long id) {
        return jdbc.sql("select supports from wish where id = :id").param("id", id).query(Integer.class).single();
    }

    int version(long id) {
        return jdbc.sql("select version from wish where id = :id").param("id", id).query(Integer.class).single();
    }

    void publish(WebClient web, long id) {
        web.get("/admin/participation/wishes/" + id);
        var r = web.post("/admin/participation/wishes/" + id + "/publish", Map.of("version", "" + version(id)));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
    }

    /** Every public page and answer where a wish of the place could appear. */
    String publicText(WebClient web) {
        return web.get("/places/" + place + "/wishes").body() + web.get("/wishes/areas/" + area).body()
                + web.get("/wishes").body() + web.get("/places/" + place).body()
                + web.get("/places/" + place + "/wishes?lang=sv").body() + web.get("/wishes/areas/" + area + "?lang=en").body();
    }

    @Test
    void aWishIsPublicOnlyAfterStaffPublishItAndTheAnswerIsShown() {
        String text = Fixtures.unique("Toivomme iltaisin vauvaryhmää");
        WebClient family = family();
        long id = post(family, "/places/" + place + "/wishes", text);
        assertThat(status(id)).isEqualTo("PENDING");
        // not on any public page, not supportable, in no language; the place page links the board
        WebClient anyone = new WebClient(port);
        assertThat(publicText(anyone)).doesNotContain(text);
        assertThat(anyone.get("/places/" + place).html().select("a[href=/places/" + place + "/wishes?lang=fi]")).hasSize(1);
        anyone.get("/wishes/areas/" + area);
        assertThat(anyone.post("/wishes/" + id + "/support", Map.of()).status()).isEqualTo(404);
        assertThat(supports(id)).isZero();
        // the staff of the place's organiser were told by mail, with a link and without the text
        var mail = jdbc.sql("select body from mail_message where body like :l").param("l",
                "%/admin/participation/wishes/" + id + "%").query(String.class).list();
        assertThat(mail).isNotEmpty().allSatisfy(b -> assertThat(b).doesNotContain(text));
        // staff of the organiser and the area's coordinator see it; another organiser's staff and county do not
        assertThat(staff.get("/admin/participation/wishes").body()).contains(text);
        assertThat(areaCoordinator.get("/admin/participation/wishes").body()).contains(text);
        assertThat(staff2.get("/admin/participation/wishes").body()).doesNotContain(text);
        assertThat(staff2.get("/admin/participation/wishes/" + id).status()).isEqualTo(403);
        assertThat(otherCoordinator.get("/admin/participation/wishes/" + id).status()).isEqualTo(403);
        assertThat(volunteer.get("/admin/participation/wishes/" + id).status()).isEqualTo(403);
        staff2.get("/admin/participation/wishes");
        assertThat(staff2.post("/admin/participation/wishes/" + id + "/publish", Map.of("version", "0")).status())
                .isEqualTo(403);
        assertThat(status(id)).isEqualTo("PENDING");

        publish(staff, id);
        assertThat(status(id)).isEqualTo("PUBLISHED");
        assertThat(anyone.get("/places/" + place + "/wishes").body()).contains(text);
        assertThat(anyone.get("/wishes/areas/" + area).body()).contains(text);
        // answered: planned, with the evening café that answers it
        staff.get("/admin/participation/wishes/" + id);
        var r = staff.post("/admin/participation/wishes/" + id + "/answer", Map.of("version", "" + version(id),
                "wishState", "PLANNED", "answer", "Aloitamme iltakahvilan tammikuussa.", "activityId", "" + activity));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        var page = anyone.get("/places/" + place + "/wishes?lang=en");
        assertThat(page.body()).contains("Aloitamme iltakahvilan tammikuussa.").contains("Planned")
                .contains("/calendar/activities/" + activity);
        // an activity of another place is not an answer to it
        staff.get("/admin/participation/wishes/" + id);
        r = staff.post("/admin/participation/wishes/" + id + "/answer", Map.of("version", "" + version(id),
                "wishState", "DONE", "activityId", "999999999"));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void declinedAndMergedWishesLeaveThePublicPagesAndSupportsCarryOver() {
        String first = Fixtures.unique("Lisää leluja pienille");
        String second = Fixtures.unique("Enemmän vauvojen leluja");
        String third = Fixtures.unique("Hylättävä toive");
        long a = post(family(), "/places/" + place + "/wishes", first);
        long b = post(family(), "/places/" + place + "/wishes", second);
        long c = post(family(), "/wishes/areas/" + area, third);
        publish(staff, a);
        publish(staff, b);
        // two browsers support b, one a
        for (int i = 0; i < 2; i++) {
            WebClient w = family();
            w.get("/places/" + place + "/wishes");
            assertThat(w.post("/wishes/" + b + "/support", Map.of("back", "/places/" + place + "/wishes")).status())
                    .isEqualTo(302);
        }
        assertThat(supports(b)).isEqualTo(2);
        staff.get("/admin/participation/wishes/" + b);
        var r = staff.post("/admin/participation/wishes/" + b + "/merge", Map.of("version", "" + version(b), "into", "" + a));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(status(b)).isEqualTo("MERGED");
        // b's two supporters and its writer now support a
        assertThat(supports(a)).isEqualTo(3);
        WebClient anyone = new WebClient(port);
        assertThat(publicText(anyone)).contains(first).doesNotContain(second);
        anyone.get("/wishes/areas/" + area);
        assertThat(anyone.post("/wishes/" + b + "/support", Map.of()).status()).isEqualTo(404);
        // the area's wish is moderated by the area's coordinator, not by a place's staff; declining needs a reason
        staff.get("/admin/participation/wishes");
        assertThat(staff.post("/admin/participation/wishes/" + c + "/decline", Map.of("version", "0", "reason", "x"))
                .status()).isEqualTo(403);
        areaCoordinator.get("/admin/participation/wishes/" + c);
        r = areaCoordinator.post("/admin/participation/wishes/" + c + "/decline", Map.of("version", "0", "reason", ""));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".field-error").text()).isNotBlank();
        r = areaCoordinator.post("/admin/participation/wishes/" + c + "/decline",
                Map.of("version", "0", "reason", "Ei koske kohtaamispaikkoja."));
        assertThat(r.status()).isEqualTo(302);
        assertThat(status(c)).isEqualTo("DECLINED");
        assertThat(publicText(anyone)).doesNotContain(third);
    }

    @Test
    void oneSupportPerBrowserWithACookieThatListsOnlyWishIds() {
        long id = post(family(), "/places/" + place + "/wishes", Fixtures.unique("Kannatettava toive"));
        publish(staff, id);
        WebClient browser = family();
        browser.get("/places/" + place + "/wishes");
        var r = browser.post("/wishes/" + id + "/support", Map.of("back", "/places/" + place + "/wishes"));
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/places/" + place + "/wishes?lang=fi#wish-" + id);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("kohtaamo_supported="))
                .findFirst().orElseThrow();
        assertThat(cookie).startsWith("kohtaamo_supported=" + id + ";").contains("HttpOnly");
        assertThat(browser.post("/wishes/" + id + "/support", Map.of()).status()).isEqualTo(302);
        assertThat(browser.post("/wishes/" + id + "/support", Map.of()).status()).isEqualTo(302);
        assertThat(supports(id)).isEqualTo(1);
        var page = browser.get("/places/" + place + "/wishes");
        assertThat(page.html().select("#wish-" + id + " form")).isEmpty();
        WebClient another = family();
        another.get("/places/" + place + "/wishes");
        another.post("/wishes/" + id + "/support", Map.of());
        assertThat(supports(id)).isEqualTo(2);
        // an off-site address to return to is not followed
        WebClient third = family();
        third.get("/wishes/areas/" + area);
        assertThat(third.post("/wishes/" + id + "/support", Map.of("back", "https://example.com/")).header("Location"))
                .endsWith("/places/" + place + "/wishes?lang=fi#wish-" + id);
    }

    @Test
    void theSendersLimitStopsAFlood() {
        WebClient flood = family();
        String path = "/places/" + place2 + "/wishes";
        for (int i = 0; i < 5; i++) {
            post(flood, path, "Toive numero " + i);
        }
        long before = jdbc.sql("select count(*) from wish").query(Long.class).single();
        var r = flood.post(path, Map.of("wish", "Kuudes toive"));
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.body()).doesNotContain("Exception");
        assertThat(jdbc.sql("select count(*) from wish").query(Long.class).single()).isEqualTo(before);
        // another family at another address still gets through
        post(family(), path, "Toinen perhe");
    }

    @Test
    void personalDataIsRefusedWithAClearMessageAndControlCharactersAreRemoved() {
        WebClient family = family();
        String path = "/places/" + place + "/wishes";
        family.get(path);
        long before = jdbc.sql("select count(*) from wish").query(Long.class).single();
        for (String[] c : new String[][] {{"Soita minulle 040 123 4567", "puhelinnumero"},
                {"Vastaa osoitteeseen perhe@example.fi", "sähköpostiosoite"}, {"Lapseni 010203A0023 tarvitsee", "henkilötunnus"}}) {
            var r = family.post(path, Map.of("wish", c[0]));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.html().select("#f-wish-error").text()).contains(c[1]).contains("nimettömiä");
            assertThat(r.html().select("#f-wish").text()).isEqualTo(c[0]);
        }
        assertThat(family.post(path, Map.of("wish", "x".repeat(1001))).status()).isEqualTo(400);
        assertThat(family.post(path, Map.of("wish", "  ")).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from wish").query(Long.class).single()).isEqualTo(before);
        // the limits come first, so the five refused posts used this address's five an hour: the family's next
        // wish comes from another address (a refused wish costs a token, which keeps a flood of bad posts cheap)
        assertThat(family.post(path, Map.of("wish", "Kuudes yritys")).status()).isEqualTo(429);
        family = family();
        long id = post(family, path, "Soittorasia\u0007 ja\u202E lauluhetki\nkerran viikossa");
        assertThat(jdbc.sql("select body from wish where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Soittorasia ja lauluhetki\nkerran viikossa");
        // an unpublished place has no board
        assertThat(family.get("/places/999999999/wishes").status()).isEqualTo(404);
        assertThat(family().post("/wishes/areas/999999999", Map.of("wish", "x")).status()).isEqualTo(404);
    }

    /** The roles of the accounts a wish's mail went to. */
    java.util.Set<String> toldRoles(long wishId) {
        return new java.util.TreeSet<>(jdbc.sql("""
                select u.role from mail_message m join app_user u on u.id = m.to_user_id
                where m.body like :l""").param("l", "%/admin/participation/wishes/" + wishId + "%")
                .query(String.class).list());
    }

    @Test
    void aWholeAreasWishIsMailedToTheAreasCoordinatorsAndTheCountys() {
        login(Role.COUNTY_COORDINATOR, null, county, null, null);
        login(Role.AREA_COORDINATOR, null, otherCounty, otherArea, null);
        long areaWish = post(family(), "/wishes/areas/" + area, Fixtures.unique("Yhteinen retki"));
        assertThat(toldRoles(areaWish)).containsExactly("AREA_COORDINATOR", "COUNTY_COORDINATOR");
        // only this area's coordinators: not another area's
        assertThat(jdbc.sql("""
                select count(*) from mail_message m join app_user u on u.id = m.to_user_id
                where m.body like :l and u.role = 'AREA_COORDINATOR' and u.area_id <> :a""")
                .param("l", "%/admin/participation/wishes/" + areaWish + "%").param("a", area)
                .query(Long.class).single()).isZero();
        // a place's wish goes to its organisers' staff and the county's coordinators
        long placeWish = post(family(), "/places/" + place + "/wishes", Fixtures.unique("Vauvaryhmä"));
        assertThat(toldRoles(placeWish)).containsExactly("COUNTY_COORDINATOR", "PROVIDER_STAFF");
    }

    @Test
    void aWishKeepsTheLanguageItWasWrittenInAndStaffSeeIt() {
        String text = Fixtures.unique("Vi önskar sagostund på svenska");
        WebClient family = family();
        family.get("/places/" + place + "/wishes?lang=sv");
        var r = family.post("/places/" + place + "/wishes?lang=sv", Map.of("wish", text));
        assertThat(r.status()).isEqualTo(302);
        long id = jdbc.sql("select max(id) from wish").query(Long.class).single();
        assertThat(jdbc.sql("select lang from wish where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("sv");
        var page = staff.get("/admin/participation/wishes/" + id);
        assertThat(page.html().selectFirst(".wish-body").attr("lang")).isEqualTo("sv");
        assertThat(page.body()).contains("Kirjoituskieli").contains("ruotsi");
        assertThat(staff.get("/admin/participation/wishes").html().select("a[lang=sv]").text()).contains("Vi önskar");
        // an English page's wish is English
        long en = post(family(), "/wishes/areas/" + area + "?lang=en", Fixtures.unique("More evening groups"));
        assertThat(jdbc.sql("select lang from wish where id = :id").param("id", en).query(String.class).single())
                .isEqualTo("en");
    }
}
