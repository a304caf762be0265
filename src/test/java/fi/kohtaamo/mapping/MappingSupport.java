package fi.kohtaamo.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.identity.internal.UserQueries;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.WebClient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Logging staff in and reading a summary page back as figures. */
final class MappingSupport {

    static final String PASSWORD = "kartoituksen-salasana-1";

    private MappingSupport() {
    }

    static WebClient login(int port, UserQueries users, PasswordEncoder encoder, Role role, Long org, Long county,
            Long area) {
        String email = Fixtures.unique("kartoitus").replace(' ', '-') + "@example.fi";
        users.insert(email, "Kartoittaja", encoder.encode(PASSWORD), role, org, county, area, null, "fi", true, false,
                Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, PASSWORD).header("Location")).endsWith("/admin");
        assertThat(web.get("/admin/mapping").status()).isEqualTo(200);
        return web;
    }

    /** Every row of the summary's tables: "section heading | figure label" → this round's value. */
    static Map<String, String> figures(Document page) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element h : page.select("main h2[id^=h-]")) {
            Element wrap = h.nextElementSibling();
            while (wrap != null && !wrap.hasClass("table-wrap")) {
                wrap = wrap.nextElementSibling();
            }
            for (Element tr : wrap.select("tbody tr")) {
                out.put(h.id().substring(2) + "|" + tr.selectFirst("th").text(), tr.select("td").get(0).text());
            }
        }
        return out;
    }

    /** The previous round's column. */
    static Map<String, String> previousFigures(Document page) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element h : page.select("main h2[id^=h-]")) {
            Element wrap = h.nextElementSibling();
            while (wrap != null && !wrap.hasClass("table-wrap")) {
                wrap = wrap.nextElementSibling();
            }
            for (Element tr : wrap.select("tbody tr")) {
                out.put(h.id().substring(2) + "|" + tr.selectFirst("th").text(),
                        tr.select("td").size() > 1 ? tr.select("td").get(1).text() : null);
            }
        }
        return out;
    }
}
