package fi.kohtaamo.participation.internal.accessibility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** All SQL of feedback on accessibility. */
@Repository
public class AccessibilityQueries {

    /**
     * Feedback as stored. {@code replyTo} is erased once the answer has been mailed.
     */
    public record Feedback(long id, long countyId, String pageAddress, String body, String replyTo, Instant receivedAt,
            LocalDate dueOn, String answer, String answeredBy, Instant answeredAt, boolean answerMailed, int version) {

        public boolean answered() {
            return answeredAt != null;
        }

        /** Whether the answer is late on {@code today} (not answered and past the due day). */
        public boolean overdue(LocalDate today) {
            return answeredAt == null && today.isAfter(dueOn);
        }
    }

    private final JdbcClient jdbc;

    public AccessibilityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Feedback feedback(ResultSet rs, int n) throws SQLException {
        OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
        return new Feedback(rs.getLong("id"), rs.getLong("county_id"), rs.getString("page_address"),
                rs.getString("body"), rs.getString("reply_to"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getObject("due_on", LocalDate.class),
                rs.getString("answer"), rs.getString("answered_by"), answered == null ? null : answered.toInstant(),
                rs.getBoolean("answer_mailed"), rs.getInt("version"));
    }

    public long insert(long countyId, String pageAddress, String body, String replyTo, Instant now, LocalDate due) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into accessibility_feedback (county_id, page_address, body, reply_to, received_at, due_on, updated_at)
                values (:county, :page, :body, :reply, :now, :due, :now)""")
                .param("county", countyId).param("page", pageAddress).param("body", body).param("reply", replyTo)
                .param("now", utc(now)).param("due", due).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Feedback> feedback(long id) {
        return jdbc.sql("select * from accessibility_feedback where id = :id").param("id", id)
                .query(AccessibilityQueries::feedback).optional();
    }

    /** Feedback of a county (all when {@code all}), unanswered first by due day, then the answered newest first. */
    public List<Feedback> list(boolean all, long county) {
        return jdbc.sql("""
                select * from accessibility_feedback where (:all or county_id = :county)
                order by case when answered_at is null then 0 else 1 end, due_on, received_at desc
                fetch first 500 rows only""")
                .param("all", all).param("county", county).query(AccessibilityQueries::feedback).list();
    }

    /** Records the answer and forgets the address it was sent to. */
    public boolean answer(long id, int version, String answer, String by, boolean mailed, Instant now) {
        return jdbc.sql("""
                update accessibility_feedback set answer = :answer, answered_by = :by, answered_at = :now,
                       answer_mailed = :mailed, reply_to = null, version = version + 1, updated_at = :now
                where id = :id and version = :v and answered_at is null""")
                .param("answer", answer).param("by", by).param("mailed", mailed).param("now", utc(now))
                .param("id", id).param("v", version).update() == 1;
    }
}
