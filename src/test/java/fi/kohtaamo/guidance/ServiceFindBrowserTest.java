package fi.kohtaamo.guidance;

import static fi.kohtaamo.guidance.ServiceFixtures.regular;
import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.QrCodes;
import fi.kohtaamo.support.WebClient;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "done when": staff at 360 px, signed in, go from their menu to the directory, find a service by need
 * in fi, sv and en (choosing the need by the name the page shows in that language), open its page and its card
 * (the card form's choices as the page renders them; the PDF read back with its QR code). The pages are
 * axe-core clean at 360 px in every language.
 */
@IntegrationTest
@Tag("browser")
class ServiceFindBrowserTest extends BrowserPageTest {

    @Autowired Fixtures fx;
    @Autowired ServiceFixtures services;

    long service;
    String municipality;
    static final Map<String, String> NEED = Map.of("fi", "Puhe ja kieli", "sv", "Tal och språk", "en", "Speech and language");
    static final Map<String, String> NAME = Map.of("fi", "Puheterapia Selain", "sv", "Talterapi Selain", "en", "Speech therapy Selain");
    static final Map<String, String> MENU = Map.of("fi", "Etsi palvelu", "sv", "Sök tjänst", "en", "Find a service");
    static final Map<String, String> PHONE = Map.of("fi", "Puhelin: 09 555 1234", "sv", "Telefon: 09 555 1234", "en", "Phone: 09 555 1234");

    @BeforeAll
    void world() {
        long county = fx.county();
        municipality = fx.municipality(county);
        long org = fx.organisation(OrganisationType.MUNICIPALITY, null, county);
        services.needs(county);
        service = services.service(county, org, NAME.get("fi")).names(NAME.get("sv"), NAME.get("en"))
                .set("service_type", "SPEECH_THERAPY").needs("speech").languages("fi", "sv", "en")
                .municipalities(municipality).ages(12, 96)
                .phone("09 555 1234", regular(1, "09:00", "12:00"), regular(4, "09:00", "12:00"))
                .location("Puhetie 3", municipality, "Esteetön", regular(3, "13:00", "15:00"))
                .text("uk", "Логопедія", "Допомога з мовленням", null)
                .insert();
    }

    @Test
    void pagesAreAccessibleInEveryLanguage() {
        driver.manage().deleteAllCookies();
        check("/services");
        check("/services?need=speech&municipality=" + municipality);
        check("/services?q=zzzzqqq");
        check("/services/" + service);
    }

    @Test
    void staffFindAServiceByNeedAndOpenItsCardAt360px() throws Exception {
        login("neuvola@demo.kohtaamo.fi");
        driver.manage().window().setSize(new Dimension(360, 800));
        try {
            for (String lang : LANGS) {
                driver.get(url("/admin", lang));
                // the staff menu leads to the directory
                WebElement menu = driver.findElements(By.cssSelector(".staff-nav a")).stream()
                        .filter(a -> a.getText().strip().equals(MENU.get(lang))).findFirst().orElseThrow();
                menu.click();
                Browser.await(driver, d -> d.getCurrentUrl().contains("/services"));
                // the need chosen by the name this language shows, the municipality by the code of the test's
                new Select(driver.findElement(By.id("s-need"))).selectByVisibleText(NEED.get(lang));
                new Select(driver.findElement(By.id("s-municipality"))).selectByValue(municipality);
                driver.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
                // a click returns when the browser has taken it, not when the next page is there
                Browser.await(driver, d -> d.getCurrentUrl().contains("need=speech"));
                Browser.assertAccessible(driver, "results " + lang);
                Browser.assertFitsWidth(driver, 360, "results " + lang);
                WebElement result = driver.findElement(By.cssSelector("ol.card-list > li"));
                // how to get there first, in the page's language
                assertThat(result.getText()).contains(NAME.get(lang), PHONE.get(lang).replace(":", ""));
                result.findElement(By.cssSelector("h3 a")).click();
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(NAME.get(lang));
                Browser.assertAccessible(driver, "service " + lang);
                // the card as the page's form asks for it: A5, the page's language, the family's Ukrainian
                driver.findElement(By.cssSelector("input[name=size][value=A5]")).click();
                new Select(driver.findElement(By.id("c-family"))).selectByValue("uk");
                WebElement form = driver.findElement(By.cssSelector("form[action*='card.pdf']"));
                String action = form.getAttribute("action");
                String language = new Select(driver.findElement(By.id("c-language"))).getFirstSelectedOption()
                        .getAttribute("value");
                assertThat(language).isEqualTo(lang);
                byte[] pdf = new WebClient(port).getBytes(path(action) + "?size=A5&language=" + language + "&family=uk");
                try (PDDocument doc = Loader.loadPDF(pdf)) {
                    String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                    assertThat(text).contains(NAME.get(lang), "Логопедія", PHONE.get(lang), "Puhetie 3");
                    assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo(lang);
                    assertThat(QrCodes.read(doc, 0)).singleElement().asString()
                            .endsWith("/services/" + service + "?lang=" + lang);
                }
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
