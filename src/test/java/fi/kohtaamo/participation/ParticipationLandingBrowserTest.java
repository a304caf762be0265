package fi.kohtaamo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participation landing page in a real Chromium on the demo data, for a county coordinator, a place's staff
 * member and a volunteer, in Finnish, Swedish and English: axe-core finds nothing and nothing overflows 360 px; the
 * page is reached from the staff navigation and a part from the page with the keyboard only.
 */
@IntegrationTest
@Tag("browser")
class ParticipationLandingBrowserTest {

    static final List<String> LANGS = List.of("fi", "sv", "en");

    @LocalServerPort int port;

    String url(String path, String lang) {
        return "http://localhost:" + port + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
    }

    WebDriver login(String email) {
        WebDriver d = Browser.start();
        d.get(url("/login", "fi"));
        d.findElement(By.id("email")).sendKeys(email);
        d.findElement(By.id("password")).sendKeys("demo-password-for-tests");
        d.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.await(d, x -> !x.getCurrentUrl().contains("/login"));
        return d;
    }

    void tabTo(WebDriver driver, WebElement target) {
        for (int i = 0; i < 80 && !driver.switchTo().activeElement().equals(target); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(driver.switchTo().activeElement()).isEqualTo(target);
    }

    @Test
    void theLandingPageIsAccessibleForEachRoleInEveryLanguage() {
        for (String email : List.of("koordinaattori@demo.kohtaamo.fi", "seurakunta@demo.kohtaamo.fi",
                "vapaaehtoinen@demo.kohtaamo.fi")) {
            WebDriver d = login(email);
            try {
                for (String lang : LANGS) {
                    String what = "/admin/participation " + email + " (" + lang + ")";
                    d.get(url("/admin/participation", lang));
                    assertThat(d.findElement(By.tagName("html")).getAttribute("lang")).as(what).isEqualTo(lang);
                    assertThat(d.findElements(By.cssSelector("h1"))).as(what).hasSize(1);
                    assertThat(d.findElements(By.cssSelector(".participation-parts a"))).as(what).isNotEmpty();
                    Browser.assertAccessible(d, what);
                    Browser.assertFitsWidth(d, 360, what);
                    d.get(url("/admin", lang));
                    assertThat(d.findElements(By.cssSelector(".staff-nav a[href$='/admin/participation']")))
                            .as(what).hasSize(1);
                    Browser.assertFitsWidth(d, 360, "/admin " + what);
                }
            } finally {
                d.quit();
            }
        }
    }

    @Test
    void aPartIsReachedFromTheNavigationWithTheKeyboardOnly() {
        WebDriver d = login("koordinaattori@demo.kohtaamo.fi");
        try {
            d.get(url("/admin", "en"));
            WebElement nav = d.findElement(By.cssSelector(".staff-nav a[href$='/admin/participation']"));
            tabTo(d, nav);
            nav.sendKeys(Keys.ENTER);
            Browser.await(d, x -> x.getCurrentUrl().endsWith("/admin/participation"));
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Participation");
            WebElement part = d.findElement(By.cssSelector(".participation-parts a[href$='/admin/participation/wishes']"));
            tabTo(d, part);
            part.sendKeys(Keys.ENTER);
            Browser.await(d, x -> x.getCurrentUrl().endsWith("/admin/participation/wishes"));
        } finally {
            d.quit();
        }
    }
}
