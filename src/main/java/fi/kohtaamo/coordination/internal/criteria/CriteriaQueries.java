package fi.kohtaamo.coordination.internal.criteria;

import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of THL's criteria: the county's texts and rule, and the places' assessments with their scores. */
@Repository
public class CriteriaQueries {

    public enum Kind {
        SELF, PEER
    }

    /** The assessing organisation of a self-assessment (one per place and year). */
    static final long SELF_ORG = 0;

    private final JdbcClient jdbc;

    public CriteriaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    // ---- texts and rule -------------------------------------------------------------------------

    public record Criterion(int number, LocalizedText name, LocalizedText description, int version) {
    }

    /** The county's own wording, by number (empty when it keeps the seeded one). */
    public List<Criterion> texts(long countyId) {
        return jdbc.sql("select * from criteria_text where county_id = :c order by criterion").param("c", countyId)
                .query((rs, n) -> new Criterion(rs.getInt("criterion"),
                        new LocalizedText(rs.getString("name_fi"), rs.getString("name_sv"), rs.getString("name_en")),
                        new LocalizedText(rs.getString("description_fi"), rs.getString("description_sv"),
                                rs.getString("description_en")), rs.getInt("version"))).list();
    }

    public void saveTexts(long countyId, List<Criterion> texts, Instant now) {
        jdbc.sql("delete from criteria_text where county_id = :c").param("c", countyId).update();
        for (Criterion t : texts) {
            jdbc.sql("insert into criteria_text (county_id, criterion, name_fi, name_sv, name_en, description_fi, "
                            + "description_sv, description_en, version, updated_at) values (:c, :n, :nfi, :nsv, :nen, "
                            + ":dfi, :dsv, :den, :v, :now)")
                    .param("c", countyId).param("n", t.number()).param("nfi", t.name().fi()).param("nsv", t.name().sv())
                    .param("nen", t.name().en()).param("dfi", t.description().fi()).param("dsv", t.description().sv())
                    .param("den", t.description().en()).param("v", t.version()).param("now", utc(now)).update();
        }
    }

    public record Rule(long countyId, int minScore, int version) {
    }

    public Optional<Rule> rule(long countyId) {
        return jdbc.sql("select * from criteria_rule where county_id = :c").param("c", countyId)
                .query((rs, n) -> new Rule(rs.getLong("county_id"), rs.getInt("min_score"), rs.getInt("version")))
                .optional();
    }

    /** Stores the rule when it is still at the version read (null: there was none). */
    public boolean saveRule(long countyId, int minScore, Integer version, Instant now) {
        if (version == null) {
            if (rule(countyId).isPresent()) {
                return false;
            }
            jdbc.sql("insert into criteria_rule (county_id, min_score, updated_at) values (:c, :m, :now)")
                    .param("c", countyId).param("m", minScore).param("now", utc(now)).update();
            return true;
        }
        return jdbc.sql("update criteria_rule set min_score = :m, version = version + 1, updated_at = :now "
                        + "where county_id = :c and version = :v")
                .param("c", countyId).param("m", minScore).param("v", version).param("now", utc(now)).update() == 1;
    }

    // ---- assessments ----------------------------------------------------------------------------

    public record Score(int score, String evidence, String target) {
    }

    public record Assessment(long id, long placeId, int year, Kind kind, long assessorOrgId, String assessorName,
            int version, Instant updatedAt, Map<Integer, Score> scores) {
    }

    private static Assessment assessment(ResultSet rs, int n) throws SQLException {
        OffsetDateTime t = rs.getObject("updated_at", OffsetDateTime.class);
        return new Assessment(rs.getLong("id"), rs.getLong("place_id"), rs.getInt("assess_year"),
                Kind.valueOf(rs.getString("kind")), rs.getLong("assessor_org_id"), rs.getString("assessor_name"),
                rs.getInt("version"), t == null ? null : t.toInstant(), Map.of());
    }

    private List<Assessment> withScores(List<Assessment> list) {
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, Map<Integer, Score>> scores = new HashMap<>();
        jdbc.sql("select * from criteria_score where assessment_id in (:ids)")
                .param("ids", list.stream().map(Assessment::id).toList()).query((rs, n) -> {
                    scores.computeIfAbsent(rs.getLong("assessment_id"), k -> new TreeMap<>()).put(rs.getInt("criterion"),
                            new Score(rs.getInt("score"), rs.getString("evidence"), rs.getString("dev_target")));
                    return null;
                }).list();
        return list.stream().map(a -> new Assessment(a.id(), a.placeId(), a.year(), a.kind(), a.assessorOrgId(),
                a.assessorName(), a.version(), a.updatedAt(), scores.getOrDefault(a.id(), Map.of()))).toList();
    }

