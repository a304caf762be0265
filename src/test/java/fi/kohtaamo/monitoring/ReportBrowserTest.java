package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.Browser;
import fi.kohtaamo.support.BrowserPageTest;
import fi.kohtaamo.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The report page's tables in Chromium at 360 px and 1280 px in every language: no number wraps onto a second
 * line and no word is broken, a wide table scrolls inside its own focusable, labelled region, and axe-core finds
 * nothing.
 */
@IntegrationTest
@Tag("browser")
class ReportBrowserTest extends BrowserPageTest {

    /** The text of every numeric cell whose text takes more than one line, and of every word broken across lines. */
    static final String BROKEN = """
            const out = [];
            for (const cell of document.querySelectorAll('main table td, main table th')) {
              const range = document.createRange();
              range.selectNodeContents(cell);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
              if (cell.classList.contains('num') && tops.size > 1) {
                out.push('number: ' + cell.textContent);
              }
              // a word broken in the middle: one word's own range on more than one line (a line may end after a
              // hyphen or a dash, as in "isä–lapsi-kerho" or "1.3.2025–31.12.2025": those are the word's own breaks)
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const re = /[^\\s\\-\u2013]+/g;
                let m;
                while ((m = re.exec(node.data)) !== null) {
                  const word = document.createRange();
                  word.setStart(node, m.index);
                  word.setEnd(node, m.index + m[0].length);
                  const lines = new Set([...word.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
                  if (lines.size > 1) {
                    out.push('word: ' + m[0]);
                  }
                }
              }
            }
            return out;""";

    @Test
    void reportTablesNeverBreakANumberOrAWordAndScrollInAFocusableRegion() {
        login("koordinaattori@demo.kohtaamo.fi");
        String path = "/admin/reports?from=2026-01-01&to=2026-10-31&breakdown=PLACE";
        Dimension old = driver.manage().window().getSize();
        try {
            for (int width : List.of(360, 1280)) {
                driver.manage().window().setSize(new Dimension(width, 900));
                for (String lang : LANGS) {
                    driver.get(url(path, lang));
                    String what = path + " (" + lang + ", " + width + " px)";
                    List<WebElement> tables = driver.findElements(By.cssSelector("main table"));
                    assertThat(tables).as(what).hasSizeGreaterThanOrEqualTo(5);
                    for (WebElement table : tables) {
                        WebElement region = table.findElement(By.xpath(".."));
                        assertThat(region.getAttribute("class")).as(what).isEqualTo("table-scroll");
                        assertThat(region.getAttribute("role")).as(what).isEqualTo("region");
                        assertThat(region.getAttribute("tabindex")).as(what).isEqualTo("0");
                        String label = region.getAttribute("aria-labelledby");
                        assertThat(table.findElement(By.tagName("caption")).getAttribute("id")).as(what).isEqualTo(label);
                    }
                    @SuppressWarnings("unchecked")
                    List<String> broken = (List<String>) ((JavascriptExecutor) driver).executeScript(BROKEN);
                    assertThat(broken).as(what).isEmpty();
                    Object overflow = ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                    assertThat(((Number) overflow).intValue()).as("page overflow on " + what).isLessThanOrEqualTo(0);
                    Browser.assertAccessible(driver, what);
                }
            }
        } finally {
            driver.manage().window().setSize(old);
        }
    }

    /** Every text of the charts that lies outside its SVG's viewBox, and every pair of texts that overlap. */
    static final String CHART_TEXTS = """
            const out = [];
            for (const svg of document.querySelectorAll('figure.chart svg')) {
              const vb = svg.viewBox.baseVal;
              const boxes = [...svg.querySelectorAll('text')].map(t => ({ t: t.textContent, b: t.getBBox() }));
              for (const { t, b } of boxes) {
                if (b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width || b.y + b.height > vb.y + vb.height) {
                  out.push('outside: ' + t + ' ' + [b.x, b.y, b.width, b.height].map(Math.round).join(','));
                }
              }
              for (let i = 0; i < boxes.length; i++) {
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].b, c = boxes[j].b;
                  const w = Math.min(a.x + a.width, c.x + c.width) - Math.max(a.x, c.x);
                  const h = Math.min(a.y + a.height, c.y + c.height) - Math.max(a.y, c.y);
                  if (w > 0.5 && h > 0.5) {
                    out.push('overlap: ' + boxes[i].t + ' / ' + boxes[j].t);
                  }
                }
              }
            }
            return out;""";

    @Test
    void chartLabelsFitTheirChartAndNeverOverlap() {
        login("koordinaattori@demo.kohtaamo.fi");
        Dimension old = driver.manage().window().getSize();
        try {
            for (int width : List.of(360, 1280)) {
                driver.manage().window().setSize(new Dimension(width, 900));
                for (String lang : LANGS) {
                    // a year of months (the tallest bar is the largest value) and a period of one month
                    for (String path : List.of("/admin/reports?from=2025-11-01&to=2026-10-31",
                            "/admin/reports?from=2026-10-01&to=2026-10-31")) {
                        driver.get(url(path, lang));
                        String what = path + " (" + lang + ", " + width + " px)";
                        assertThat(driver.findElements(By.cssSelector("figure.chart svg"))).as(what).hasSize(2);
                        @SuppressWarnings("unchecked")
                        List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript(CHART_TEXTS);
                        assertThat(problems).as(what).isEmpty();
                    }
                }
            }
        } finally {
            driver.manage().window().setSize(old);
        }
    }
}
