package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one editor of a county's catalogues (signal and observation themes, outreach professions and topics, service
 * types, needs): bad input and another county's entry change nothing, a stale form is refused, a code stays unique in
 * its county, and a new county is seeded once.
 */
@IntegrationTest
class CountyCatalogueTest {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Fixtures fx;

    private CountyCatalogue catalogue() {
        return new CountyCatalogue(jdbc, clock, "signal_theme", "/fi/kohtaamo/coordination/signal-themes.txt");
    }

    private static Map<String, String> form(String code, String fi) {
        Map<String, String> f = new HashMap<>();
        f.put("code", code);
        f.put("nameFi", fi);
        f.put("nameSv", "sv");
        f.put("active", "true");
        return f;
    }

    private long rows() {
        return jdbc.sql("select count(*) + coalesce(sum(version), 0) from signal_theme").query(Long.class).single();
    }

    @Test
    void aNewCountyIsSeededOnceAndEntriesAreAddedAndChanged() {
        CountyCatalogue c = catalogue();
        long county = fx.county();
        c.seedIfEmpty(county);
        int seeded = c.list(county).size();
        assertThat(seeded).isEqualTo(SeededCatalogue.read("/fi/kohtaamo/coordination/signal-themes.txt").size());
        c.seedIfEmpty(county);
        assertThat(c.list(county)).hasSize(seeded);

        CountyCatalogue.Saved added = c.save(county, null, form("New_Code_1", "Uusi"));
        assertThat(added.created()).isTrue();
        assertThat(added.after().code()).isEqualTo("New_Code_1");
        Map<String, String> change = form("new_code_1b", "Uusi nimi");
        change.put("version", String.valueOf(added.after().version()));
        change.remove("active");
        CountyCatalogue.Saved changed = c.save(county, added.after().id(), change);
        assertThat(changed.before().name().fi()).isEqualTo("Uusi");
        assertThat(changed.after().name().fi()).isEqualTo("Uusi nimi");
        assertThat(changed.after().active()).isFalse();
        assertThat(c.active(county)).hasSize(seeded);
        assertThat(c.byCode(county, "new_code_1b")).isPresent();
        assertThat(c.editValues(county, String.valueOf(added.after().id()))).containsEntry("nameFi", "Uusi nimi");
    }

    @Test
    void badInputAStaleFormAndAnotherCountysEntryChangeNothing() {
        CountyCatalogue c = catalogue();
        long county = fx.county();
        long other = fx.county();
        long theirs = c.save(other, null, form("theirs", "Toisen")).after().id();
        long mine = c.save(county, null, form("mine", "Oma")).after().id();
        long before = rows();

        assertThatThrownBy(() -> c.save(county, null, form("a b'; drop table x", "Nimi")))
                .isInstanceOfSatisfying(KohtaamoException.Invalid.class,
                        e -> assertThat(e.errors().all()).extracting(FieldErrors.FieldError::messageKey)
                                .containsExactly("catalogue.validation.code"));
        assertThatThrownBy(() -> c.save(county, null, form("mine", "Toinen")))
                .isInstanceOfSatisfying(KohtaamoException.Invalid.class,
                        e -> assertThat(e.errors().all()).extracting(FieldErrors.FieldError::messageKey)
                                .containsExactly("catalogue.validation.codeTaken"));
        assertThatThrownBy(() -> c.save(county, null, form("ok_code", " ")))
                .isInstanceOf(KohtaamoException.Invalid.class);
        assertThatThrownBy(() -> c.save(county, null, form("ok_code", "x".repeat(201))))
                .isInstanceOf(KohtaamoException.Invalid.class);
        Map<String, String> stale = form("mine", "Vanha");
        stale.put("version", "7");
        assertThatThrownBy(() -> c.save(county, mine, stale)).isInstanceOf(KohtaamoException.Conflict.class);
        Map<String, String> hijack = form("hijacked", "Kaapattu");
        hijack.put("version", "0");
        assertThatThrownBy(() -> c.save(county, theirs, hijack)).isInstanceOf(KohtaamoException.NotFound.class);
        assertThatThrownBy(() -> c.editValues(county, String.valueOf(theirs)))
                .isInstanceOf(KohtaamoException.NotFound.class);
        assertThatThrownBy(() -> c.editValues(county, "1 or 1=1")).isInstanceOf(KohtaamoException.NotFound.class);

        assertThat(rows()).isEqualTo(before);
        // The same code may be used in another county.
        assertThat(c.save(county, null, form("theirs", "Sama tunnus")).created()).isTrue();
    }
}
