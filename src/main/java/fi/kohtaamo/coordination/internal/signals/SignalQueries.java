package fi.kohtaamo.coordination.internal.signals;

import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import java.time.Clock;
import fi.kohtaamo.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of weak signals: the themes catalogue, the signals with their themes, areas and handling. */
@Repository
public class SignalQueries {

    /** Where a signal's handling stands. */
    public enum State {
        NEW, ON_AGENDA, DISCUSSED, FORWARDED_COUNTY, FORWARDED_SERVICE, CLOSED
    }

    /** Signals readable in a scope: the county's or area's, or written for one of the organisations. */
    static final String SCOPE_PREDICATE = """
            (:scopeAll or s.county_id = :scopeCounty or s.author_org_id in (:scopeOrgs)
             or exists (select 1 from weak_signal_area ssa where ssa.signal_id = s.id and ssa.area_id = :scopeArea))""";

    /** The most signals one list shows. */
    static final int MAX_LIST = 300;

    private final JdbcClient jdbc;
    private final CountyCatalogue themes;

    public SignalQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.themes = new CountyCatalogue(jdbc, clock, "signal_theme", "/fi/kohtaamo/coordination/signal-themes.txt")
                .usedBy(theme -> jdbc.sql("select count(*) from weak_signal_theme where theme_id = :t")
                        .param("t", theme.id()).query(Long.class).single() > 0);
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    // ---- themes ---------------------------------------------------------------------------------

    /** The county's catalogue of signal themes, kept the one way ({@code shared.CountyCatalogue}). */
    public CountyCatalogue themeCatalogue() {
        return themes;
    }

    public List<Item> themes(long countyId) {
        return themes.list(countyId);
    }

    public Optional<Item> theme(long id) {
        return themes.get(id);
    }

    // ---- signals --------------------------------------------------------------------------------

    public record Handling(State state, String note, String forwardedTo, Long areaId, String actorName, Instant at) {
    }

    /**
     * A weak signal as stored.
     *
     * @param agendaItemId the meeting agenda item that took it up (set by a later step; null until then)
     */
    public record Signal(long id, long countyId, String body, LocalDate noticedOn, State state, long authorId,
            String authorName, Long authorOrgId, String handledByName, Instant handledAt, String handlingNote,
            String forwardedTo, Long handlingAreaId, Long agendaItemId, Instant createdAt, int version,
            List<Long> themeIds, List<Long> areaIds) {

        Signal withLinks(List<Long> themes, List<Long> areas) {
            return new Signal(id, countyId, body, noticedOn, state, authorId, authorName, authorOrgId, handledByName,
                    handledAt, handlingNote, forwardedTo, handlingAreaId, agendaItemId, createdAt, version,
                    List.copyOf(themes), List.copyOf(areas));
        }
    }

    private static Signal signal(ResultSet rs, int n) throws SQLException {
        return new Signal(rs.getLong("id"), rs.getLong("county_id"), rs.getString("body"),
                rs.getObject("noticed_on", LocalDate.class), State.valueOf(rs.getString("state")),
                rs.getLong("author_id"), rs.getString("author_name"), nullableLong(rs, "author_org_id"),
                rs.getString("handled_by_name"), instant(rs, "handled_at"), rs.getString("handling_note"),
                rs.getString("forwarded_to"), nullableLong(rs, "handling_area_id"), nullableLong(rs, "agenda_item_id"),
                instant(rs, "created_at"), rs.getInt("version"), List.of(), List.of());
    }

