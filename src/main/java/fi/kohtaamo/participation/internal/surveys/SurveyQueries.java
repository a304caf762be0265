package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Choice;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Op;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of visitor surveys. */
@Repository
class SurveyQueries {

    static final int MAX_LIST = 500;

    private final JdbcClient jdbc;

    SurveyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- surveys --------------------------------------------------------------------------------

    private static Survey survey(ResultSet rs, List<Long> places) throws SQLException {
        return new Survey(rs.getLong("id"), rs.getLong("county_id"),
                LocalizedText.of(rs.getString("title_fi"), rs.getString("title_sv"), rs.getString("title_en")),
                LocalizedText.of(rs.getString("intro_fi"), rs.getString("intro_sv"), rs.getString("intro_en")),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
                (Long) rs.getObject("previous_id", Long.class), rs.getString("template_key"), rs.getInt("version"),
                places);
    }

    Optional<Survey> survey(long id) {
        return jdbc.sql("select * from survey where id = :id").param("id", id)
                .query((rs, n) -> survey(rs, placesOf(id))).optional();
    }

    List<Long> placesOf(long surveyId) {
        return jdbc.sql("select place_id from survey_place where survey_id = :id order by place_id")
                .param("id", surveyId).query(Long.class).list();
    }

    /** Surveys open at any of the places, newest first. */
    List<Survey> surveysAt(Collection<Long> placeIds) {
        if (placeIds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("""
                select s.id from survey s
                where exists (select 1 from survey_place sp where sp.survey_id = s.id and sp.place_id in (:places))
                order by s.opens_on desc, s.id desc""").param("places", List.copyOf(placeIds)).query(Long.class)
                .list();
        return ids.stream().limit(MAX_LIST).map(id -> survey(id).orElseThrow()).toList();
    }

    /** The surveys of a place open on the day. */
    List<Survey> openAt(long placeId, LocalDate day) {
        return jdbc.sql("""
                select s.id from survey s join survey_place sp on sp.survey_id = s.id
                where sp.place_id = :place and s.opens_on <= :day and s.closes_on >= :day order by s.id""")
                .param("place", placeId).param("day", day).query(Long.class).list().stream()
                .map(id -> survey(id).orElseThrow()).toList();
    }

    long insertSurvey(long countyId, LocalizedText title, LocalizedText intro, LocalDate opens, LocalDate closes,
            Long previousId, String templateKey, long createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey (county_id, title_fi, title_sv, title_en, intro_fi, intro_sv, intro_en, opens_on,
                                    closes_on, previous_id, template_key, created_by, updated_at)
                values (:county, :tfi, :tsv, :ten, :ifi, :isv, :ien, :opens, :closes, :prev, :tpl, :by, :now)""")
                .param("county", countyId).param("tfi", title.fi()).param("tsv", title.sv()).param("ten", title.en())
                .param("ifi", intro.fi()).param("isv", intro.sv()).param("ien", intro.en()).param("opens", opens)
                .param("closes", closes).param("prev", previousId).param("tpl", templateKey).param("by", createdBy)
                .param("now", Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Updates the details when the version matches; false when another change came first. */
    boolean updateSurvey(long id, int version, LocalizedText title, LocalizedText intro, LocalDate opens,
            LocalDate closes, Long previousId, Instant now) {
        return jdbc.sql("""
                update survey set title_fi = :tfi, title_sv = :tsv, title_en = :ten, intro_fi = :ifi, intro_sv = :isv,
                       intro_en = :ien, opens_on = :opens, closes_on = :closes, previous_id = :prev,
                       version = version + 1, updated_at = :now
                where id = :id and version = :version""")
                .param("tfi", title.fi()).param("tsv", title.sv()).param("ten", title.en())
                .param("ifi", intro.fi()).param("isv", intro.sv()).param("ien", intro.en()).param("opens", opens)
                .param("closes", closes).param("prev", previousId).param("now", Timestamp.from(now))
                .param("id", id).param("version", version).update() == 1;
    }

    void setPlaces(long surveyId, Collection<Long> placeIds) {
        jdbc.sql("delete from survey_place where survey_id = :id").param("id", surveyId).update();
        for (long p : placeIds) {
            jdbc.sql("insert into survey_place (survey_id, place_id) values (:id, :p)").param("id", surveyId)
                    .param("p", p).update();
        }
    }

    /** Marks the survey changed (its questions), for optimistic locking of the builder's forms. */
    void touch(long id, Instant now) {
        jdbc.sql("update survey set version = version + 1, updated_at = :now where id = :id").param("id", id)
                .param("now", Timestamp.from(now)).update();
    }

    void deleteSurvey(long id) {
        jdbc.sql("update survey set previous_id = null where previous_id = :id").param("id", id).update();
        jdbc.sql("update survey_question set cond_question_id = null where survey_id = :id").param("id", id).update();
        jdbc.sql("delete from survey where id = :id").param("id", id).update();
    }

    // ---- questions ------------------------------------------------------------------------------

    List<Question> questions(long surveyId) {
        Map<Long, List<Choice>> options = new LinkedHashMap<>();
        jdbc.sql("""
                select o.* from survey_option o join survey_question q on q.id = o.question_id
                where q.survey_id = :id order by o.question_id, o.position""").param("id", surveyId)
                .query((RowCallback) rs -> options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                        .add(new Choice(rs.getString("code"), LocalizedText.of(rs.getString("text_fi"),
                                rs.getString("text_sv"), rs.getString("text_en")))));
        return jdbc.sql("select * from survey_question where survey_id = :id order by position, id")
                .param("id", surveyId).query((rs, n) -> new Question(rs.getLong("id"), rs.getInt("position"),
                        rs.getString("code"), Kind.valueOf(rs.getString("kind")),
                        LocalizedText.of(rs.getString("text_fi"), rs.getString("text_sv"), rs.getString("text_en")),
                        rs.getBoolean("required"), (Long) rs.getObject("cond_question_id", Long.class),
                        rs.getString("cond_op") == null ? null : Op.valueOf(rs.getString("cond_op")),
                        rs.getString("cond_value"), rs.getBoolean("retired"),
                        List.copyOf(options.getOrDefault(rs.getLong("id"), List.of())))).list();
    }

    /** For reading rows one by one without a mapper's result list. */
    interface RowCallback extends org.springframework.jdbc.core.RowCallbackHandler {
    }

    long insertQuestion(long surveyId, int position, String code, Kind kind, LocalizedText text, boolean required,
            Long condQuestionId, Op condOp, String condValue) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey_question (survey_id, position, code, kind, text_fi, text_sv, text_en, required,
                                             cond_question_id, cond_op, cond_value)
                values (:s, :pos, :code, :kind, :fi, :sv, :en, :req, :cq, :op, :cv)""")
                .param("s", surveyId).param("pos", position).param("code", code).param("kind", kind.name())
                .param("fi", text.fi()).param("sv", text.sv()).param("en", text.en()).param("req", required)
                .param("cq", condQuestionId).param("op", condOp == null ? null : condOp.name()).param("cv", condValue)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateQuestion(long id, Kind kind, LocalizedText text, boolean required, Long condQuestionId, Op condOp,
            String condValue) {
        jdbc.sql("""
                update survey_question set kind = :kind, text_fi = :fi, text_sv = :sv, text_en = :en, required = :req,
                       cond_question_id = :cq, cond_op = :op, cond_value = :cv
                where id = :id""")
                .param("kind", kind.name()).param("fi", text.fi()).param("sv", text.sv()).param("en", text.en())
                .param("req", required).param("cq", condQuestionId).param("op", condOp == null ? null : condOp.name())
                .param("cv", condValue).param("id", id).update();
    }

    void setPosition(long questionId, int position) {
        jdbc.sql("update survey_question set position = :pos where id = :id").param("pos", position)
                .param("id", questionId).update();
    }

    void retire(long questionId) {
        jdbc.sql("update survey_question set retired = true where id = :id").param("id", questionId).update();
    }

    void deleteQuestion(long questionId) {
        jdbc.sql("delete from survey_question where id = :id").param("id", questionId).update();
    }

    void replaceOptions(long questionId, List<Choice> options) {
        jdbc.sql("delete from survey_option where question_id = :id").param("id", questionId).update();
        int pos = 0;
        for (Choice c : options) {
            jdbc.sql("""
                    insert into survey_option (question_id, position, code, text_fi, text_sv, text_en)
                    values (:q, :pos, :code, :fi, :sv, :en)""").param("q", questionId).param("pos", pos++)
                    .param("code", c.code()).param("fi", c.text().fi()).param("sv", c.text().sv())
                    .param("en", c.text().en()).update();
        }
    }

    /** Changes the options' texts only (same codes), when answers exist. */
    void updateOptionText(long questionId, String code, LocalizedText text) {
        jdbc.sql("""
                update survey_option set text_fi = :fi, text_sv = :sv, text_en = :en
                where question_id = :q and code = :code""").param("fi", text.fi()).param("sv", text.sv())
                .param("en", text.en()).param("q", questionId).param("code", code).update();
    }

    // ---- responses ------------------------------------------------------------------------------

    long responses(long surveyId) {
        return jdbc.sql("select count(*) from survey_response where survey_id = :id").param("id", surveyId)
                .query(Long.class).single();
    }

    boolean tokenUsed(String token) {
        return jdbc.sql("select count(*) from survey_response where token = :t").param("t", token)
                .query(Long.class).single() > 0;
    }

    long insertResponse(long surveyId, long placeId, LocalDate day, String lang, String token) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into survey_response (survey_id, place_id, answered_on, lang, token)
                values (:s, :p, :d, :lang, :t)""").param("s", surveyId).param("p", placeId).param("d", day)
                .param("lang", lang).param("t", token).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertAnswer(long responseId, long questionId, String code, String text) {
        jdbc.sql("""
                insert into survey_answer (response_id, question_id, value_code, text_value)
                values (:r, :q, :c, :t)""").param("r", responseId).param("q", questionId).param("c", code)
                .param("t", text).update();
    }

    /** Responses per place of the survey. */
    Map<Long, Long> responsesPerPlace(long surveyId) {
        Map<Long, Long> out = new LinkedHashMap<>();
        jdbc.sql("""
                select place_id, count(*) n from survey_response where survey_id = :s group by place_id""")
                .param("s", surveyId).query((RowCallback) rs -> out.put(rs.getLong("place_id"), rs.getLong("n")));
        return out;
    }

    /** A count per place, question and chosen code (code null: how many responses answered the question). */
    record Tally(long placeId, long questionId, String code, long count) {
    }

    List<Tally> tallies(long surveyId) {
        List<Tally> out = new ArrayList<>(jdbc.sql("""
                select r.place_id, a.question_id, a.value_code, count(*) n
                from survey_answer a join survey_response r on r.id = a.response_id
                where r.survey_id = :s and a.value_code is not null
                group by r.place_id, a.question_id, a.value_code""").param("s", surveyId)
                .query((rs, n) -> new Tally(rs.getLong("place_id"), rs.getLong("question_id"),
                        rs.getString("value_code"), rs.getLong("n"))).list());
        out.addAll(jdbc.sql("""
                select r.place_id, a.question_id, count(distinct a.response_id) n
                from survey_answer a join survey_response r on r.id = a.response_id
                where r.survey_id = :s
                group by r.place_id, a.question_id""").param("s", surveyId)
                .query((rs, n) -> new Tally(rs.getLong("place_id"), rs.getLong("question_id"), null, rs.getLong("n")))
                .list());
        return out;
    }

    record Text(long placeId, long questionId, String text) {
    }

    List<Text> texts(long surveyId) {
        return jdbc.sql("""
                select r.place_id, a.question_id, a.text_value
                from survey_answer a join survey_response r on r.id = a.response_id
                where r.survey_id = :s and a.text_value is not null
                order by a.text_value""").param("s", surveyId)
                .query((rs, n) -> new Text(rs.getLong("place_id"), rs.getLong("question_id"), rs.getString("text_value")))
                .list();
    }

    /** Responses per place and day, for the monitoring figures. */
    record PlaceDay(long placeId, LocalDate day, long count) {
    }

    List<PlaceDay> responsesPerPlaceDay(Collection<Long> placeIds, LocalDate from, LocalDate to) {
        if (placeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select place_id, answered_on, count(*) n from survey_response
                where place_id in (:places) and answered_on >= :from and answered_on <= :to
                group by place_id, answered_on""").param("places", List.copyOf(placeIds)).param("from", from)
                .param("to", to).query((rs, n) -> new PlaceDay(rs.getLong("place_id"),
                        rs.getObject("answered_on", LocalDate.class), rs.getLong("n"))).list();
    }
}