    public Optional<Assessment> assessment(long placeId, int year, Kind kind, long assessorOrgId) {
        return withScores(jdbc.sql("select * from criteria_assessment where place_id = :p and assess_year = :y "
                        + "and kind = :k and assessor_org_id = :o")
                .param("p", placeId).param("y", year).param("k", kind.name()).param("o", assessorOrgId)
                .query(CriteriaQueries::assessment).list()).stream().findFirst();
    }

    public Optional<Assessment> assessment(long id) {
        return jdbc.sql("select * from criteria_assessment where id = :id").param("id", id)
                .query(CriteriaQueries::assessment).optional();
    }

    public List<Assessment> peers(long placeId, int year) {
        return withScores(jdbc.sql("select * from criteria_assessment where place_id = :p and assess_year = :y "
                        + "and kind = 'PEER' order by id")
                .param("p", placeId).param("y", year).query(CriteriaQueries::assessment).list());
    }

    /** The self-assessments of the places in the years [from, to], with scores. */
    public List<Assessment> selfAssessments(Collection<Long> placeIds, int from, int to) {
        if (placeIds.isEmpty()) {
            return List.of();
        }
        List<Assessment> out = new ArrayList<>();
        List<Long> ids = List.copyOf(placeIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(jdbc.sql("select * from criteria_assessment where kind = 'SELF' and place_id in (:p) "
                            + "and assess_year between :from and :to")
                    .param("p", ids.subList(i, Math.min(ids.size(), i + 1000))).param("from", from).param("to", to)
                    .query(CriteriaQueries::assessment).list());
        }
        return withScores(out);
    }

    /**
     * Stores an assessment with its eight scores: a new one when {@code version} is null (refused when one exists),
     * else the one at that version. False when it changed meanwhile.
     */
    public boolean saveAssessment(long placeId, int year, Kind kind, long assessorOrgId, long assessorId,
            String assessorName, Integer version, Map<Integer, Score> scores, Instant now) {
        Optional<Assessment> existing = assessment(placeId, year, kind, assessorOrgId);
        long id;
        if (version == null) {
            if (existing.isPresent()) {
                return false;
            }
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into criteria_assessment (place_id, assess_year, kind, assessor_org_id, assessor_id, "
                            + "assessor_name, updated_at) values (:p, :y, :k, :o, :a, :name, :now)")
                    .param("p", placeId).param("y", year).param("k", kind.name()).param("o", assessorOrgId)
                    .param("a", assessorId).param("name", assessorName).param("now", utc(now)).update(keys, "id");
            id = keys.getKey().longValue();
        } else {
            if (existing.isEmpty()) {
                return false;
            }
            id = existing.get().id();
            int n = jdbc.sql("update criteria_assessment set assessor_id = :a, assessor_name = :name, "
                            + "version = version + 1, updated_at = :now where id = :id and version = :v")
                    .param("a", assessorId).param("name", assessorName).param("now", utc(now)).param("id", id)
                    .param("v", version).update();
            if (n != 1) {
                return false;
            }
            jdbc.sql("delete from criteria_score where assessment_id = :id").param("id", id).update();
        }
        for (var e : scores.entrySet()) {
            jdbc.sql("insert into criteria_score (assessment_id, criterion, score, evidence, dev_target) "
                            + "values (:id, :n, :s, :e, :t)")
                    .param("id", id).param("n", e.getKey()).param("s", e.getValue().score())
                    .param("e", e.getValue().evidence()).param("t", e.getValue().target()).update();
        }
        return true;
    }

    /** Forgets a deleted place's assessments (the place's own history goes with it). */
    public void deleteOfPlace(long placeId) {
        jdbc.sql("delete from criteria_assessment where place_id = :p").param("p", placeId).update();
    }

    public boolean anyAssessment(Collection<Long> placeIds) {
        return !placeIds.isEmpty() && jdbc.sql("select count(*) from criteria_assessment where place_id in (:p)")
                .param("p", List.copyOf(placeIds)).query(Long.class).single() > 0;
    }
}
