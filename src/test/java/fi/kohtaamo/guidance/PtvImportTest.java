package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The PTV import over HTTP on the real database, with the fixture files under fi/kohtaamo/guidance/ptv (PTV Open
 * API v11 shapes): new services with all channel kinds and hours, a re-import that leaves unchanged ones alone,
 * updates changed ones and lists a locally edited one as a conflict the user decides; malformed and hostile files
 * and an address inside the network get a clear message and store nothing; only the county's coordinators.
 */
@IntegrationTest
class PtvImportTest {

    static final String PASSWORD = "ptv-tuonnin-salasana-1";
    static final String FAMILY = "6f1b7c2e-5a4d-4e0b-9c1a-0a1b2c3d4e01";
    static final String CRISIS = "6f1b7c2e-5a4d-4e0b-9c1a-0a1b2c3d4e02";
    static final String HOME_HELP = "6f1b7c2e-5a4d-4e0b-9c1a-0a1b2c3d4e04";

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired MessageSource messages;

    long county, org;
    WebClient coordinator;

    @BeforeEach
    void world() {
        county = fx.county();
        org = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        coordinator = login(Role.COUNTY_COORDINATOR, null, county);
        jdbc.sql("""
                insert into guidance_need (county_id, code, name_fi, position, updated_at)
                values (:county, 'INTERACTION', 'Vuorovaikutus', 1, :now)""")
                .param("county", county).param("now", java.sql.Timestamp.from(Instant.now())).update();
    }

    WebClient login(Role role, Long orgId, Long countyId) {
        String email = Fixtures.unique("ptv-" + role.name().toLowerCase(Locale.ROOT)).replace(' ', '-') + "@example.fi";
        users.insert(email, "PTV " + role, encoder.encode(PASSWORD), role, orgId, countyId, null, null, "fi", true,
                false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        return web;
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PtvImportTest.class.getResourceAsStream("/fi/kohtaamo/guidance/ptv/" + name)) {
            return in.readAllBytes();
        }
    }

