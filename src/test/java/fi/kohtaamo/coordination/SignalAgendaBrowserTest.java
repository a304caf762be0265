package fi.kohtaamo.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.coordination.internal.signals.SignalQueries;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
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
 * A county coordinator, with the keyboard only, takes a weak signal onto the demo's first network's coming meeting,
 * writes the item's minutes and records what was done (forwarded to the county group), in Finnish, Swedish and English
 * at 360 px; axe-core finds nothing at each step.
 */
@IntegrationTest
@Tag("browser")
class SignalAgendaBrowserTest extends BrowserPageTest {

    @Autowired JdbcClient jdbc;
    @Autowired SignalQueries signals;

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        // a page that reloads under the check leaves stale elements: look again
        Browser.await(driver, condition::apply);
    }

    void accessible(String what) {
        Browser.assertAccessible(driver, what);
        Browser.assertFitsWidth(driver, 360, what);
    }

    /** Moves a focused select's choice with the arrow keys until it shows the value. */
    void choose(WebElement select, String value) {
        select.sendKeys(Keys.HOME);
        for (int i = 0; i < 60 && !value.equals(new Select(select).getFirstSelectedOption().getAttribute("value")); i++) {
            select.sendKeys(Keys.ARROW_DOWN);
        }
        assertThat(new Select(select).getFirstSelectedOption().getAttribute("value")).isEqualTo(value);
    }

    @Test
    void aCoordinatorTakesASignalOntoTheNetworksAgendaAndRecordsItsHandlingWithTheKeyboard() {
        long county = jdbc.sql("select id from county where code = 'LU'").query(Long.class).single();
        long area = jdbc.sql("select id from area where county_id = :c order by name_fi fetch first 1 rows only")
                .param("c", county).query(Long.class).single();
        long network = jdbc.sql("select id from coord_group where kind = 'NETWORK' and scope_area_id = :a")
                .param("a", area).query(Long.class).single();
        long meeting = jdbc.sql("select id from coord_meeting where group_id = :g and status = 'PLANNED' "
                + "and minutes_status = 'NONE' and starts_at > :now order by starts_at fetch first 1 rows only")
                .param("g", network).param("now", java.time.OffsetDateTime.parse("2026-11-25T08:00:00Z"))
                .query(Long.class).single();
        long coordinator = jdbc.sql("select id from app_user where email = 'koordinaattori@demo.kohtaamo.fi'")
                .query(Long.class).single();
        long theme = jdbc.sql("select id from signal_theme where county_id = :c and code = 'service_gap'")
                .param("c", county).query(Long.class).single();
        login("koordinaattori@demo.kohtaamo.fi");
        int n = 0;
        for (String lang : LANGS) {
            String body = "Selaintesti " + lang + ": perheet kysyvät iltaryhmää isille.";
            long signal = signals.insertSignal(county, body, LocalDate.of(2026, 11, 20).minusDays(n++), coordinator,
                    "Kaisa Koordinaattori (demo)", null, List.of(theme), List.of(area), Instant.now());
            String page = "/admin/meetings/" + meeting;
            driver.get(url(page, lang));
            accessible(page + " (" + lang + ")");

            // the signal chosen with the arrow keys and taken onto the agenda with Enter
            WebElement select = driver.findElement(By.id("f-signalId"));
            choose(select, String.valueOf(signal));
            driver.findElement(By.cssSelector("#signals button[type=submit]")).sendKeys(Keys.ENTER);
            waitFor(d -> d.getCurrentUrl().contains("#item-"));
            String itemId = driver.getCurrentUrl().replaceAll(".*#item-", "");
            assertThat(signals.signal(signal).orElseThrow().state()).isEqualTo(SignalQueries.State.ON_AGENDA);
            WebElement item = driver.findElement(By.id("item-" + itemId));
            assertThat(item.getText()).contains(body);
            accessible(page + " with the signal (" + lang + ")");

            // the item's minutes: the details opened with Enter, written, saved with Enter
            item.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
            WebElement minutes = item.findElement(By.cssSelector("textarea[name=minutes]"));
            waitFor(d -> minutes.isDisplayed());
            minutes.sendKeys("Ilmiö tunnistettiin kaikissa paikoissa; viedään koordinaatioryhmään.");
            item.findElement(By.cssSelector("details form[action$='/agenda/" + itemId + "'] button[type=submit]"))
                    .sendKeys(Keys.ENTER);
            waitFor(d -> d.findElement(By.id("item-" + itemId)).getText().contains("Ilmiö tunnistettiin"));

            // the outcome: forwarded to the county group, with a note, recorded with Enter
            item = driver.findElement(By.id("item-" + itemId));
            choose(item.findElement(By.id("f-state-" + itemId)), "FORWARDED_COUNTY");
            item.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Koordinaatioryhmän joulukuun kokoukseen.");
            item.findElement(By.cssSelector("form[action$='/signal'] button[type=submit]")).sendKeys(Keys.ENTER);
            waitFor(d -> signals.signal(signal).orElseThrow().state() == SignalQueries.State.FORWARDED_COUNTY);
            driver.get(url(page, lang));
            assertThat(driver.findElement(By.id("item-" + itemId)).findElement(By.cssSelector(".linked-signal .badge"))
                    .getText()).isNotBlank();
            accessible(page + " with the outcome (" + lang + ")");
            assertThat(signals.handlings(signal)).extracting(SignalQueries.Handling::state)
                    .containsExactly(SignalQueries.State.ON_AGENDA, SignalQueries.State.FORWARDED_COUNTY);
        }
    }
}
