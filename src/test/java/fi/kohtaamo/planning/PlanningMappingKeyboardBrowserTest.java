package fi.kohtaamo.planning;

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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Planning and mapping with the keyboard only, in Finnish, Swedish and English at 360 px, axe-core clean at each
 * step: the demo county's coordinator keeps an overlap on purpose (a reason typed, Enter) and answers questionnaires
 * of the open mapping round for places that have not answered (the name type chosen with the arrow keys, Enter on
 * the confirm button).
 */
@IntegrationTest
@Tag("browser")
class PlanningMappingKeyboardBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        Browser.await(driver, condition::apply);
    }

    void accessible(String what) {
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void aCoordinatorKeepsAnOverlapOnPurposeWithTheKeyboard() {
        long county = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        login("koordinaattori@demo.kohtaamo.fi");
        for (String lang : LANGS) {
            String page = "/admin/planning?county=" + county;
            driver.get(url(page, lang));
            accessible(page + " (" + lang + ")");
            long kept = count("select count(*) from planning_ignored_overlap");
            WebElement reason = driver.findElement(By.cssSelector("input[name=reason]"));
            reason.sendKeys("Eri perheille tarkoituksella (" + lang + ")");
            reason.sendKeys(Keys.ENTER);
            waitFor(d -> count("select count(*) from planning_ignored_overlap") == kept + 1);
            waitFor(d -> d.getCurrentUrl().contains("#kept"));
            assertThat(driver.getPageSource()).contains("Eri perheille tarkoituksella (" + lang + ")");
            accessible(page + " with a kept overlap (" + lang + ")");
        }
    }

    @Test
    void aCoordinatorAnswersAQuestionnaireWithTheKeyboard() {
        List<Long> answers = jdbc.sql("""
                select a.id from mapping_answer a join mapping_round r on r.id = a.round_id
                join county c on c.id = r.county_id
                where c.code = 'LU' and r.closed = false and a.answered = false order by a.id""")
                .query(Long.class).list();
        assertThat(answers).as("unanswered questionnaires of the open round").hasSizeGreaterThanOrEqualTo(3);
        login("koordinaattori@demo.kohtaamo.fi");
        for (int i = 0; i < LANGS.size(); i++) {
            String lang = LANGS.get(i);
            long id = answers.get(i);
            String page = "/admin/mapping/answers/" + id;
            driver.get(url(page, lang));
            accessible(page + " (" + lang + ")");
            WebElement nameType = driver.findElement(By.id("f-nameType"));
            nameType.sendKeys(Keys.HOME);
            for (int n = 0; n < 10 && new Select(nameType).getFirstSelectedOption().getAttribute("value").isEmpty(); n++) {
                nameType.sendKeys(Keys.ARROW_DOWN);
            }
            assertThat(new Select(nameType).getFirstSelectedOption().getAttribute("value")).isNotEmpty();
            List<WebElement> visits = driver.findElements(By.id("f-monthlyVisits"));
            if (!visits.isEmpty()) {
                visits.get(0).clear();
                visits.get(0).sendKeys("120");
            }
            driver.findElement(By.cssSelector("form[action$='/admin/mapping/answers/" + id + "'] .actions button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            waitFor(d -> Boolean.TRUE.equals(jdbc.sql("select answered from mapping_answer where id = :id").param("id", id)
                    .query(Boolean.class).single()));
            accessible(page + " answered (" + lang + ")");
        }
    }
}
