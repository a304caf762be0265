package fi.kohtaamo.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The handout page and the service types page in Chromium: axe-core finds nothing and nothing overflows 360 px in
 * fi, sv and en, with the places found listed (the demo partner, a neuvola nurse, in the demo county's municipality
 * with the most activities).
 */
@IntegrationTest
@Tag("browser")
class HandoutsBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;

    String busiestMunicipality() {
        return jdbc.sql("""
                select p.municipality_code from place p join activity a on a.place_id = p.id
                where p.published = true and a.published = true
                group by p.municipality_code order by count(*) desc, p.municipality_code fetch first 1 rows only""")
                .query(String.class).single();
    }

    @Test
    void theHandoutPageIsAccessibleOnAPhoneInEveryLanguage() {
        login("neuvola@demo.kohtaamo.fi");
        String path = "/admin/handouts?municipality=" + busiestMunicipality() + "&age=1";
        check("/admin/handouts");
        check(path);
        driver.get(url(path, "fi"));
        assertThat(driver.findElements(By.cssSelector("#f-place .card"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#f-serviceType option"))).isNotEmpty();
    }

    @Test
    void theServiceTypesPageIsAccessibleOnAPhoneInEveryLanguage() {
        login("koordinaattori@demo.kohtaamo.fi");
        check("/admin/service-types");
        String edit = driver.findElement(By.cssSelector("table tbody a")).getAttribute("href");
        check(path(edit));
    }
}
