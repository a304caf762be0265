package fi.kohtaamo.participation.internal.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of quick feedback: one small insert per answer, counts per place, face and month, the free texts. */
@Repository
public class FeedbackQueries {

    private final JdbcClient jdbc;

    public FeedbackQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An answer as stored (no family data: the place, the day, the session if one was on, the face, the texts). */
    public record NewFeedback(long placeId, LocalDate day, Long activityId, LocalDate occurrenceDate, int face,
            String answerLang, boolean childMode, boolean kiosk, String best, String wish) {
    }

    /** One free text as staff read it. */
    public record Text(long id, long placeId, LocalDate day, int face, String answerLang, String best, String wish,
            Instant seenAt) {
    }

    /** The count of one face at one place in one month. */
    public record FaceMonth(long placeId, YearMonth month, int face, long count) {
    }

    public long insert(NewFeedback f) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into feedback (place_id, answered_on, activity_id, occurrence_date, face, answer_lang, child_mode, kiosk,
                                      best_text, wish_text)
                values (:place, :day, :activity, :occurrence, :face, :lang, :child, :kiosk, :best, :wish)""")
                .param("place", f.placeId()).param("day", f.day()).param("activity", f.activityId())
                .param("occurrence", f.occurrenceDate()).param("face", f.face()).param("lang", f.answerLang())
                .param("child", f.childMode()).param("kiosk", f.kiosk()).param("best", f.best()).param("wish", f.wish())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Counts per place, month and face for the months from..to (inclusive). */
    public List<FaceMonth> faceMonths(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        if (placeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select place_id, extract(year from answered_on) as y, extract(month from answered_on) as m, face, count(*) as n
                from feedback
                where place_id in (:places) and answered_on >= :from and answered_on <= :to
                group by place_id, extract(year from answered_on), extract(month from answered_on), face""")
                .param("places", placeIds).param("from", from.atDay(1)).param("to", to.atEndOfMonth())
                .query((rs, i) -> new FaceMonth(rs.getLong("place_id"), YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                        rs.getInt("face"), rs.getLong("n")))
                .list();
    }

    /** Answers of one face in one session (activity and occurrence date; both null outside sessions) on a day. */
    public record FaceSession(Long activityId, LocalDate occurrenceDate, LocalDate day, int face, long count) {
    }

    /** A place's answers over the days from..to counted per session (or day outside sessions) and face. */
    public List<FaceSession> faceSessions(long placeId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select activity_id, occurrence_date, case when activity_id is null then answered_on end as day_out,
                       face, count(*) as n
                from feedback
                where place_id = :place and answered_on >= :from and answered_on <= :to
                group by activity_id, occurrence_date, case when activity_id is null then answered_on end, face
                order by occurrence_date desc, activity_id, face desc""")
                .param("place", placeId).param("from", from).param("to", to)
                .query((rs, i) -> {
                    long a = rs.getLong("activity_id");
                    Long activity = rs.wasNull() ? null : a;
                    return new FaceSession(activity, rs.getObject("occurrence_date", LocalDate.class),
                            rs.getObject("day_out", LocalDate.class), rs.getInt("face"), rs.getLong("n"));
                })
                .list();
    }

    /**
     * A place's free texts of a period, newest first, at most {@code limit}: all of them, or only those the
     * place's staff have seen.
     */
    public List<Text> texts(long placeId, LocalDate from, LocalDate to, boolean seenOnly, int limit) {
        return jdbc.sql("""
                select id, place_id, answered_on, face, answer_lang, best_text, wish_text, seen_at
                from feedback
                where place_id = :place and answered_on >= :from and answered_on <= :to
                  and (best_text is not null or wish_text is not null)
                  and (:seenOnly = false or seen_at is not null)
                order by answered_on desc, id desc
                fetch first :limit rows only""")
                .param("place", placeId).param("from", from).param("to", to).param("seenOnly", seenOnly)
                .param("limit", limit)
                .query((rs, i) -> new Text(rs.getLong("id"), rs.getLong("place_id"), rs.getObject("answered_on", LocalDate.class),
                        rs.getInt("face"), rs.getString("answer_lang"), rs.getString("best_text"),
                        rs.getString("wish_text"), instant(rs, "seen_at")))
                .list();
    }

    /** How many free texts at the places no staff member has seen yet. */
    public long unseenTexts(List<Long> placeIds) {
        return jdbc.sql("""
                select count(*) from feedback
                where place_id in (:places) and seen_at is null
                  and (best_text is not null or wish_text is not null)""")
                .param("places", placeIds).query(Long.class).single();
    }

    /** Marks the place's unseen free texts of the period seen; returns how many. */
    public int markSeen(long placeId, LocalDate from, LocalDate to, long actorId, Instant at) {
        return jdbc.sql("""
                update feedback set seen_at = :at, seen_by = :actor
                where place_id = :place and answered_on >= :from and answered_on <= :to and seen_at is null
                  and (best_text is not null or wish_text is not null)""")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("actor", actorId).param("place", placeId)
                .param("from", from).param("to", to)
                .update();
    }

    /** Answers at a place (tests and the benchmark). */
    public long countAt(long placeId) {
        return jdbc.sql("select count(*) from feedback where place_id = :p").param("p", placeId)
                .query(Long.class).single();
    }

    /** Removes a deleted place's feedback. */
    public void deletePlace(long placeId) {
        jdbc.sql("delete from feedback where place_id = :p").param("p", placeId).update();
    }

    private static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
