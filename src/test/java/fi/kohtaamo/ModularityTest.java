package fi.kohtaamo;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The modules only use each other's public API (root package) and have no cycles. */
@Tag("nodb")
class ModularityTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(KohtaamoApplication.class).verify();
    }
}
