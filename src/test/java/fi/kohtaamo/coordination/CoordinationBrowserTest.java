package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The groups' and meetings' pages in Chromium: axe-core finds nothing in any language and nothing overflows a 360 px
 * phone; and the meeting cycle walked with the keyboard: a secretary prepares a meeting's agenda, the meeting is held,
 * the minutes are recorded and approved, and the action item decided there is on the next meeting's agenda.
 */
@IntegrationTest
@Tag("browser")
class CoordinationBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    long countyGroup() {
        return jdbc.sql("select g.id from coord_group g join county c on c.id = g.county_id where c.code = 'LU' "
                + "and g.kind = 'COUNTY_GROUP'").query(Long.class).single();
    }

    long meeting(String where) {
        return jdbc.sql("select id from coord_meeting where group_id = :g and " + where
                + " order by starts_at fetch first 1 rows only").param("g", countyGroup()).query(Long.class).single();
    }

    @Test
    void everyCoordinationPageIsAccessibleInEveryLanguage() {
        login("koordinaattori@demo.kohtaamo.fi");
        long g = countyGroup();
        for (String path : List.of("/admin/groups", "/admin/groups/" + g, "/admin/meetings",
                "/admin/meetings/" + meeting("minutes_status = 'APPROVED' and kind = 'MEETING'"),
                "/admin/meetings/" + meeting("minutes_status = 'NONE' and kind = 'MEETING'"),
                "/admin/meetings/" + meeting("kind = 'TRAINING'"), "/admin/groups/actions",
                "/admin/groups/search?q=kalenteri", "/admin/groups/commitments", "/admin/groups/" + g + "/plan",
                "/admin/groups/training?year=2026", "/admin/groups/new", "/admin/groups/" + g + "/edit",
                "/admin/groups/" + g + "/meetings/new", "/groups/" + g + "/minutes")) {
            check(path);
        }
        // a network's coming meeting: the weak signals to take up and the places below the criteria rule
        long network = jdbc.sql("select m.id from coord_meeting m join coord_group g on g.id = m.group_id join county c "
                + "on c.id = g.county_id where c.code = 'LU' and g.kind = 'NETWORK' and m.minutes_status = 'NONE' "
                + "and m.status = 'PLANNED' order by m.starts_at desc fetch first 1 rows only").query(Long.class).single();
        check("/admin/meetings/" + network);
        assertThat(driver.findElements(By.cssSelector("#signals select, #criteria-below"))).as("the agenda's links")
                .isNotEmpty();
        String token = jdbc.sql("select token from coord_participant p join coord_meeting m on m.id = p.meeting_id "
                + "where m.group_id = :g and m.minutes_status = 'NONE' fetch first 1 rows only").param("g", g)
                .query(String.class).optional().orElse(null);
        if (token != null) {
            check("/meetings/answer/" + token);
        }
    }

    void press(WebElement e, CharSequence key) {
        e.sendKeys(key);
    }

    void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    void setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)),
                value);
    }

    void submit(By form) {
        press(driver.findElement(form).findElement(By.cssSelector("button[type=submit]")), Keys.ENTER);
    }

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        // a page that reloads under the check leaves stale elements: look again
        Browser.await(driver, condition::apply);
    }

    String newMeeting(long group, String date, String title) {
        driver.get(url("/admin/groups/" + group + "/meetings/new", "fi"));
        type("f-title", title);
        setValue("f-date", date);
        setValue("f-startTime", "13:00");
        setValue("f-endTime", "15:00");
        type("f-location", "Perhekeskus");
        submit(By.cssSelector("main form[method=post]"));
        waitFor(d -> d.getCurrentUrl().matches(".*/admin/meetings/[0-9]+.*"));
        return path(driver.getCurrentUrl()).replaceAll("[?#].*$", "");
    }

    @Test
    void aSecretaryPreparesTheAgendaTheMeetingIsHeldTheMinutesAreApprovedAndTheActionItemComesBack() {
        Instant start = clock.instant();
        try {
            login("mll@demo.kohtaamo.fi"); // the county group's secretary in the demo data
            long g = countyGroup();
            String meeting = newMeeting(g, "2026-11-27", "Selaintestin kokous");
            String next = newMeeting(g, "2026-11-30", "Selaintestin seuraava kokous"); // the group's next meeting

            // the secretary prepares the agenda with the keyboard
            driver.get(url(meeting, "fi"));
            By agendaForm = By.cssSelector("form[action$='/agenda']");
            driver.findElement(agendaForm).findElement(By.id("f-title")).sendKeys("Perhekalenterin kevät");
            driver.findElement(agendaForm).findElement(By.id("f-body")).sendKeys("Kevään kalenterin aikataulu.");
            submit(agendaForm);
            waitFor(d -> d.findElement(By.tagName("main")).getText().contains("Perhekalenterin kevät"));
            // an action item without an owner is refused with a message that says why
            By actionForm = By.cssSelector("form[action$='/actions']");
            driver.findElement(actionForm).findElement(By.id("f-what")).sendKeys("Kerätään kevään tiedot");
            submit(actionForm);
            waitFor(d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
            assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
                    .contains("Anna tehtävälle vastuuhenkilö tai vastuuorganisaatio.");
            Browser.assertAccessible(driver, meeting + " with errors");
            driver.findElement(actionForm).findElement(By.id("f-ownerName")).sendKeys("Maija");
            setValue("f-dueOn", "2026-12-18");
            submit(actionForm);
            waitFor(d -> d.findElements(By.cssSelector(".error-summary")).isEmpty()
                    && d.findElement(By.id("actions")).isDisplayed());
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kerätään kevään tiedot");

            // the meeting is held: its minutes are written on the agenda item and approved
            clock.set(Instant.parse("2026-11-27T14:00:00Z"));
            driver.get(url(meeting, "fi"));
            WebElement item = driver.findElements(By.cssSelector("ol.agenda > li")).stream()
                    .filter(li -> li.getText().contains("Perhekalenterin kevät")).findFirst().orElseThrow();
            item.findElement(By.tagName("summary")).click();
            WebElement minutes = item.findElement(By.cssSelector("textarea[name=minutes]"));
            minutes.sendKeys("Kalenteri kootaan tammikuussa.");
            press(item.findElement(By.cssSelector("details form[action*='/agenda/'] button[type=submit]")), Keys.ENTER);
            waitFor(d -> d.findElement(By.tagName("main")).getText().contains("Kalenteri kootaan tammikuussa."));
            press(driver.findElement(By.cssSelector("form[action$='/approve'] button")), Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains("approved"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Pöytäkirja hyväksytty");
            Browser.assertAccessible(driver, meeting + " approved");

            // the open action item is on the next meeting's agenda
            driver.get(url(next, "fi"));
            assertThat(driver.findElement(By.cssSelector("ol.agenda")).getText())
                    .contains("Tehtävän tilanne: Kerätään kevään tiedot");
            check(next);
        } finally {
            clock.set(start);
        }
    }
}