    WebClient.Response preview(WebClient web, byte[] file, String url) {
        web.get("/admin/services/import?county=" + county); // the form, as a browser reads it (its CSRF token)
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("county", String.valueOf(county)),
                Map.entry("ptvOrganisation", String.valueOf(org)), Map.entry("ptvServiceType", "FAMILY_COUNSELLING")));
        if (url != null) {
            fields.add(Map.entry("ptvUrl", url));
        }
        List<WebClient.FilePart> files = file == null ? List.of()
                : List.of(new WebClient.FilePart("ptvFile", "ptv.json", "application/json", file));
        return web.postMultipart("/admin/services/import/preview", fields, files);
    }

    WebClient.Response confirm(WebClient web, WebClient.Response preview, Map<String, String> choices) {
        String token = preview.html().select("input[name=token]").val();
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("token", token)));
        fields.addAll(choices.entrySet());
        return web.post("/admin/services/import/confirm", fields);
    }

    int services() {
        return jdbc.sql("select count(*) from guidance_service where county_id = :c").param("c", county)
                .query(Integer.class).single();
    }

    long serviceId(String ptvId) {
        return jdbc.sql("select id from guidance_service where county_id = :c and ptv_id = :p").param("c", county)
                .param("p", ptvId).query(Long.class).single();
    }

    String msg(String key, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag("fi"));
    }

    @Test
    void newServicesComeWithTheirChannelsHoursAndNeeds() throws IOException {
        WebClient.Response p = preview(coordinator, fixture("services.json"), null);
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(services()).as("the preview stores nothing").isZero();
        assertThat(p.html().select("tr.ptv-new")).hasSize(2);
        assertThat(p.html().select("tr.ptv-invalid")).hasSize(2);
        assertThat(p.html().select("#row-3").text()).contains(msg("ptv.row.noChannel"));
        assertThat(p.html().select("#row-4").text()).contains(msg("ptv.row.id"));
        assertThat(p.html().select("#row-1").text()).contains(msg("ptv.note.municipality", "999"))
                .contains(msg("ptv.note.phoneType", "Fax"));

        WebClient.Response done = confirm(coordinator, p, Map.of());
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.header("Location")).contains("created=2");
        assertThat(services()).isEqualTo(2);

        long family = serviceId(FAMILY);
        var row = jdbc.sql("""
                select name_fi, name_sv, name_en, summary_sv, referral_fi, cost, website, source, service_type,
                    organisation_id, access_mode, locally_edited, ptv_fingerprint from guidance_service where id = :id""")
                .param("id", family).query().singleRow();
        assertThat(row.get("name_fi")).isEqualTo("Perheneuvola");
        assertThat(row.get("name_sv")).isEqualTo("Familjerådgivning");
        assertThat(row.get("name_en")).isEqualTo("Family counselling");
        assertThat(row.get("summary_sv")).isEqualTo("Stöd i barnets fostran och familjens vardag.");
        assertThat(row.get("referral_fi")).isEqualTo("Soita ajanvarausnumeroon arkisin.");
        assertThat(row.get("cost")).isEqualTo("FREE");
        assertThat(row.get("website")).isEqualTo("https://perheneuvola.example.fi/");
        assertThat(row.get("source")).isEqualTo("PTV");
        assertThat(row.get("service_type")).isEqualTo("FAMILY_COUNSELLING");
        assertThat(((Number) row.get("organisation_id")).longValue()).isEqualTo(org);
        assertThat(row.get("access_mode")).isEqualTo("SELF_REFERRAL");
        assertThat(row.get("locally_edited")).isEqualTo(false);
        assertThat((String) row.get("ptv_fingerprint")).hasSize(64);
        assertThat(strings("select lang from guidance_service_language where service_id = :id order by lang", family))
                .containsExactly("fi", "sv");
        assertThat(strings("select municipality_code from guidance_service_municipality where service_id = :id "
                + "order by municipality_code", family)).containsExactly("049", "257");
        assertThat(strings("select need_code from guidance_service_need where service_id = :id", family))
                .as("the keyword 'vuorovaikutus' names the county's need").containsExactly("INTERACTION");
        assertThat(strings("select kind from guidance_channel where service_id = :id order by position", family))
                .containsExactly("PHONE", "LOCATION", "PHONE", "CHAT", "WEB_PAGE");

        var phone = jdbc.sql("select id, phone, phone_charge, label_sv from guidance_channel where service_id = :id "
                + "and position = 0").param("id", family).query().singleRow();
        assertThat(phone.get("phone")).isEqualTo("+358 9 816 12345");
        assertThat(phone.get("phone_charge")).isEqualTo("FREE");
        assertThat(phone.get("label_sv")).isEqualTo("Familjerådgivningens tidsbokning");
        long phoneId = ((Number) phone.get("id")).longValue();
        assertThat(strings("select kind || ' ' || coalesce(cast(weekday as varchar(2)), '-') || ' ' "
                + "|| coalesce(cast(opens as varchar(8)), '-') || ' ' || coalesce(cast(valid_from as varchar(10)), '-') "
                + "from guidance_hours where channel_id = :id order by kind, weekday", phoneId))
                .containsExactly("CLOSED - - 2026-12-24", "REGULAR 1 09:00:00 -", "REGULAR 2 09:00:00 -",
                        "REGULAR 3 09:00:00 -", "REGULAR 4 09:00:00 -", "REGULAR 5 09:00:00 -");

        var location = jdbc.sql("select id, street_address, postal_code, municipality_code, latitude, accessibility_fi, "
                + "accessibility_sv from guidance_channel where service_id = :id and kind = 'LOCATION'")
                .param("id", family).query().singleRow();
        assertThat(location.get("street_address")).isEqualTo("Kauppamiehentie 6");
        assertThat(location.get("postal_code")).isEqualTo("02100");
        assertThat(location.get("municipality_code")).isEqualTo("049");
        assertThat(((Number) location.get("latitude")).doubleValue()).isEqualTo(60.17569);
        assertThat(location.get("accessibility_fi")).isEqualTo("Sisäänkäynti on esteetön.\nInvapaikka on pääoven vieressä.");
        assertThat(location.get("accessibility_sv")).isEqualTo("Ingången är tillgänglig.");
        long locationId = ((Number) location.get("id")).longValue();
        assertThat(strings("select kind || ' ' || coalesce(cast(weekday as varchar(2)), '-') || ' ' "
                + "|| case when by_reservation then 'true' else 'false' end || ' ' || coalesce(cast(valid_to as varchar(10)), '-') "
                + "from guidance_hours where channel_id = :id order by kind, weekday", locationId))
                .containsExactly("EXCEPTIONAL - false -", "REGULAR 2 true 2027-05-31", "REGULAR 3 true 2027-05-31");

        var chat = jdbc.sql("select h.weekday, h.opens, h.closes, c.url from guidance_hours h join guidance_channel c "
                + "on c.id = h.channel_id where c.service_id = :id and c.kind = 'CHAT'").param("id", family).query()
                .singleRow();
        assertThat(((Number) chat.get("weekday")).intValue()).as("over midnight: Friday 20–02").isEqualTo(5);
        assertThat(chat.get("opens").toString()).startsWith("20:00");
        assertThat(chat.get("closes").toString()).startsWith("02:00");
        assertThat(chat.get("url")).isEqualTo("https://perheneuvola.example.fi/chat");

        long crisis = serviceId(CRISIS);
        assertThat(jdbc.sql("select cost from guidance_service where id = :id").param("id", crisis)
                .query(String.class).single()).isEqualTo("FEE");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'GUIDANCE_PTV_CREATE'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'GUIDANCE_PTV_IMPORT' and entity_id = :c")
                .param("c", String.valueOf(county)).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void reImportLeavesUnchangedAloneUpdatesChangedAndAsksAboutLocalEdits() throws IOException {
        assertThat(confirm(coordinator, preview(coordinator, fixture("services.json"), null), Map.of()).status())
                .isEqualTo(302);
        long family = serviceId(FAMILY);
        long crisis = serviceId(CRISIS);
        Object stamp = updatedAt(family);

        WebClient.Response same = preview(coordinator, fixture("services.json"), null);
        assertThat(same.html().select("tr.ptv-unchanged")).hasSize(2);
        assertThat(same.html().select("button[type=submit]").text()).doesNotContain(msg("ptv.confirm"));
        assertThat(updatedAt(family)).isEqualTo(stamp);

        // staff changed the crisis line here after the import; the directory's edit sets locally_edited
        jdbc.sql("update guidance_service set name_fi = 'Kriisipuhelin (oma)', locally_edited = true, "
                + "version = version + 1 where id = :id").param("id", crisis).update();
        WebClient.Response changed = preview(coordinator, fixture("services-changed.json"), null);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.html().select("tr.ptv-changed").text()).contains("Perheneuvola");
        assertThat(changed.html().select("tr.ptv-new").text()).contains("Vauvaperheiden kotipalvelu");
        assertThat(changed.html().select("tr.ptv-conflict input[type=radio]")).hasSize(2);
        assertThat(changed.html().select("tr.ptv-conflict input[value=KEEP]").attr("checked")).isNotNull();

        // the default keeps the local edit
        assertThat(confirm(coordinator, changed, Map.of()).header("Location")).contains("created=1")
                .contains("updated=1").contains("kept=1");
        assertThat(name(crisis)).isEqualTo("Kriisipuhelin (oma)");
        assertThat(jdbc.sql("select summary_fi from guidance_service where id = :id").param("id", family)
                .query(String.class).single()).isEqualTo("Tukea lapsen kasvatukseen, perheen arkeen ja vanhemmuuteen.");
        assertThat(strings("select need_code from guidance_service_need where service_id = :id", family))
                .as("the county's choices survive an update").containsExactly("INTERACTION");
        assertThat(services()).isEqualTo(3);

        // again, now taking PTV's version of the conflict
        WebClient.Response again = preview(coordinator, fixture("services-changed.json"), null);
        assertThat(again.html().select("tr.ptv-conflict")).hasSize(1);
        assertThat(again.html().select("tr.ptv-unchanged")).hasSize(2);
        assertThat(confirm(coordinator, again, Map.of("choice-" + CRISIS, "PTV")).header("Location"))
                .contains("updated=1");
        assertThat(name(crisis)).isEqualTo("Perheiden kriisipuhelin");
        assertThat(jdbc.sql("select locally_edited from guidance_service where id = :id").param("id", crisis)
                .query(Boolean.class).single()).isFalse();
        assertThat(serviceId(HOME_HELP)).isPositive();
    }

    @Test
    void malformedAndHostileFilesAreRefusedWithAMessageAndNothingStored() {
        refused(preview(coordinator, "{\"services\": [".getBytes(StandardCharsets.UTF_8), null), "ptvFile",
                msg("ptv.file.notJson"));
        refused(preview(coordinator, "[1, 2]".getBytes(StandardCharsets.UTF_8), null), "ptvFile",
                msg("ptv.file.shape"));
        refused(preview(coordinator, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, null), "ptvFile",
                msg("ptv.file.notText"));
        String deep = "{\"services\": [" + "[".repeat(200) + "]".repeat(200) + "]}";
        refused(preview(coordinator, deep.getBytes(StandardCharsets.UTF_8), null), "ptvFile",
                msg("ptv.file.tooDeep", 20));
        String huge = "{\"services\": [{\"id\": \"" + "a".repeat(50_000) + "\"}]}";
        refused(preview(coordinator, huge.getBytes(StandardCharsets.UTF_8), null), "ptvFile",
                msg("ptv.file.stringTooLong", "20000"));
        StringBuilder many = new StringBuilder("{\"services\": [");
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        refused(preview(coordinator, many.append("]}").toString().getBytes(StandardCharsets.UTF_8), null), "ptvFile",
                msg("ptv.file.tooManyServices", 500));
        byte[] big = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        refused(preview(coordinator, big, null), "ptvFile", msg("ptv.file.tooLarge", 8));
        refused(preview(coordinator, null, "https://127.0.0.1/ptv.json"), "ptvUrl", msg("import.url.privateAddress"));
        refused(preview(coordinator, null, "https://10.1.2.3/ptv.json"), "ptvUrl", msg("import.url.privateAddress"));
        refused(preview(coordinator, null, "http://example.com/ptv.json"), "ptvUrl", msg("import.url.httpsOnly"));
        assertThat(services()).isZero();
    }

    void refused(WebClient.Response r, String field, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.html().select("#f-" + field + "-error").text()).isEqualTo(message);
    }

    @Test
    void onlyTheCountysCoordinatorsAndAdministratorsImport() throws IOException {
        long otherCounty = fx.county();
        WebClient other = login(Role.COUNTY_COORDINATOR, null, otherCounty);
        assertThat(preview(other, fixture("services.json"), null).status()).isEqualTo(403);
        WebClient staff = login(Role.PROVIDER_STAFF, org, county);
        assertThat(preview(staff, fixture("services.json"), null).status()).isEqualTo(403);
        assertThat(staff.get("/admin/services/import?county=" + county).status()).isEqualTo(403);
        assertThat(coordinator.get("/admin/services/import").status()).isEqualTo(200);
        assertThat(services()).isZero();
    }

    Object updatedAt(long id) {
        return jdbc.sql("select version || ' ' || cast(updated_at as varchar(60)) from guidance_service where id = :id")
                .param("id", id).query(String.class).single();
    }

    String name(long id) {
        return jdbc.sql("select name_fi from guidance_service where id = :id").param("id", id).query(String.class)
                .single();
    }

    List<String> strings(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(String.class).list();
    }
}
