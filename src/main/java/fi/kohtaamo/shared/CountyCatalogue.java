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
 * outreach professions and topics, service types, families' needs): a table with the columns {@code id, county_id,
 * code, name_fi, name_sv, name_en, position, active, version, updated_at} and {@code unique (county_id, code)}, seeded
 * from a {@link SeededCatalogue} file when a county is created, listed in the coordinators' order ({@code position}
 * 1…n, moved up, down or to a number by {@link #move}).
 *
 * <p>An entry that nothing uses may be deleted ({@link #delete}); whether something uses it is the owner's question
 * ({@link #usedBy}: records, figures, other modules through an interface of the owner). An entry in use can only be
 * taken out of use ({@code active = false}: not offered for new records, still named in old ones); without the
 * owner's check every entry counts as in use. An owner whose codes are stored with records fixes them once given
 * ({@link #fixedCodes}) and may narrow their form ({@link #codes}).
 *
 * <p>The owning module checks access and records the audit entry around {@link #save}, {@link #move} and {@link
 * #delete}; the page uses the {@code catalogue :: editor} fragment. The table's name is the caller's constant, never
 * input.
 */
public final class CountyCatalogue {

    private static final Pattern TABLE = Pattern.compile("^[a-z_]{1,40}$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_]{2,40}$");

    /** One entry of a county's catalogue. */
    public record Item(long id, long countyId, String code, LocalizedText name, int position, boolean active,
            int version) {

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
            v.put("position", String.valueOf(position));
            return v;
        }
    }

    /** What a save did, for the caller's audit entry: {@code before} is null for a new entry. */
    public record Saved(Item before, Item after) {
        public boolean created() {
            return before == null;
        }
    }

    /** The owner's answer to "does anything use this entry?" (its records, its figures, other modules). */
    @FunctionalInterface
    public interface InUse {
        boolean test(Item item);
    }

    /** The form of a catalogue's codes: how typed input is normalised, what it must match, the message if not. */
    public record Codes(java.util.function.UnaryOperator<String> normalise, Pattern pattern, String messageKey) {
    }

    private static final Codes ANY_CODE = new Codes(s -> s, CODE, "catalogue.validation.code");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;
    private final String seedResource;
    private final InUse inUse;
    private final boolean fixedCodes;
    private final Codes codes;
    private final int limit;

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
        this.inUse = item -> true;
        this.fixedCodes = false;
        this.codes = ANY_CODE;
        this.limit = 500;
    }

    private CountyCatalogue(CountyCatalogue c, InUse inUse, boolean fixedCodes, Codes codes, int limit) {
        this.jdbc = c.jdbc;
        this.clock = c.clock;
        this.table = c.table;
        this.seedResource = c.seedResource;
        this.inUse = inUse;
        this.fixedCodes = fixedCodes;
        this.codes = codes;
        this.limit = limit;
    }

    /** This catalogue with the owner's check of whether an entry is in use: only an entry not in use is deleted. */
    public CountyCatalogue usedBy(InUse check) {
        return new CountyCatalogue(this, check, fixedCodes, codes, limit);
    }

    /** This catalogue with codes given once, never changed (for codes stored with records and figures). */
    public CountyCatalogue fixedCodes() {
        return new CountyCatalogue(this, inUse, true, codes, limit);
    }

    /** This catalogue with the owner's form of codes (narrower than letters, digits and underscores, 2–40). */
    public CountyCatalogue codes(Codes form) {
        return new CountyCatalogue(this, inUse, fixedCodes, form, limit);
    }

    /** This catalogue with at most {@code max} entries a county (500 unless told). */
    public CountyCatalogue limit(int max) {
        return new CountyCatalogue(this, inUse, fixedCodes, codes, max);
    }

    /** Whether the owner says something uses the entry (so it cannot be deleted, only taken out of use). */
    public boolean inUse(Item item) {
        return inUse.test(item);
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("county_id"), rs.getString("code"),
                new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), rs.getString("name_en")),
                rs.getInt("position"), rs.getBoolean("active"), rs.getInt("version"));
    }

    private static final String COLUMNS = "id, county_id, code, name_fi, name_sv, name_en, position, active, version";

    /** All entries of a county, in use or not, in the coordinators' order. */
    public List<Item> list(long countyId) {
        return jdbc.sql("select " + COLUMNS + " from " + table + " where county_id = :c order by position, name_fi, id")
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
        Map<String, String> values = new LinkedHashMap<>(ofCounty(countyId, id).formValues());
        if (fixedCodes) {
            values.put("codeFixed", "true");
        }
        return values;
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
     * Adds ({@code id} null) or changes an entry of the county from the editor's form: {@code code} (the catalogue's
     * form of codes, unique in the county; fixed once given when the catalogue says so), {@code nameFi} (required),
     * {@code nameSv}, {@code nameEn}, {@code active}, and {@code version} when changing. A new entry goes to the end
     * of the list. Bad input throws {@link KohtaamoException.Invalid} and changes nothing; an entry changed meanwhile
     * {@link KohtaamoException.Conflict}; an entry of another county is not found.
     */
    public Saved save(long countyId, Long id, Map<String, String> form) {
        Item before = id == null ? null : ofCounty(countyId, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String code;
        if (before != null && fixedCodes) {
            code = before.code();
        } else {
            code = in.requiredLine("code", form.get("code"), 40);
            code = code == null ? null : codes.normalise().apply(code);
            if (code != null && !codes.pattern().matcher(code).matches()) {
                errors.add("code", codes.messageKey());
            } else if (code != null && codeTaken(countyId, code, id)) {
                errors.add("code", "catalogue.validation.codeTaken");
            }
        }
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", form.get("nameFi"), 200),
                in.line("nameSv", form.get("nameSv"), 200), in.line("nameEn", form.get("nameEn"), 200));
        boolean active = "true".equals(form.get("active"));
        Integer version = before == null ? null : in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, 0);
        if (before == null && count(countyId) >= limit) {
            errors.add("code", "catalogue.validation.tooMany", limit);
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

    private Item ofCounty(long countyId, long id) {
        return get(id).filter(i -> i.countyId() == countyId)
                .orElseThrow(() -> new KohtaamoException.NotFound(table + " " + id));
    }

    private long count(long countyId) {
        return jdbc.sql("select count(*) from " + table + " where county_id = :c").param("c", countyId)
                .query(Long.class).single();
    }

    /**
     * Moves an entry of the county from the editor's row: {@code direction} {@code up} or {@code down} one step, or
     * {@code position} to a place 1…n (a number beyond the end is the end). The list is renumbered 1…n. The form's
     * {@code version} of the entry is checked (a stale page is a {@link KohtaamoException.Conflict}); a number that is
     * not one is {@link KohtaamoException.Invalid}; nothing moves at either end. Empty when nothing changed, else what
     * the entry was and is, for the owner's audit entry.
     */
    public Optional<Saved> move(long countyId, long id, Map<String, String> form) {
        Item before = ofCounty(countyId, id);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        Integer version = in.integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        List<Item> order = new java.util.ArrayList<>(list(countyId));
        int at = order.indexOf(order.stream().filter(i -> i.id() == id).findFirst().orElseThrow());
        String direction = form.get("direction");
        int to;
        if ("up".equals(direction)) {
            to = at - 1;
        } else if ("down".equals(direction)) {
            to = at + 1;
        } else {
            Integer position = in.integer("position", form.get("position"), 1, 100_000, null);
            if (position == null && !errors.has("position")) {
                errors.add("position", "validation.required");
            }
            to = position == null ? at : Math.min(position, order.size()) - 1;
        }
        errors.throwIfAny();
        if (version == null || version != before.version()) {
            throw new KohtaamoException.Conflict("stale", table + " " + id);
        }
        if (to < 0 || to >= order.size() || to == at) {
            return Optional.empty();
        }
        order.remove(at);
        order.add(to, before);
        Instant now = clock.instant();
        for (int k = 0; k < order.size(); k++) {
            Item i = order.get(k);
            if (i.position() != k + 1) {
                jdbc.sql("update " + table + " set position = :p, version = version + 1, updated_at = :now where id = :id")
                        .param("p", k + 1).param("now", now.atOffset(ZoneOffset.UTC)).param("id", i.id()).update();
            }
        }
        return Optional.of(new Saved(before, get(id).orElseThrow()));
    }

    /**
     * Deletes an entry of the county that nothing uses (the owner's {@link InUse}); one in use is refused with a
     * translated field error ({@code catalogue.validation.inUse}: take it out of use instead). The form's {@code
     * version} is checked. The rest of the list is renumbered 1…n. Returns the deleted entry for the audit entry.
     */
    public Item delete(long countyId, long id, Map<String, String> form) {
        Item before = ofCounty(countyId, id);
        FieldErrors errors = new FieldErrors();
        Integer version = new Input(errors).integer("version", form.get("version"), 0, Integer.MAX_VALUE, null);
        if (version == null || version != before.version()) {
            throw new KohtaamoException.Conflict("stale", table + " " + id);
        }
        if (inUse.test(before)) {
            errors.add("code", "catalogue.validation.inUse");
        }
        errors.throwIfAny();
        if (jdbc.sql("delete from " + table + " where id = :id and version = :v").param("id", id).param("v", version)
                .update() != 1) {
            throw new KohtaamoException.Conflict("stale", table + " " + id);
        }
        jdbc.sql("update " + table + " set position = position - 1 where county_id = :c and position > :p")
                .param("c", countyId).param("p", before.position()).update();
        return before;
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
        jdbc.sql("insert into " + table + " (county_id, code, name_fi, name_sv, name_en, position, active, updated_at) "
                        + "values (:c, :code, :fi, :sv, :en, (select coalesce(max(position), 0) + 1 from " + table
                        + " where county_id = :c), :active, :now)")
                .param("c", countyId).param("code", code).param("fi", name.fi()).param("sv", name.sv())
                .param("en", name.en()).param("active", active).param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