    public long insertSignal(long countyId, String body, LocalDate noticedOn, long authorId, String authorName,
            Long authorOrgId, Collection<Long> themeIds, Collection<Long> areaIds, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into weak_signal (county_id, body, noticed_on, state, author_id, author_name, author_org_id, "
                        + "created_at, updated_at) values (:c, :body, :noticed, 'NEW', :author, :name, :org, :now, :now)")
                .param("c", countyId).param("body", body).param("noticed", noticedOn).param("author", authorId)
                .param("name", authorName).param("org", authorOrgId).param("now", utc(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (long theme : themeIds) {
            jdbc.sql("insert into weak_signal_theme (signal_id, theme_id) values (:s, :t)").param("s", id)
                    .param("t", theme).update();
        }
        for (long area : areaIds) {
            jdbc.sql("insert into weak_signal_area (signal_id, area_id) values (:s, :a)").param("s", id)
                    .param("a", area).update();
        }
        return id;
    }

    public Optional<Signal> signal(long id) {
        return jdbc.sql("select * from weak_signal where id = :id").param("id", id).query(SignalQueries::signal)
                .optional().map(s -> withLinks(List.of(s)).get(0));
    }

    /** The themes and areas of signals, in one query each. */
    private List<Signal> withLinks(List<Signal> signals) {
        if (signals.isEmpty()) {
            return signals;
        }
        List<Long> ids = signals.stream().map(Signal::id).toList();
        Map<Long, List<Long>> themes = links("select signal_id, theme_id as v from weak_signal_theme "
                + "where signal_id in (:ids) order by theme_id", ids);
        Map<Long, List<Long>> areas = links("select signal_id, area_id as v from weak_signal_area "
                + "where signal_id in (:ids) order by area_id", ids);
        return signals.stream().map(s -> s.withLinks(themes.getOrDefault(s.id(), List.of()),
                areas.getOrDefault(s.id(), List.of()))).toList();
    }

    private Map<Long, List<Long>> links(String sql, List<Long> ids) {
        Map<Long, List<Long>> out = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query((rs, n) -> {
            out.computeIfAbsent(rs.getLong("signal_id"), k -> new ArrayList<>()).add(rs.getLong("v"));
            return null;
        }).list();
        return out;
    }

    /** Signals of a scope, newest first, optionally of one state and noticed in [from, to]. */
    public List<Signal> signals(Scope scope, State state, LocalDate from, LocalDate to) {
        String sql = "select s.* from weak_signal s where " + SCOPE_PREDICATE
                + " and (:state = '' or s.state = :state) and s.noticed_on between :from and :to"
                + " order by s.noticed_on desc, s.id desc fetch first " + MAX_LIST + " rows only";
        return withLinks(scope.bind(jdbc.sql(sql)).param("state", state == null ? "" : state.name())
                .param("from", from).param("to", to).query(SignalQueries::signal).list());
    }

    /**
     * Signals of a scope whose text or handling note matches, newest first: PostgreSQL's full-text search with the
     * Finnish configuration, a case-insensitive substring on H2 (as the groups' search, `MaterialQueries.search`).
     */
    public List<Signal> search(Scope scope, String query, boolean postgres, int limit) {
        String match = postgres
                ? "to_tsvector('finnish', s.body || ' ' || coalesce(s.handling_note, '')) @@ plainto_tsquery('finnish', :q)"
                : "lower(s.body || ' ' || coalesce(s.handling_note, '')) like :like escape '\\'";
        String like = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        String sql = "select s.* from weak_signal s where " + SCOPE_PREDICATE + " and " + match
                + " order by s.noticed_on desc, s.id desc fetch first :limit rows only";
        return scope.bind(jdbc.sql(sql)).param("q", query).param("like", like).param("limit", limit)
                .query(SignalQueries::signal).list();
    }

    /** One row per signal × theme × area noticed in [from, to] in a scope: what the summary counts. */
    public record SummaryRow(long signalId, LocalDate noticedOn, long themeId, long areaId) {
    }

    public List<SummaryRow> summaryRows(Scope scope, LocalDate from, LocalDate to) {
        String sql = "select s.id, s.noticed_on, t.theme_id, a.area_id from weak_signal s "
                + "join weak_signal_theme t on t.signal_id = s.id join weak_signal_area a on a.signal_id = s.id where "
                + SCOPE_PREDICATE + " and s.noticed_on between :from and :to";
        return scope.bind(jdbc.sql(sql)).param("from", from).param("to", to)
                .query((rs, n) -> new SummaryRow(rs.getLong("id"), rs.getObject("noticed_on", LocalDate.class),
                        rs.getLong("theme_id"), rs.getLong("area_id"))).list();
    }

    /** Records a step of the handling on the signal (when it is still at the version read) and in its history. */
    public boolean handle(long id, int version, State state, String note, String forwardedTo, Long areaId,
            long actorId, String actorName, Instant now) {
        int n = jdbc.sql("update weak_signal set state = :state, handled_by_id = :actor, handled_by_name = :name, "
                        + "handled_at = :now, handling_note = :note, forwarded_to = :fwd, handling_area_id = :area, "
                        + "version = version + 1, updated_at = :now where id = :id and version = :v")
                .param("state", state.name()).param("actor", actorId).param("name", actorName).param("now", utc(now))
                .param("note", note).param("fwd", forwardedTo).param("area", areaId).param("id", id)
                .param("v", version).update();
        if (n != 1) {
            return false;
        }
        jdbc.sql("insert into weak_signal_handling (signal_id, state, note, forwarded_to, area_id, actor_id, "
                        + "actor_name, handled_at) values (:id, :state, :note, :fwd, :area, :actor, :name, :now)")
                .param("id", id).param("state", state.name()).param("note", note).param("fwd", forwardedTo)
                .param("area", areaId).param("actor", actorId).param("name", actorName).param("now", utc(now))
                .update();
        return true;
    }

    /**
     * Signals of a county in a scope in one of the states that a meeting's agenda may take up: about one of the areas
     * (when {@code areaIds} is not empty) or of the whole county.
     */
    public List<Signal> agendaChoices(Scope scope, long countyId, Collection<Long> areaIds, Collection<String> states) {
        String sql = "select s.* from weak_signal s where " + SCOPE_PREDICATE
                + " and s.county_id = :county and s.state in (:states) and (:anyArea or exists (select 1 from "
                + "weak_signal_area sa where sa.signal_id = s.id and sa.area_id in (:areas)))"
                + " order by s.noticed_on desc, s.id desc fetch first " + MAX_LIST + " rows only";
        return withLinks(scope.bind(jdbc.sql(sql)).param("county", countyId).param("states", List.copyOf(states))
                .param("anyArea", areaIds.isEmpty()).param("areas", areaIds.isEmpty() ? List.of(-1L) : List.copyOf(areaIds))
                .query(SignalQueries::signal).list());
    }

    /** Links the signal to the agenda item that took it up (the latest one). */
    public void setAgendaItem(long id, long agendaItemId) {
        jdbc.sql("update weak_signal set agenda_item_id = :item where id = :id").param("item", agendaItemId)
                .param("id", id).update();
    }

    /** The signal is no longer on an agenda (its item was removed, or its meeting deleted). */
    public void clearAgendaItem(long id) {
        jdbc.sql("update weak_signal set agenda_item_id = null where id = :id").param("id", id).update();
    }

    public List<Handling> handlings(long signalId) {
        return jdbc.sql("select * from weak_signal_handling where signal_id = :id order by id").param("id", signalId)
                .query((rs, n) -> new Handling(State.valueOf(rs.getString("state")), rs.getString("note"),
                        rs.getString("forwarded_to"), nullableLong(rs, "area_id"), rs.getString("actor_name"),
                        instant(rs, "handled_at"))).list();
    }

    /** Whether the county has any signal (the demo data loads once). */
    public boolean anySignal(long countyId) {
        return jdbc.sql("select count(*) from weak_signal where county_id = :c").param("c", countyId)
                .query(Long.class).single() > 0;
    }
}
