package fi.kohtaamo.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Seed 000 as a test: MLL's mapping of 12/2021, rebuilt as 23 places in 12 counties (12 run by districts, 11 by local
 * associations) whose staff answer a round that the national organisation opens, must give the seed's figures: 23
 * places, 12 counties, 12 district- and 11 association-run; premises 44 % owned by the association or district and
 * 38 % provided by the city (of the 16 that answered on ownership), 40 % not fully accessible (of the 20 that answered);
 * funding STEA with the municipality 7, the municipality 7, own 6; monthly visits 40 to 1 500, in Uusimaa 1 000–1 500;
 * on average 2 employees, two places run by volunteers; all for under school age, nearly half for 7–12, nearly a
 * quarter over 12; just over half open on 4–5 weekdays, evenings in about half, weekends in a few.
 */
@IntegrationTest
class MappingSeedTest {

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired JdbcClient jdbc;
    @Autowired UserQueries users;
    @Autowired PasswordEncoder encoder;
    @Autowired MessageSource messages;

    @Test
    void theSeedsFiguresComeBackExactly() {
        long mll = fx.organisation(OrganisationType.NATIONAL_ORGANISATION, null, null);
        List<Long> counties = new ArrayList<>();
        List<Long> districts = new ArrayList<>();
        List<Long> areas = new ArrayList<>();
        List<String> municipalities = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            long county = fx.county();
            String m = fx.municipality(county);
            counties.add(county);
            municipalities.add(m);
            areas.add(fx.area(county, m));
            districts.add(fx.organisation(OrganisationType.MLL_DISTRICT, mll, county));
        }
        List<Long> places = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            int c = i % 12;
            long organiser = i < 12 ? districts.get(c)
                    : fx.organisation(OrganisationType.MLL_ASSOCIATION, districts.get(c), counties.get(c));
            places.add(fx.place(areas.get(c), municipalities.get(c), organiser));
        }
        WebClient national = MappingSupport.login(port, users, encoder, Role.PROVIDER_STAFF, mll, null, null);
        var opened = national.post("/admin/mapping/rounds", Map.of("scope", "ORGANISATION", "organisationId", "" + mll,
                "title", "MLL:n kohtaamispaikat 12/2021", "deadline", "2026-12-31"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(302);
        long round = Long.parseLong(opened.header("Location").replaceAll(".*/rounds/", ""));
        List<Long> answers = jdbc.sql("select id from mapping_answer where round_id = :r order by place_id")
                .param("r", round).query(Long.class).list();
        assertThat(answers).hasSize(23);

        for (int i = 0; i < 23; i++) {
            var r = national.post("/admin/mapping/answers/" + answers.get(i), answer(i));
            assertThat(r.status()).as("place %d: %s", i, r.status() == 400 ? r.html().select(".field-error").text() : "")
                    .isEqualTo(302);
        }

        var page = national.get("/admin/mapping/rounds/" + round + "/summary");
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> f = MappingSupport.figures(page.html());
        assertThat(f).containsEntry("respondents|" + t("mapping.fig.answered"), "23")
                .containsEntry("respondents|" + t("mapping.fig.counties"), "12")
                .containsEntry("respondents|" + t("orgType.MLL_DISTRICT"), "12")
                .containsEntry("respondents|" + t("orgType.MLL_ASSOCIATION"), "11")
                .containsEntry("premises|" + t("ownership.OWN"), "44 %")
                .containsEntry("premises|" + t("ownership.CITY_PROVIDED"), "38 %")
                .containsEntry("premises|" + t("mapping.fig.notAccessible"), "40 %")
                .containsEntry("funding|" + t("mapping.funding.STEA_MUNICIPALITY"), "7")
                .containsEntry("funding|" + t("mapping.funding.MUNICIPALITY_ONLY"), "7")
                .containsEntry("funding|" + t("mapping.funding.OWN_ONLY"), "6")
                .containsEntry("visits|" + t("mapping.fig.visitsMin"), "40")
                .containsEntry("visits|" + t("mapping.fig.visitsMax"), "1500")
                .containsEntry("staff|" + t("mapping.fig.employeesAverage"), "2,0")
                .containsEntry("staff|" + t("mapping.fig.noEmployees"), "2")
                .containsEntry("targetGroups|" + t("targetGroup.UNDER_SCHOOL_AGE"), "100 %")
                .containsEntry("targetGroups|" + t("targetGroup.AGE_7_12"), "48 %")
                .containsEntry("targetGroups|" + t("targetGroup.OVER_12"), "22 %")
                .containsEntry("opening|" + t("mapping.fig.days45"), "12")
                .containsEntry("opening|" + t("mapping.fig.days13"), "11")
                .containsEntry("opening|" + t("mapping.fig.evenings"), "12")
                .containsEntry("opening|" + t("mapping.fig.weekends"), "3");
        // Uusimaa's places (the first county here) 1 000–1 500 a month, elsewhere 40–500
        String firstCounty = jdbc.sql("select county_name from mapping_answer where id = :a").param("a", answers.get(0))
                .query(String.class).single();
        assertThat(f).containsEntry("visits|" + messages.getMessage("mapping.fig.visitsCounty", new Object[] {firstCounty},
                Locale.forLanguageTag("fi")), "1000–1500");
        // the national organisation sees it by district: 12 districts, 11 associations
        assertThat(f.keySet().stream().filter(k -> k.startsWith("breakdown|" + t("mapping.fig.byDistrict").replace("{0}", ""))))
                .hasSize(12);
        assertThat(f.keySet().stream().filter(k -> k.startsWith("breakdown|" + t("mapping.fig.byAssociation").replace("{0}", ""))))
                .hasSize(11);
        // the exports carry the same figures
        byte[] xlsx = national.getBytes("/admin/mapping/rounds/" + round + "/summary.xlsx");
        assertThat(xlsx).startsWith(new byte[] {'P', 'K'});
        byte[] pdf = national.getBytes("/admin/mapping/rounds/" + round + "/summary.pdf");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    private String t(String key) {
        return messages.getMessage(key, null, Locale.forLanguageTag("fi"));
    }

    /** Place i's answer, built so that the 23 answers give seed 000's figures. */
    static List<Map.Entry<String, String>> answer(int i) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("version", "0"));
        f.add(Map.entry("placeVersion", "0"));
        f.add(Map.entry("nameType", List.of("FAMILY_HOUSE", "FAMILY_HOME", "COMMUNITY_SPACE", "FAMILY_NEST", "FAMILY_CENTRE").get(i % 5)));
        f.add(Map.entry("targetGroups", "UNDER_SCHOOL_AGE"));
        if (i < 11) {
            f.add(Map.entry("targetGroups", "AGE_7_12"));
        }
        if (i < 5) {
            f.add(Map.entry("targetGroups", "OVER_12"));
        }
        if (i < 15) {
            f.add(Map.entry("targetGroups", "EXPECTING"));
        }
        // Uusimaa (county 0: places 0 and 12) 1 000–1 500, elsewhere 40–500
        int visits = i == 0 ? 1500 : i == 12 ? 1000 : i == 1 ? 40 : 60 + i * 15;
        f.add(Map.entry("monthlyVisits", "" + visits));
        f.add(Map.entry("employees", "" + (i < 17 ? 2 : i < 21 ? 3 : 0)));
        f.add(Map.entry("wageSubsidyStaff", "" + (i % 3 == 0 ? 1 : 0)));
        f.add(Map.entry("interns", "" + (i % 4 == 0 ? 1 : 0)));
        f.add(Map.entry("volunteers", "" + (i == 5 ? 0 : 3)));
        f.add(Map.entry("activities", "DROP_IN"));
        if (i % 2 == 0) {
            f.add(Map.entry("activities", "BABY_CAFE"));
        }
        f.add(Map.entry("openingDays", "" + (i < 12 ? 4 + i % 2 : 1 + i % 3)));
        f.add(Map.entry("evenings", "" + (i % 2 == 0)));
        f.add(Map.entry("weekends", "" + (i < 3)));
        String owner = i < 7 ? "OWN" : i < 13 ? "CITY_PROVIDED" : i < 15 ? "RENTED" : i < 16 ? "LENT" : "";
        f.add(Map.entry("premisesOwnership", owner));
        f.add(Map.entry("premisesType", "COMMUNITY_SPACE"));
        f.add(Map.entry("fullyAccessible", i < 8 ? "false" : i < 20 ? "true" : ""));
        List<String> funding = i < 7 ? List.of("STEA", "MUNICIPALITY") : i < 14 ? List.of("MUNICIPALITY")
                : i < 20 ? List.of("OWN") : i == 20 ? List.of("FOUNDATIONS") : i == 21 ? List.of("DONATIONS", "FOUNDATIONS")
                : List.of("STEA", "DONATIONS");
        funding.forEach(s -> f.add(Map.entry("funding", s)));
        f.add(Map.entry("partnersText", "neuvola, varhaiskasvatus, seurakunta"));
        return f;
    }
}
