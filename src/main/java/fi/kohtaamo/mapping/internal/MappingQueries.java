package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.mapping.internal.MappingModel.Activity;
import fi.kohtaamo.mapping.internal.MappingModel.Answer;
import fi.kohtaamo.mapping.internal.MappingModel.NameType;
import fi.kohtaamo.mapping.internal.MappingModel.Round;
import fi.kohtaamo.mapping.internal.MappingModel.RoundRow;
import fi.kohtaamo.mapping.internal.MappingModel.Values;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of mapping: rounds, their questionnaires (snapshots once answered) and the reminders sent. */
@Repository
class MappingQueries {

    private static final String ROUND = "select id, county_id, organisation_id, title, opens_on, deadline, closed, version, created_at from mapping_round";

    private final JdbcClient jdbc;

    MappingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- rounds ---------------------------------------------------------------------------------

    long insertRound(Long countyId, Long organisationId, String title, LocalDate opensOn, LocalDate deadline,
            boolean closed, boolean demo, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into mapping_round (county_id, organisation_id, title, opens_on, deadline, closed, demo, created_at)
                values (:county, :org, :title, :opens, :deadline, :closed, :demo, :now)
                """).param("county", countyId).param("org", organisationId).param("title", title)
                .param("opens", opensOn).param("deadline", deadline).param("closed", closed).param("demo", demo)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Round> round(long id) {
        return jdbc.sql(ROUND + " where id = :id").param("id", id).query(MappingQueries::round).optional();
    }

    /** Rounds of these counties or organisations (or all), newest first, with how many have answered. */
    List<RoundRow> rounds(boolean all, long countyId, Collection<Long> organisations) {
        return jdbc.sql("""
                select r.id, r.county_id, r.organisation_id, r.title, r.opens_on, r.deadline, r.closed, r.version, r.created_at,
                       (select count(*) from mapping_answer a where a.round_id = r.id) as places,
                       (select count(*) from mapping_answer a where a.round_id = r.id and a.answered) as answered
                from mapping_round r
                where :all or r.county_id = :county or r.organisation_id in (:orgs)
                order by r.opens_on desc, r.id desc
                """).param("all", all).param("county", countyId)
                .param("orgs", organisations.isEmpty() ? List.of(-1L) : organisations)
                .query((rs, n) -> new RoundRow(round(rs, n), rs.getInt("places"), rs.getInt("answered"))).list();
    }

    /** The latest round of the same scope opened before this one. */
    Optional<Round> previous(Round r) {
        return jdbc.sql(ROUND + """
                 where id <> :id and opens_on < :opens
                   and ((county_id = :county) or (organisation_id = :org)
                        or (:national and county_id is null and organisation_id is null))
                 order by opens_on desc, id desc fetch first 1 rows only
                """).param("id", r.id()).param("opens", r.opensOn()).param("county", r.countyId() == null ? -1 : r.countyId())
                .param("org", r.organisationId() == null ? -1 : r.organisationId())
                .param("national", r.countyId() == null && r.organisationId() == null)
                .query(MappingQueries::round).optional();
    }

    boolean closeRound(long id, int version) {
        return jdbc.sql("update mapping_round set closed = true, version = version + 1 where id = :id and version = :v")
                .param("id", id).param("v", version).update() == 1;
    }

    /** Open rounds whose deadline is between the two dates. */
    List<Round> openRoundsDue(LocalDate from, LocalDate to) {
        return jdbc.sql(ROUND + " where not closed and deadline between :from and :to order by id")
                .param("from", from).param("to", to).query(MappingQueries::round).list();
    }

    /** Claims a reminder of a round: false when it was already sent (by this or another instance). */
    boolean claimReminder(long roundId, int daysBefore, Instant now) {
        return jdbc.sql("""
                insert into mapping_reminder (round_id, days_before, sent_at)
                select :r, :d, :now from mapping_round
                where id = :r and not exists (select 1 from mapping_reminder where round_id = :r and days_before = :d)
                """).param("r", roundId).param("d", daysBefore).param("now", Timestamp.from(now)).update() == 1;
    }

    // ---- answers --------------------------------------------------------------------------------

    void insertAnswer(long roundId, long placeId, String placeName, long countyId, String countyName, long areaId,
            Set<Long> organiserIds, String organiserType, String districtName, String associationName) {
        jdbc.sql("""
                insert into mapping_answer (round_id, place_id, place_name, county_id, county_name, area_id, organiser_ids,
                    organiser_type, district_name, association_name)
                values (:r, :p, :name, :c, :cname, :a, :orgs, :otype, :district, :assoc)
                """).param("r", roundId).param("p", placeId).param("name", placeName).param("c", countyId)
                .param("cname", countyName).param("a", areaId).param("orgs", ids(organiserIds)).param("otype", organiserType)
                .param("district", districtName).param("assoc", associationName).update();
    }

    Optional<Answer> answer(long id) {
        return jdbc.sql("select * from mapping_answer where id = :id").param("id", id).query(MappingQueries::answer)
                .optional();
    }

    List<Answer> answers(long roundId) {
        return jdbc.sql("select * from mapping_answer where round_id = :r order by county_name, place_name, id")
                .param("r", roundId).query(MappingQueries::answer).list();
    }

    /** Questionnaires of open rounds for places of these organisations (or of this area), oldest deadline first. */
    List<Answer> openFor(Collection<Long> placeIds) {
        if (placeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select a.* from mapping_answer a join mapping_round r on r.id = a.round_id
                where not r.closed and a.place_id in (:places)
                order by r.deadline, a.answered, a.place_name, a.id fetch first 200 rows only
                """).param("places", placeIds).query(MappingQueries::answer).list();
    }

    boolean saveAnswer(long id, int version, Values v, long userId, Instant now) {
        return jdbc.sql("""
                update mapping_answer set answered = true, name_type = :nameType, target_groups = :groups,
                    monthly_visits = :visits, visits_counted = :counted, employees = :employees,
                    wage_subsidy_staff = :wage, interns = :interns, volunteers = :volunteers, activities = :activities,
                    opening_days = :days, evenings = :evenings, weekends = :weekends, premises_type = :ptype,
                    premises_ownership = :owner, fully_accessible = :accessible, partner_ids = :partners,
                    partners_text = :partnersText, funding = :funding, answered_at = :now, answered_by = :user,
                    version = version + 1
                where id = :id and version = :version
                """).param("id", id).param("version", version).param("nameType", name(v.nameType()))
                .param("groups", names(v.targetGroups())).param("visits", v.monthlyVisits())
                .param("counted", v.visitsCounted()).param("employees", v.employees())
                .param("wage", v.wageSubsidyStaff()).param("interns", v.interns()).param("volunteers", v.volunteers())
                .param("activities", names(v.activities())).param("days", v.openingDays())
                .param("evenings", v.evenings()).param("weekends", v.weekends()).param("ptype", name(v.premisesType()))
                .param("owner", name(v.premisesOwnership())).param("accessible", v.fullyAccessible())
                .param("partners", ids(v.partnerIds())).param("partnersText", v.partnersText())
                .param("funding", names(v.funding())).param("now", Timestamp.from(now)).param("user", userId)
                .update() == 1;
    }

    /** A deleted place's unanswered questionnaires go; its answers stay in their rounds' figures. */
    void deleteUnanswered(long placeId) {
        jdbc.sql("delete from mapping_answer where place_id = :p and not answered").param("p", placeId).update();
    }

    // ---- mapping --------------------------------------------------------------------------------

    private static Round round(ResultSet rs, int n) throws SQLException {
        return new Round(rs.getLong("id"), (Long) rs.getObject("county_id", Long.class),
                (Long) rs.getObject("organisation_id", Long.class), rs.getString("title"),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getBoolean("closed"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
    }

    private static Answer answer(ResultSet rs, int n) throws SQLException {
        Timestamp at = rs.getTimestamp("answered_at");
        Values v = new Values(en(NameType.class, rs.getString("name_type")),
                set(TargetGroup.class, rs.getString("target_groups")), integer(rs, "monthly_visits"),
                rs.getBoolean("visits_counted"), integer(rs, "employees"), integer(rs, "wage_subsidy_staff"),
                integer(rs, "interns"), integer(rs, "volunteers"), set(Activity.class, rs.getString("activities")),
                integer(rs, "opening_days"), bool(rs, "evenings"), bool(rs, "weekends"),
                en(PremisesType.class, rs.getString("premises_type")),
                en(PremisesOwnership.class, rs.getString("premises_ownership")), bool(rs, "fully_accessible"),
                List.copyOf(parseIds(rs.getString("partner_ids"))), rs.getString("partners_text"),
                set(FundingSource.class, rs.getString("funding")));
        return new Answer(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("place_id"), rs.getString("place_name"),
                rs.getLong("county_id"), rs.getString("county_name"), rs.getLong("area_id"),
                Set.copyOf(parseIds(rs.getString("organiser_ids"))), rs.getString("organiser_type"),
                rs.getString("district_name"), rs.getString("association_name"), rs.getBoolean("answered"), v,
                at == null ? null : at.toInstant(), rs.getInt("version"));
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, String col) throws SQLException {
        boolean v = rs.getBoolean(col);
        return rs.wasNull() ? null : v;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String names(Set<? extends Enum<?>> set) {
        return set == null ? null : set.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> parseIds(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(",")).map(Long::valueOf).toList();
    }

    private static <E extends Enum<E>> E en(Class<E> type, String s) {
        return s == null ? null : Enum.valueOf(type, s);
    }

    private static <E extends Enum<E>> Set<E> set(Class<E> type, String s) {
        if (s == null) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(Enum.valueOf(type, part));
            }
        }
        return out;
    }
}
