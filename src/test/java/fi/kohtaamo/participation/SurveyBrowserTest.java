package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.shared.RateLimits;
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
 * The visitor survey in Chromium at 360 px: a family answers the demo's autumn survey with the keyboard only in
 * Finnish, Swedish and English; the follow-up question opens after "no" and closes after "yes", and what was
 * written in it before it closed is not stored. axe-core finds nothing on the form (with the follow-up open), the
 * thank-you page, the results and the builder's pages.
 */
@IntegrationTest
@Tag("browser")
class SurveyBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;
    @Autowired RateLimits limits;

    long autumn() {
        return jdbc.sql("""
                select s.id from survey s join county c on c.id = s.county_id
                where c.code = 'LU' and s.previous_id is not null and s.template_key = 'visitor'
                order by s.id fetch first 1 rows only""").query(Long.class).single();
    }

    long place(long survey) {
        return jdbc.sql("select min(place_id) from survey_place where survey_id = :s").param("s", survey)
                .query(Long.class).single();
    }

    long question(long survey, String code) {
        return jdbc.sql("select id from survey_question where survey_id = :s and code = :c").param("s", survey)
                .param("c", code).query(Long.class).single();
    }

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        Browser.await(driver, condition::apply);
    }

    WebElement choice(long question, String value) {
        return driver.findElement(By.cssSelector("input[name=q" + question + "][value='" + value + "']"));
    }

    @Test
    void aFamilyAnswersWithTheKeyboardInEveryLanguageAndAClosedFollowUpIsNotStored() {
        limits.clear();
        driver.manage().deleteAllCookies();
        long survey = autumn();
        long place = place(survey);
        long metPeople = question(survey, "met_people");
        long meetHelp = question(survey, "meet_help");
        String[][] cases = {{"fi", "no", "Nimilaput auttaisivat"}, {"sv", "yes", "Namnlappar"},
                {"en", "no", "A round of names"}};
        for (String[] c : cases) {
            String lang = c[0];
            long before = jdbc.sql("select count(*) from survey_answer where question_id = :q").param("q", meetHelp)
                    .query(Long.class).single();
            driver.get(url("/surveys/" + survey + "?place=" + place, lang));
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            WebElement wrapper = driver.findElement(By.id("w-q" + meetHelp));
            assertThat(wrapper.isDisplayed()).isFalse();
            // the faces: the keyboard chooses "5" (space on the focused radio)
            choice(question(survey, "welcome"), "5").sendKeys(Keys.SPACE);
            choice(metPeople, "no").sendKeys(Keys.SPACE);
            waitFor(d -> d.findElement(By.id("w-q" + meetHelp)).isDisplayed());
            Browser.assertAccessible(driver, "survey form with the follow-up open (" + lang + ")");
            Browser.assertFitsWidth(driver, 360, "survey form (" + lang + ")");
            driver.findElement(By.id("f-q" + meetHelp)).sendKeys(c[2]);
            if (c[1].equals("yes")) {
                // the family changes its mind: the follow-up closes, its text goes nowhere
                choice(metPeople, "yes").sendKeys(Keys.SPACE);
                waitFor(d -> !d.findElement(By.id("w-q" + meetHelp)).isDisplayed());
            }
            choice(question(survey, "heard_from"), "neuvola").sendKeys(Keys.SPACE);
            WebElement send = driver.findElement(By.cssSelector("button[value=send]"));
            send.sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains("/thanks"));
            Browser.assertAccessible(driver, "thank-you page (" + lang + ")");
            long after = jdbc.sql("select count(*) from survey_answer where question_id = :q").param("q", meetHelp)
                    .query(Long.class).single();
            List<String> texts = jdbc.sql("select text_value from survey_answer where question_id = :q")
                    .param("q", meetHelp).query(String.class).list();
            if (c[1].equals("yes")) {
                assertThat(after).as(lang).isEqualTo(before);
                assertThat(texts).doesNotContain(c[2]);
            } else {
                assertThat(after).as(lang).isEqualTo(before + 1);
                assertThat(texts).contains(c[2]);
            }
        }
    }

    @Test
    void theResultsAndTheBuilderAreAccessibleInEveryLanguage() {
        login("koordinaattori@demo.kohtaamo.fi");
        long survey = autumn();
        long question = question(survey, "met_people");
        for (String path : List.of("/admin/participation/surveys", "/admin/participation/surveys/" + survey,
                "/admin/participation/surveys/" + survey + "/results",
                "/admin/participation/surveys/" + survey + "/results?place=" + place(survey),
                "/admin/participation/surveys/" + survey + "/edit",
                "/admin/participation/surveys/" + survey + "/questions/" + question,
                "/admin/participation/surveys/new?template=visitor", "/places/" + place(survey))) {
            check(path);
        }
        driver.get(url("/admin/participation/surveys/" + survey + "/results", "fi"));
        assertThat(driver.findElements(By.cssSelector("svg[role=img]"))).isNotEmpty();
    }
}
