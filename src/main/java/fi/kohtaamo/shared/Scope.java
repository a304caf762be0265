package fi.kohtaamo.shared;

import java.util.List;

/**
 * What part of the data an actor may see or change for an action, as SQL parameters. List queries
 * use it in their WHERE clause (see {@link #PLACE_PREDICATE}) so that scoping happens in the
 * database, not after loading. {@code organisations} is never empty (it holds -1 when unused) so
 * that it can be bound to an IN list on every database.
 */
public record Scope(boolean all, long countyId, long areaId, List<Long> organisations, long placeId) {

    /** No rows at all. */
    public static final Scope NONE = new Scope(false, -1, -1, List.of(-1L), -1);

    public static final Scope ALL = new Scope(true, -1, -1, List.of(-1L), -1);

    /**
     * The standard predicate for rows that belong to a place, with table aliases {@code p} (place,
     * having {@code id}, {@code area_id}, {@code municipality_code}) and {@code a} (its area, having
     * {@code county_id}). Bind with {@link #bind(org.springframework.jdbc.core.simple.JdbcClient.StatementSpec)}.
     */
    public static final String PLACE_PREDICATE = """
            (:scopeAll or a.county_id = :scopeCounty or p.area_id = :scopeArea or p.id = :scopePlace
             or exists (select 1 from place_organiser spo where spo.place_id = p.id
                        and spo.organisation_id in (:scopeOrgs)))""";

    /** Whether the scope is a county or an area (a coordinator's), rather than organisations or a place. */
    public boolean geographic() {
        return countyId != -1 || areaId != -1;
    }

    public org.springframework.jdbc.core.simple.JdbcClient.StatementSpec bind(
            org.springframework.jdbc.core.simple.JdbcClient.StatementSpec spec) {
        return spec.param("scopeAll", all).param("scopeCounty", countyId).param("scopeArea", areaId)
                .param("scopeOrgs", organisations).param("scopePlace", placeId);
    }
}
