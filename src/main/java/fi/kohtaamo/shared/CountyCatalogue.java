package fi.kohtaamo.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The one way to keep a county's catalogue that its coordinators edit (weak-signal themes, observation themes,
 * service types, families' needs): a table with the columns {@code id, county_id, code, name_fi, name_sv, name_en,
 * active, version, updated_at} and {@code unique (county_id, code)}, seeded from a {@link SeededCatalogue} file when
 * a county is created. Entries are never deleted (figures and records keep their codes); an entry taken out of use is
 * {@code active = false}: not offered for new records, still named in old ones.
 *
 * <p>The owning module checks access and records the audit entry around {@link #save}; the page uses the
 * {@code catalogue :: editor} fragment. The table's name is the caller's constant, never input.
 */
public final class CountyCatalogue {

    private static final Pattern TABLE = Pattern.compile("^[a-z_]{1,40}$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_]{2,40}$");

    /** One entry of a county's catalogue. */
    public record Item(long id, long countyId, String code, LocalizedText name, boolean active, int version) {

        /** The entry as the editor form's values. */
        public Map<String, String> formValues() {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("id", String.valueOf(id));
            v.put("version", String.valueOf(version));
            v.put("code", code);
            v.put("nameFi", name.fi());
            v.put("nameSv", name.sv());
            v.put("nameEn", name.en());
            v.put("active", String.valueOf(active));
            return v;
        }
    }

    /** What a save did, for the caller's audit entry: {@code before} is null for a new entry. */
    public record Saved(Item before, Item after) {
        public boolean created() {
            return before == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;
    private final String seedResource;

    /**
     * @param table        the catalogue's table (a constant of the owning module)
     * @param seedResource the classpath file a new county's catalogue is seeded from ({@link #seedIfEmpty}), or null
     *                     when the owner seeds with {@link #add}
     */
    public CountyCatalogue(JdbcClient jdbc, Clock clock, String table, String seedResource) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("table " + table);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.seedResource = seedResource;
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("county_id"), rs.getString("code"),
                new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), rs.getString("name_en")),
                rs.getBoolean("active"), rs.getInt("version"));
    }

    private static final String COLUMNS = "id, county_id, code, name_fi, name_sv, name_en, active, version";

    /** All entries of a county, in use or not, by their Finnish name. */
    public List<Item> list(long countyId) {
        return jdbc.sql("select " + COLUMNS + " from " + table + " where county_id = :c order by name_fi, id")
                .param("c", countyId).query(CountyCatalogue::item).list();
    }

    /** The entries a new record may use. */
    public List<Item> active(long countyId) {
        return list(countyId).stream().filter(Item::active).toList();
    }

    public Optional<Item> get(long id) {
        return jdbc.sql("select " + COLUMNS + " from " + table + " where id = :id").param("id", id)
                .query(CountyCatalogue::item).optional();
    }

    /** The entry of a county by its code, in use or not. */
    public Optional<Item> byCode(long countyId, String code) {
        return jdbc.sql("select " + COLUMNS + " from " + table + " where county_id = :c and code = :code")
                .param("c", countyId).param("code", code).query(CountyCatalogue::item).optional();
    }

    /**
     * The editor's values for {@code ?edit=<id>}: empty for none; an entry of another county, or none, is not found.
     */
    public Map<String, String> editValues(long countyId, String rawId) {
        if (rawId == null || rawId.isBlank()) {
            return Map.of();
        }
        long id = PathIds.orNotFound(rawId);
        return get(id).filter(i -> i.countyId() == countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound(table + " " + id)).formValues();
    }

    /** A new county's first catalogue (called from the owner's {@code registry.CountyCreated} listener). */
    public void seedIfEmpty(long countyId) {
        if (!list(countyId).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (SeededCatalogue.Entry e : SeededCatalogue.read(seedResource)) {
            insert(countyId, e.code(), e.name(), true, now);
        }
    }

    /**
     * Adds ({@code id} null) or changes an entry of the county from the editor's form: {@code code} (letters, digits,
     * underscores, 2–40, unique in the county), {@code nameFi} (required), {@code nameSv}, {@code nameEn}, {@code
     * active}, and {@code version} when changing. Bad input throws {@link KohtaamoException.Invalid} and changes
     * nothing; an entry changed meanwhile {@link KohtaamoException.Conflict}; an entry of another county is not found.
     */
    public Saved save(long countyId, Long id, Map<String, String> form) {
        Item before = null;
        if (id != null) {
            before = get(id).filter(i -> i.countyId() == countyId)
                    .orElseThrow(() -> new KohtaamoException.NotFound(table + " " + id));
        }
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String code = in.requiredLine("code", form.get("code"), 40);
        if (code != null && !CODE.matcher(code).matches()) {
            errors.add("code", "catalogue.validation.code");
        }
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", form.get("nameFi"), 200),
                in.line("nameSv", form.get("nameSv"), 200), in.line("nameEn", form.get("nameEn"), 200));
        boolean active = "true".equals(form.get("active"));
        Integer version = before == null ? null : in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, 0);
        if (code != null && !errors.has("code") && codeTaken(countyId, code, id)) {
            errors.add("code", "catalogue.validation.codeTaken");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        long saved;
        if (before == null) {
            saved = insert(countyId, code, name, active, now);
        } else {
            int changed = jdbc.sql("update " + table + " set code = :code, name_fi = :fi, name_sv = :sv, name_en = :en, "
                            + "active = :active, version = version + 1, updated_at = :now where id = :id and version = :v")
                    .param("code", code).param("fi", name.fi()).param("sv", name.sv()).param("en", name.en())
                    .param("active", active).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id)
                    .param("v", version).update();
            if (changed != 1) {
                throw new KohtaamoException.Conflict("stale", table + " " + id);
            }
            saved = id;
        }
        return new Saved(before, get(saved).orElseThrow());
    }

    private boolean codeTaken(long countyId, String code, Long exceptId) {
        return jdbc.sql("select count(*) from " + table + " where county_id = :c and code = :code and id <> :id")
                .param("c", countyId).param("code", code).param("id", exceptId == null ? -1 : exceptId)
                .query(Long.class).single() > 0;
    }

    /** Adds an entry in use without a form: for seeds whose file has another shape than {@link SeededCatalogue}'s. */
    public long add(long countyId, String code, LocalizedText name) {
        return insert(countyId, code, name, true, clock.instant());
    }

    private long insert(long countyId, String code, LocalizedText name, boolean active, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + table + " (county_id, code, name_fi, name_sv, name_en, active, updated_at) "
                        + "values (:c, :code, :fi, :sv, :en, :active, :now)")
                .param("c", countyId).param("code", code).param("fi", name.fi()).param("sv", name.sv())
                .param("en", name.en()).param("active", active).param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
