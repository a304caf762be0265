package fi.kohtaamo.browser;

import fi.kohtaamo.support.IntegrationTest;
import org.junit.jupiter.api.Tag;

/**
 * Every staff page the other staff page tests do not claim (planning's overlaps, gaps, heat map, coverage and sketch,
 * users, audit, mail, one's account, and any new menu item) in Chromium in fi, sv and en.
 */
@IntegrationTest
@Tag("browser")
class StaffOtherPagesInBrowserTest extends StaffPagesInBrowser {

    @Override
    Part part() {
        return Part.REST;
    }
}
