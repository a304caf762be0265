package fi.kohtaamo.calendar.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@code activity_text} (V33): an activity's name and description in other languages. */
@Repository
public class ActivityTextQueries {

    private final JdbcClient jdbc;

    public ActivityTextQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the texts of the activities {@code ids} to {@code into}, in the order of their language tags. */
    static void load(JdbcClient jdbc, List<Long> ids, Map<Long, List<ActivityText>> into) {
        jdbc.sql("select activity_id, lang, name, description, version, updated_at from activity_text "
                + "where activity_id in (:ids) order by activity_id, lang").param("ids", ids)
                .query(rs -> {
                    into.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ActivityText(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant()));
                });
    }

    public void insert(long activityId, ActivityText t, Instant now) {
        jdbc.sql("insert into activity_text (activity_id, lang, name, description, version, updated_at) "
                        + "values (:a, :lang, :name, :description, 0, :now)")
                .param("a", activityId).param("lang", t.lang()).param("name", t.name())
                .param("description", t.description()).param("now", now.atOffset(ZoneOffset.UTC)).update();
        touch(activityId, now);
    }

    /** Updates the text when its version is still {@code version}; false when someone changed it first. */
    public boolean update(long activityId, ActivityText t, int version, Instant now) {
        int n = jdbc.sql("update activity_text set name = :name, description = :description, version = version + 1, "
                        + "updated_at = :now where activity_id = :a and lang = :lang and version = :version")
                .param("a", activityId).param("lang", t.lang()).param("name", t.name())
                .param("description", t.description()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("version", version).update();
        if (n == 1) {
            touch(activityId, now);
        }
        return n == 1;
    }

    /** Deletes the text when its version is still {@code version}; false when it changed or is gone. */
    public boolean delete(long activityId, String lang, int version, Instant now) {
        int n = jdbc.sql("delete from activity_text where activity_id = :a and lang = :lang and version = :version")
                .param("a", activityId).param("lang", lang).param("version", version).update();
        if (n == 1) {
            touch(activityId, now);
        }
        return n == 1;
    }

    /** A text changed: the activity's version and updated_at move too, so feeds and caches see a change. */
    private void touch(long activityId, Instant now) {
        jdbc.sql("update activity set updated_at = :now, version = version + 1 where id = :id")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", activityId).update();
    }
}
