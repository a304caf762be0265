package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Production is the safe default: each unsafe setting is refused on its own, and demo data needs asking for. */
@Tag("nodb")
class StartupChecksTest {

    static final String PG = "jdbc:postgresql://db:5432/kohtaamo";
    static final String H2 = "jdbc:h2:file:./data/kohtaamo;MODE=PostgreSQL";
    static final String PUBLIC = "https://perhekalenteri.example.fi";

    @Test
    void productionIsTheDefaultAndAnUnknownModeIsRefused() {
        assertThat(new KohtaamoProperties(null, null, null).production()).isTrue();
        assertThat(new KohtaamoProperties(" ", null, null).production()).isTrue();
        assertThat(new KohtaamoProperties("Dev", null, null).production()).isFalse();
        for (String typo : new String[] {"prod", "prodution", "development", "test", "false"}) {
            assertThatThrownBy(() -> new KohtaamoProperties(typo, null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KOHTAAMO_MODE");
        }
    }

    @Test
    void productionWithEverythingSetStarts() {
        assertThat(StartupChecks.productionRefusals(new KohtaamoProperties("production", null, PUBLIC), PG, true)).isEmpty();
    }

    @Test
    void productionRefusesTheEmbeddedDatabase() {
        assertThat(StartupChecks.productionRefusals(new KohtaamoProperties("production", null, PUBLIC), H2, true))
                .singleElement().asString().contains("Production mode needs PostgreSQL");
    }

    @Test
    void productionRefusesCookiesWithoutSecure() {
        assertThat(StartupChecks.productionRefusals(new KohtaamoProperties("production", null, PUBLIC), PG, false))
                .singleElement().asString().contains("KOHTAAMO_SECURE_COOKIES=true");
    }

    @Test
    void productionRefusesToGuessItsPublicAddress() {
        assertThat(StartupChecks.productionRefusals(new KohtaamoProperties("production", null, null), PG, true))
                .singleElement().asString().contains("KOHTAAMO_PUBLIC_BASE_URL");
    }

    @Test
    void demoDataOnlyOnTheEmbeddedDatabaseInDevUnlessAskedForByName() {
        assertThat(new KohtaamoProperties("dev", null, null, H2).demoEnabled()).isTrue();
        assertThat(new KohtaamoProperties("dev", null, null, PG).demoEnabled()).isFalse();
        assertThat(new KohtaamoProperties("production", null, PUBLIC, PG).demoEnabled()).isFalse();
        assertThat(new KohtaamoProperties("dev", new KohtaamoProperties.Demo(true, null), null, PG).demoEnabled()).isTrue();
        assertThat(new KohtaamoProperties("production", new KohtaamoProperties.Demo(true, null), PUBLIC, PG).demoEnabled())
                .isTrue();
        assertThat(new KohtaamoProperties("dev", new KohtaamoProperties.Demo(false, null), null, H2).demoEnabled()).isFalse();
    }
}
