package fi.kohtaamo.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The booking flow in Chromium with the keyboard: the demo partner acknowledges the orientation,
 * finds a slot and books it; the county coordinator confirms it, and the visit shows in the public
 * calendar. axe-core checks every page on the way in Finnish, Swedish and English at 360 px.
 */
@IntegrationTest
@Tag("browser")
class OutreachBrowserTest extends BrowserPageTest {

    /** Activates a control with the keyboard: focus it, then Enter (a button) or Space (a checkbox). */
    void press(WebElement e, CharSequence key) {
        e.sendKeys(key);
    }

    @Test
    void aPartnerBooksWithTheKeyboardAndTheCoordinatorConfirms() {
        login("neuvola@demo.kohtaamo.fi");
        check("/admin/outreach");
        check("/admin/outreach/orientation");
        driver.get(url("/admin/outreach/orientation", "fi"));
        List<WebElement> acknowledge = driver.findElements(By.cssSelector("main form button[type=submit]"));
        if (!acknowledge.isEmpty()) {
            press(acknowledge.get(0), Keys.ENTER);
            Browser.await(driver, d -> d.getCurrentUrl().contains("acknowledged"));
        }
        assertThat(driver.findElements(By.cssSelector("main form button[type=submit]"))).isEmpty();

        check("/admin/outreach/slots");
        check("/admin/outreach/slots?format=TALK&weekday=MONDAY");
        driver.get(url("/admin/outreach/slots?format=TALK", "fi"));
        List<WebElement> slots = driver.findElements(By.cssSelector("main .card-list h3 a"));
        assertThat(slots).as("open demo slots").isNotEmpty();
        String slot = path(slots.get(0).getAttribute("href"));
        check(slot);

        driver.get(url(slot, "fi"));
        assertThat(driver.findElements(By.cssSelector("main form button[type=submit]"))).as(driver.findElement(By.tagName("main")).getText()).isNotEmpty();
        // a talk needs a topic: sending without one explains what is missing, in the error summary
        press(driver.findElement(By.cssSelector("main form button[type=submit]")), Keys.ENTER);
        Browser.await(driver, d -> !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("Ammattiryhmä").contains("Aihe");
        Browser.assertAccessible(driver, slot + " with errors");

        new Select(driver.findElement(By.id("f-professionId"))).selectByIndex(1);
        new Select(driver.findElement(By.id("f-topicId"))).selectByIndex(2);
        driver.findElement(By.id("f-message")).sendKeys("Tuon esitteitä mukanani.");
        press(driver.findElement(By.cssSelector("main form button[type=submit]")), Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("/visits/")
                || !d.findElements(By.name("acceptWarnings")).isEmpty() || !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".error-summary"))).as(driver.findElement(By.tagName("main")).getText())
                .isEmpty();
        if (!driver.getCurrentUrl().contains("/visits/")) {
            Browser.assertAccessible(driver, slot + " with warnings");
            press(driver.findElement(By.name("acceptWarnings")), Keys.SPACE);
            press(driver.findElement(By.cssSelector("main form button[type=submit]")), Keys.ENTER);
            Browser.await(driver, d -> d.getCurrentUrl().contains("/visits/"));
        }
        String visit = path(driver.getCurrentUrl()).replaceAll("\\?.*$", "");
        check(visit);
        driver.get(url(visit, "fi"));
        String status = driver.findElement(By.cssSelector("dl.facts dd")).getText();
        assertThat(status).isIn("Odottaa vahvistusta", "Vahvistettu");
        check("/admin/mail");

        // a proposal to an area, sent with the keyboard
        check("/admin/outreach/proposals");
        driver.get(url("/admin/outreach/proposals", "fi"));
        new Select(driver.findElement(By.id("f-professionId"))).selectByIndex(1);
        new Select(driver.findElement(By.id("f-topicId"))).selectByIndex(1);
        // a native date field's typing order follows the browser's locale: set the ISO value instead
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("f-fromDate")), "2026-12-01");
        js.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("f-toDate")), "2026-12-31");
        press(driver.findElement(By.cssSelector("main form button[type=submit]")), Keys.ENTER);
        Browser.await(driver, d -> d.getCurrentUrl().contains("saved")
                || !d.findElements(By.cssSelector(".error-summary")).isEmpty());
        assertThat(driver.getCurrentUrl()).as(driver.findElement(By.tagName("main")).getText()).contains("saved");
        String proposal = path(driver.getCurrentUrl()).replaceAll("\\?.*$", "");
        check(proposal);

        login("koordinaattori@demo.kohtaamo.fi");
        check(proposal);
        check("/admin/outreach");
        driver.get(url(visit, "fi"));
        if (status.equals("Odottaa vahvistusta")) {
            WebElement confirm = driver.findElement(By.cssSelector("form[action$='/confirm'] button[type=submit]"));
            List<WebElement> accept = driver.findElements(By.cssSelector("form[action$='/confirm'] input[name=acceptWarnings]"));
            if (!accept.isEmpty()) {
                press(accept.get(0), Keys.SPACE);
            }
            press(confirm, Keys.ENTER);
            Browser.await(driver, d -> d.getCurrentUrl().contains("confirmed")
                    || !d.findElements(By.name("acceptWarnings")).isEmpty());
            if (!driver.getCurrentUrl().contains("confirmed")) {
                press(driver.findElement(By.cssSelector("form[action$='/confirm'] input[name=acceptWarnings]")), Keys.SPACE);
                press(driver.findElement(By.cssSelector("form[action$='/confirm'] button[type=submit]")), Keys.ENTER);
                Browser.await(driver, d -> d.getCurrentUrl().contains("confirmed"));
            }
        }
        assertThat(driver.findElement(By.cssSelector("dl.facts dd")).getText()).isEqualTo("Vahvistettu");

        // the place's outreach page with an activity chosen (occurrence checkboxes), the catalogue, the orientation editor
        driver.get(url("/admin/outreach", "fi"));
        String placePage = path(driver.findElements(By.cssSelector("main .card-list a")).get(0).getAttribute("href"));
        driver.get(url(placePage, "fi"));
        List<WebElement> activity = driver.findElements(By.id("f-activity"));
        if (!activity.isEmpty()) {
            press(driver.findElement(By.cssSelector("main form[method=get] button[type=submit]")), Keys.ENTER);
            Browser.await(driver, d -> d.getCurrentUrl().contains("activity="));
            placePage = path(driver.getCurrentUrl()).replaceAll("&?lang=fi", "");
        }
        check(placePage);
        check("/admin/outreach/catalogue");
        check("/admin/outreach/orientation/edit");
        check("/admin/outreach/coordination");
    }
}
