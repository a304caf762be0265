package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Joint planning days in a real Chromium on the demo data, in Finnish, Swedish and English: axe-core finds nothing
 * and nothing overflows 360 px on the list, the arranging form (also with its errors), the held and the coming demo
 * planning day and the public pages that show them (the event, the wishes board's answers); the county coordinator
 * records a decision with the keyboard only.
 */
@IntegrationTest
@Tag("browser")
class PlanningBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;

    long demoDay(String order) {
        return jdbc.sql("select p.id from planning_day p join county c on c.id = p.county_id where c.code = 'LU' "
                + "and p.demo order by p.starts_at " + order + " fetch first 1 rows only").query(Long.class).single();
    }

    @Test
    void planningDayPagesAreAccessibleInEveryLanguageAndADecisionIsRecordedByKeyboard() {
        login("koordinaattori@demo.kohtaamo.fi");
        long held = demoDay("asc");
        long coming = demoDay("desc");
        assertThat(held).isNotEqualTo(coming);
        for (String path : List.of("/admin/participation/planning", "/admin/participation/planning/new",
                "/admin/participation/planning/" + held, "/admin/participation/planning/" + coming)) {
            check(path);
        }
        long area = jdbc.sql("select area_id from planning_day where id = :id").param("id", held).query(Long.class)
                .single();
        long event = jdbc.sql("select activity_id from planning_day where id = :id").param("id", coming)
                .query(Long.class).single();
        check("/wishes/areas/" + area);
        assertThat(driver.findElements(By.cssSelector(".wish-decision"))).as("answered by the planning day")
                .isNotEmpty();
        check("/calendar/activities/" + event);
        long decision = jdbc.sql("select min(id) from planning_decision where planning_day_id = :d").param("d", held)
                .query(Long.class).single();
        check("/admin/participation/planning/" + held + "/decisions/" + decision);

        // the arranging form sent empty: the error summary is accessible too
        for (String lang : LANGS) {
            driver.get(url("/admin/participation/planning/new", lang));
            driver.findElement(By.cssSelector("main form[method=post] button[type=submit]")).sendKeys(Keys.ENTER);
            Browser.await(driver, d -> !d.findElements(By.id("error-summary")).isEmpty());
            Browser.assertAccessible(driver, "arranging errors (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "arranging errors (" + lang + ")");
        }

        // a decision of the coming day, by keyboard: text, state, the first wish
        driver.get(url("/admin/participation/planning/" + coming, "fi"));
        WebElement text = driver.findElement(By.id("f-decision"));
        text.sendKeys("Kokeillaan perhejumppaa lauantaisin.");
        text.sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("f-wishState");
        List<WebElement> boxes = driver.findElements(By.cssSelector("input[name=wishIds]"));
        assertThat(boxes).isNotEmpty();
        boxes.get(0).sendKeys(Keys.SPACE);
        boxes.get(0).sendKeys(Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("decided"));
        assertThat(driver.findElement(By.id("decisions")).isDisplayed()).isTrue();
        assertThat(driver.getPageSource()).contains("Kokeillaan perhejumppaa lauantaisin.");
        Browser.assertAccessible(driver, "decision recorded");
        assertThat(jdbc.sql("select count(*) from planning_decision where planning_day_id = :d").param("d", coming)
                .query(Long.class).single()).isEqualTo(1);
    }
}
