package fi.kohtaamo.browser;

import fi.kohtaamo.support.IntegrationTest;
import org.junit.jupiter.api.Tag;

/**
 * The staff pages of coordination (groups, meetings, signals, criteria), monitoring (counts, reports, service
 * types), participation, guidance (the directory, its search, handouts) and outreach in Chromium in fi, sv and en.
 */
@IntegrationTest
@Tag("browser")
class StaffCoordinationPagesInBrowserTest extends StaffPagesInBrowser {

    @Override
    Part part() {
        return Part.COORDINATION;
    }
}
