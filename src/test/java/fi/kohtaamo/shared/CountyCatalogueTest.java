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
 * its county, a new county is seeded once, the list keeps the coordinators' order (moved up, down or to a number), and
 * only an entry that the owner says nothing uses is deleted.
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

    private static Map<String, String> move(CountyCatalogue.Item item, String key, String value) {
        Map<String, String> f = new HashMap<>();
        f.put("version", String.valueOf(item.version()));
        f.put(key, value);
        return f;
    }

    /** A county whose catalogue starts empty (a new county is seeded through registry.CountyCreated). */
    private long emptyCounty() {
        long county = fx.county();
        jdbc.sql("delete from signal_theme where county_id = :c").param("c", county).update();
        return county;
    }

    private static java.util.List<String> codes(CountyCatalogue c, long county) {
        return c.list(county).stream().map(CountyCatalogue.Item::code).toList();
    }

    @Test
    void entriesKeepTheirOrderAndMoveUpDownAndToANumber() {
        CountyCatalogue c = catalogue();
        long county = emptyCounty();
        for (String code : java.util.List.of("c_first", "a_second", "b_third", "d_fourth")) {
            c.save(county, null, form(code, "Nimi " + code));
        }
        // a new entry goes to the end, whatever its name
        assertThat(codes(c, county)).containsExactly("c_first", "a_second", "b_third", "d_fourth");
        assertThat(c.list(county)).extracting(CountyCatalogue.Item::position).containsExactly(1, 2, 3, 4);

        CountyCatalogue.Item third = c.byCode(county, "b_third").orElseThrow();
        assertThat(c.move(county, third.id(), move(third, "direction", "up"))).isPresent();
        assertThat(codes(c, county)).containsExactly("c_first", "b_third", "a_second", "d_fourth");

        CountyCatalogue.Item first = c.byCode(county, "c_first").orElseThrow();
        assertThat(c.move(county, first.id(), move(first, "direction", "up"))).isEmpty();
        assertThat(c.move(county, first.id(), move(first, "position", "99"))).isPresent();
        assertThat(codes(c, county)).containsExactly("b_third", "a_second", "d_fourth", "c_first");
        CountyCatalogue.Item fourth = c.byCode(county, "d_fourth").orElseThrow();
        CountyCatalogue.Saved moved = c.move(county, fourth.id(), move(fourth, "position", "1")).orElseThrow();
        assertThat(moved.before().position()).isEqualTo(3);
        assertThat(moved.after().position()).isEqualTo(1);
        assertThat(codes(c, county)).containsExactly("d_fourth", "b_third", "a_second", "c_first");
        assertThat(c.list(county)).extracting(CountyCatalogue.Item::position).containsExactly(1, 2, 3, 4);

        // a stale row, a number that is none, another county's entry: nothing moves
        long other = fx.county();
        long before = rows();
        CountyCatalogue.Item second = c.byCode(county, "a_second").orElseThrow();
        Map<String, String> stale = move(second, "direction", "down");
        stale.put("version", String.valueOf(second.version() - 1));
        assertThatThrownBy(() -> c.move(county, second.id(), stale)).isInstanceOf(KohtaamoException.Conflict.class);
        assertThatThrownBy(() -> c.move(county, second.id(), move(second, "position", "0")))
                .isInstanceOf(KohtaamoException.Invalid.class);
        assertThatThrownBy(() -> c.move(county, second.id(), move(second, "position", "two")))
                .isInstanceOf(KohtaamoException.Invalid.class);
        assertThatThrownBy(() -> c.move(county, second.id(), move(second, "direction", "sideways")))
                .isInstanceOf(KohtaamoException.Invalid.class);
        assertThatThrownBy(() -> c.move(other, second.id(), move(second, "direction", "up")))
                .isInstanceOf(KohtaamoException.NotFound.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void onlyAnEntryNothingUsesIsDeletedAndOneInUseIsRefusedWithAMessage() {
        java.util.Set<String> used = new java.util.HashSet<>(java.util.Set.of("used"));
        CountyCatalogue c = catalogue().usedBy(item -> used.contains(item.code()));
        long county = emptyCounty();
        c.save(county, null, form("used", "Käytössä"));
        c.save(county, null, form("unused", "Ei käytössä"));
        c.save(county, null, form("last", "Viimeinen"));
        CountyCatalogue.Item inUse = c.byCode(county, "used").orElseThrow();
        CountyCatalogue.Item free = c.byCode(county, "unused").orElseThrow();
        long other = fx.county();

        long before = rows();
        assertThatThrownBy(() -> c.delete(county, inUse.id(), Map.of("version", String.valueOf(inUse.version()))))
                .isInstanceOfSatisfying(KohtaamoException.Invalid.class,
                        e -> assertThat(e.errors().all()).extracting(FieldErrors.FieldError::messageKey)
                                .containsExactly("catalogue.validation.inUse"));
        assertThatThrownBy(() -> c.delete(county, free.id(), Map.of("version", "99")))
                .isInstanceOf(KohtaamoException.Conflict.class);
        assertThatThrownBy(() -> c.delete(other, free.id(), Map.of("version", "0")))
                .isInstanceOf(KohtaamoException.NotFound.class);
        assertThat(rows()).isEqualTo(before);

        assertThat(c.delete(county, free.id(), Map.of("version", String.valueOf(free.version()))).code())
                .isEqualTo("unused");
        assertThat(codes(c, county)).containsExactly("used", "last");
        assertThat(c.list(county)).extracting(CountyCatalogue.Item::position).containsExactly(1, 2);

        // without the owner's check every entry counts as in use
        CountyCatalogue unchecked = catalogue();
        CountyCatalogue.Item last = c.byCode(county, "last").orElseThrow();
        assertThatThrownBy(() -> unchecked.delete(county, last.id(), Map.of("version", String.valueOf(last.version()))))
                .isInstanceOf(KohtaamoException.Invalid.class);
        // once nothing uses it, an entry may go
        used.clear();
        assertThat(c.delete(county, inUse.id(), Map.of("version", String.valueOf(inUse.version()))).id())
                .isEqualTo(inUse.id());
        assertThat(codes(c, county)).containsExactly("last");
    }

    @Test
    void fixedCodesAreGivenOnceAndTheOwnersFormOfCodesAndLimitHold() {
        CountyCatalogue c = catalogue().fixedCodes().codes(new CountyCatalogue.Codes(
                s -> s.strip().toUpperCase(java.util.Locale.ROOT), java.util.regex.Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$"),
                "catalogue.validation.code")).limit(2);
        long county = emptyCounty();
        CountyCatalogue.Saved added = c.save(county, null, form(" new_type ", "Uusi"));
        assertThat(added.after().code()).isEqualTo("NEW_TYPE");
        Map<String, String> change = form("OTHER", "Uusi nimi");
        change.put("version", String.valueOf(added.after().version()));
        assertThat(c.save(county, added.after().id(), change).after().code()).isEqualTo("NEW_TYPE");
        assertThat(c.editValues(county, String.valueOf(added.after().id()))).containsEntry("codeFixed", "true");
        assertThatThrownBy(() -> c.save(county, null, form("1_BAD", "Huono")))
                .isInstanceOf(KohtaamoException.Invalid.class);
        c.save(county, null, form("SECOND", "Toinen"));
        assertThatThrownBy(() -> c.save(county, null, form("THIRD", "Kolmas")))
                .isInstanceOfSatisfying(KohtaamoException.Invalid.class,
                        e -> assertThat(e.errors().all()).extracting(FieldErrors.FieldError::messageKey)
                                .containsExactly("catalogue.validation.tooMany"));
    }
}
