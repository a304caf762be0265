package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.shared.LocalizedText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of the calendar. Runs on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
public class ActivityQueries {

    private final JdbcClient jdbc;

    public ActivityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An activity with its rule and everything the planner needs except the exceptions. */
    public record Activity(long id, long placeId, ActivityKind kind, LocalizedText name, LocalizedText description,
            Integer ageMinMonths, Integer ageMaxMonths, boolean freeOfCharge, LocalizedText price,
            boolean registrationRequired, LocalizedText registration, Schedule schedule, boolean pausesOnHolidays,
            boolean followsSchoolHolidays, String schoolLanguage, boolean published, boolean demo, int version,
            Instant updatedAt, List<Long> organiserIds, List<String> languages, List<ActivityText> texts) {

        /** An activity without texts in other languages. */
        public Activity(long id, long placeId, ActivityKind kind, LocalizedText name, LocalizedText description,
                Integer ageMinMonths, Integer ageMaxMonths, boolean freeOfCharge, LocalizedText price,
                boolean registrationRequired, LocalizedText registration, Schedule schedule, boolean pausesOnHolidays,
                boolean followsSchoolHolidays, String schoolLanguage, boolean published, boolean demo, int version,
                Instant updatedAt, List<Long> organiserIds, List<String> languages) {
            this(id, placeId, kind, name, description, ageMinMonths, ageMaxMonths, freeOfCharge, price,
                    registrationRequired, registration, schedule, pausesOnHolidays, followsSchoolHolidays,
                    schoolLanguage, published, demo, version, updatedAt, organiserIds, languages, List.of());
        }

        public Activity {
            texts = texts == null ? List.of() : List.copyOf(texts);
        }
    }

    public record ChangeRow(long activityId, LocalDate originalDate, String kind, LocalDate newDate, LocalTime newStart,
            Integer newDurationMinutes, LocalizedText reason) {
    }

    public record PauseRow(long id, long activityId, LocalDate start, LocalDate end, LocalizedText reason) {
    }

    public record SchoolHoliday(long id, String municipalityCode, String schoolLanguage, LocalDate start,
            LocalDate end, LocalizedText name) {
    }

    static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedText(rs.getString(prefix + "_fi"), rs.getString(prefix + "_sv"), rs.getString(prefix + "_en"));
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static OffsetDateTime ts(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Set<DayOfWeek> weekdays(String stored) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (stored != null && !stored.isBlank()) {
            for (String d : stored.split(",")) {
                days.add(DayOfWeek.of(Integer.parseInt(d.strip())));
            }
        }
        return days;
    }

    static String weekdays(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue())).collect(Collectors.joining(","));
    }

    private static final String COLUMNS = """
            a.id, a.place_id, a.kind, a.name_fi, a.name_sv, a.name_en, a.description_fi, a.description_sv,
            a.description_en, a.age_min_months, a.age_max_months, a.free_of_charge, a.price_fi, a.price_sv, a.price_en,
            a.registration_required, a.registration_fi, a.registration_sv, a.registration_en, a.schedule_kind,
            a.weekdays, a.week_parity, a.month_nth, a.season_start, a.season_end, a.start_time, a.duration_minutes,
            a.pauses_on_holidays, a.follows_school_holidays, a.school_language, a.published, a.demo, a.version,
            a.updated_at""";

    /** Reads the activity rows of a query and attaches their organisers, languages and dates in three queries. */
    private List<Activity> activities(JdbcClient.StatementSpec spec) {
        List<Object[]> rows = spec.query((rs, n) -> new Object[] {
                rs.getLong("id"), rs.getLong("place_id"), ActivityKind.valueOf(rs.getString("kind")), text(rs, "name"),
                text(rs, "description"), nullableInt(rs, "age_min_months"), nullableInt(rs, "age_max_months"),
                rs.getBoolean("free_of_charge"), text(rs, "price"), rs.getBoolean("registration_required"),
                text(rs, "registration"), rs.getString("schedule_kind"), rs.getString("weekdays"),
                rs.getString("week_parity"), nullableInt(rs, "month_nth"), rs.getObject("season_start", LocalDate.class),
                rs.getObject("season_end", LocalDate.class), rs.getObject("start_time", LocalTime.class),
                rs.getInt("duration_minutes"), rs.getBoolean("pauses_on_holidays"),
                rs.getBoolean("follows_school_holidays"), rs.getString("school_language"), rs.getBoolean("published"),
                rs.getBoolean("demo"), rs.getInt("version"), rs.getObject("updated_at", OffsetDateTime.class)}).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> (Long) r[0]).toList();
        Map<Long, List<Long>> organisers = new HashMap<>();
        Map<Long, List<String>> languages = new HashMap<>();
        Map<Long, List<LocalDate>> dates = new HashMap<>();
        Map<Long, List<ActivityText>> texts = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            ActivityTextQueries.load(jdbc, chunk, texts);
            jdbc.sql("select activity_id, organisation_id from activity_organiser where activity_id in (:ids) "
                    + "order by activity_id, organisation_id").param("ids", chunk)
                    .query(rs -> {
                        organisers.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
            jdbc.sql("select activity_id, language from activity_language where activity_id in (:ids) "
                    + "order by activity_id, language").param("ids", chunk)
                    .query(rs -> {
                        languages.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                    });
            jdbc.sql("select activity_id, on_date from activity_date where activity_id in (:ids) "
                    + "order by activity_id, on_date").param("ids", chunk)
                    .query(rs -> {
                        dates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(rs.getObject(2, LocalDate.class));
                    });
        }
        List<Activity> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long id = (Long) r[0];
            Schedule schedule = new Schedule(Schedule.Kind.valueOf((String) r[11]), weekdays((String) r[12]),
                    Schedule.WeekParity.valueOf((String) r[13]), r[14] == null ? 0 : (Integer) r[14],
                    List.copyOf(dates.getOrDefault(id, List.of())), (LocalDate) r[15], (LocalDate) r[16],
                    (LocalTime) r[17], (Integer) r[18]);
            List<String> langs = new ArrayList<>(languages.getOrDefault(id, List.of()));
            out.add(new Activity(id, (Long) r[1], (ActivityKind) r[2], (LocalizedText) r[3], (LocalizedText) r[4],
                    (Integer) r[5], (Integer) r[6], (Boolean) r[7], (LocalizedText) r[8], (Boolean) r[9],
                    (LocalizedText) r[10], schedule, (Boolean) r[19], (Boolean) r[20], (String) r[21], (Boolean) r[22],
                    (Boolean) r[23], (Integer) r[24], ((OffsetDateTime) r[25]).toInstant(),
                    List.copyOf(organisers.getOrDefault(id, List.of())), List.copyOf(langs),
                    texts.getOrDefault(id, List.of())));
        }
        return out;
    }

    /** IN lists are bound in chunks so that no database meets a list of 50 000 parameters. */
    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return out;
    }

    public Optional<Activity> activity(long id) {
        return activities(jdbc.sql("select " + COLUMNS + " from activity a where a.id = :id").param("id", id)).stream()
                .findFirst();
    }

    public List<Activity> activitiesOfPlace(long placeId) {
        return activities(jdbc.sql("select " + COLUMNS + " from activity a where a.place_id = :p "
                + "order by a.season_start, a.start_time, a.name_fi, a.id").param("p", placeId));
    }

    /** Every activity (published or not) of these places, by place, season and time. */
    public List<Activity> activitiesOfPlaces(Collection<Long> placeIds) {
        List<Activity> out = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(placeIds))) {
            out.addAll(activities(jdbc.sql("select " + COLUMNS + " from activity a where a.place_id in (:p) "
                    + "order by a.place_id, a.season_start, a.start_time, a.name_fi, a.id").param("p", chunk)));
        }
        return out;
    }

    /** The activities (published or not) of the places whose season overlaps [from, to]. */
    public List<Activity> activitiesOfPlacesBetween(Collection<Long> placeIds, LocalDate from, LocalDate to) {
        List<Activity> out = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(placeIds))) {
            out.addAll(activities(jdbc.sql("select " + COLUMNS + " from activity a where a.place_id in (:p) "
                    + "and a.season_start <= :to and a.season_end >= :from order by a.place_id, a.id")
                    .param("p", chunk).param("from", from).param("to", to)));
        }
        return out;
    }

    /** Published activities whose season overlaps [from, to], optionally only at the given places. */
    public List<Activity> activitiesBetween(LocalDate from, LocalDate to, Collection<Long> placeIds) {
        String base = "select " + COLUMNS + " from activity a where a.published = true and a.season_start <= :to "
                + "and a.season_end >= :from";
        if (placeIds == null) {
            return activities(jdbc.sql(base + " order by a.id").param("from", from).param("to", to));
        }
        List<Activity> out = new ArrayList<>();
        for (List<Long> chunk : chunks(List.copyOf(placeIds))) {
            out.addAll(activities(jdbc.sql(base + " and a.place_id in (:places) order by a.id").param("from", from)
                    .param("to", to).param("places", chunk)));
        }
        return out;
    }

    /** Marks an activity as demo data (another module's demo event, created through the service). */
    public void markDemo(long id) {
        jdbc.sql("update activity set demo = true where id = :id").param("id", id).update();
    }

    public long insert(ActivityCommand c, boolean demo, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into activity (place_id, kind, name_fi, name_sv, name_en, description_fi, description_sv,
                    description_en, age_min_months, age_max_months, free_of_charge, price_fi, price_sv, price_en,
                    registration_required, registration_fi, registration_sv, registration_en, schedule_kind, weekdays,
                    week_parity, month_nth, season_start, season_end, start_time, duration_minutes, pauses_on_holidays,
                    follows_school_holidays, school_language, published, demo, created_at, updated_at)
                values (:place_id, :kind, :name_fi, :name_sv, :name_en, :description_fi, :description_sv,
                    :description_en, :age_min_months, :age_max_months, :free_of_charge, :price_fi, :price_sv, :price_en,
                    :registration_required, :registration_fi, :registration_sv, :registration_en, :schedule_kind,
                    :weekdays, :week_parity, :month_nth, :season_start, :season_end, :start_time, :duration_minutes,
                    :pauses_on_holidays, :follows_school_holidays, :school_language, :published, :demo, :now, :now)""")
                .params(params(c)).param("demo", demo).param("now", ts(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        writeChildren(id, c);
        return id;
    }

    public boolean update(long id, int version, ActivityCommand c, Instant now) {
        int n = jdbc.sql("""
                update activity set place_id = :place_id, kind = :kind, name_fi = :name_fi, name_sv = :name_sv,
                    name_en = :name_en, description_fi = :description_fi, description_sv = :description_sv,
                    description_en = :description_en, age_min_months = :age_min_months, age_max_months = :age_max_months,
                    free_of_charge = :free_of_charge, price_fi = :price_fi, price_sv = :price_sv, price_en = :price_en,
                    registration_required = :registration_required, registration_fi = :registration_fi,
                    registration_sv = :registration_sv, registration_en = :registration_en,
                    schedule_kind = :schedule_kind, weekdays = :weekdays, week_parity = :week_parity,
                    month_nth = :month_nth, season_start = :season_start, season_end = :season_end,
                    start_time = :start_time, duration_minutes = :duration_minutes,
                    pauses_on_holidays = :pauses_on_holidays, follows_school_holidays = :follows_school_holidays,
                    school_language = :school_language, published = :published, version = version + 1,
                    updated_at = :now
                where id = :id and version = :version""")
                .params(params(c)).param("now", ts(now)).param("id", id).param("version", version).update();
        if (n != 1) {
            return false;
        }
        for (String table : List.of("activity_organiser", "activity_language", "activity_date")) {
            jdbc.sql("delete from " + table + " where activity_id = :id").param("id", id).update();
        }
        writeChildren(id, c);
        return true;
    }

    /** Moves the seasons of many activities at once; returns how many changed. */
    public int setSeason(Collection<Long> ids, LocalDate start, LocalDate end, Instant now) {
        int n = 0;
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            n += jdbc.sql("update activity set season_start = :s, season_end = :e, version = version + 1, "
                    + "updated_at = :now where id in (:ids) and schedule_kind in ('WEEKLY', 'MONTHLY')")
                    .param("s", start).param("e", end).param("now", ts(now)).param("ids", chunk).update();
        }
        return n;
    }

    public void delete(long id) {
        jdbc.sql("delete from activity where id = :id").param("id", id).update();
    }

    private static Map<String, Object> params(ActivityCommand c) {
        Map<String, Object> p = new HashMap<>();
        p.put("place_id", c.placeId());
        p.put("kind", c.kind().name());
        put(p, "name", c.name());
        put(p, "description", c.description());
        put(p, "price", c.price());
        put(p, "registration", c.registration());
        p.put("age_min_months", c.ageMinMonths());
        p.put("age_max_months", c.ageMaxMonths());
        p.put("free_of_charge", c.freeOfCharge());
        p.put("registration_required", c.registrationRequired());
        Schedule s = c.schedule();
        p.put("schedule_kind", s.kind().name());
        p.put("weekdays", weekdays(s.weekdays()));
        p.put("week_parity", s.parity().name());
        p.put("month_nth", s.kind() == Schedule.Kind.MONTHLY ? s.nth() : null);
        p.put("season_start", s.seasonStart());
        p.put("season_end", s.seasonEnd());
        p.put("start_time", s.start());
        p.put("duration_minutes", s.durationMinutes());
        p.put("pauses_on_holidays", c.pausesOnHolidays());
        p.put("follows_school_holidays", c.followsSchoolHolidays());
        p.put("school_language", c.schoolLanguage());
        p.put("published", c.published());
        return p;
    }

    private static void put(Map<String, Object> p, String prefix, LocalizedText t) {
        p.put(prefix + "_fi", t.fi());
        p.put(prefix + "_sv", t.sv());
        p.put(prefix + "_en", t.en());
    }

    private void writeChildren(long id, ActivityCommand c) {
        for (Long org : c.organiserIds()) {
            jdbc.sql("insert into activity_organiser (activity_id, organisation_id) values (:a, :o)").param("a", id)
                    .param("o", org).update();
        }
        for (String l : c.languages()) {
            jdbc.sql("insert into activity_language (activity_id, language) values (:a, :l)").param("a", id)
                    .param("l", l).update();
        }
        for (LocalDate d : c.schedule().kind() == Schedule.Kind.DATES ? c.schedule().dates() : List.<LocalDate>of()) {
            jdbc.sql("insert into activity_date (activity_id, on_date) values (:a, :d)").param("a", id).param("d", d)
                    .update();
        }
    }

    // ---- exceptions: changes of single occurrences and pauses ---------------------------------

    public Map<Long, List<ChangeRow>> changes(Collection<Long> activityIds, LocalDate from, LocalDate to) {
        Map<Long, List<ChangeRow>> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(activityIds))) {
            jdbc.sql("""
                    select activity_id, original_date, change_kind, new_date, new_start_time, new_duration_minutes,
                           reason_fi, reason_sv, reason_en
                    from occurrence_change
                    where activity_id in (:ids) and ((original_date between :from and :to)
                          or (new_date between :from and :to))""")
                    .param("ids", chunk).param("from", from).param("to", to)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>()).add(new ChangeRow(
                                rs.getLong("activity_id"), rs.getObject("original_date", LocalDate.class),
                                rs.getString("change_kind"), rs.getObject("new_date", LocalDate.class),
                                rs.getObject("new_start_time", LocalTime.class), nullableInt(rs, "new_duration_minutes"),
                                text(rs, "reason")));
                    });
        }
        return out;
    }

    public void saveChange(ChangeRow c, Instant now) {
        jdbc.sql("delete from occurrence_change where activity_id = :a and original_date = :d")
                .param("a", c.activityId()).param("d", c.originalDate()).update();
        jdbc.sql("""
                insert into occurrence_change (activity_id, original_date, change_kind, new_date, new_start_time,
                    new_duration_minutes, reason_fi, reason_sv, reason_en, updated_at)
                values (:a, :d, :k, :nd, :ns, :nm, :fi, :sv, :en, :now)""")
                .param("a", c.activityId()).param("d", c.originalDate()).param("k", c.kind()).param("nd", c.newDate())
                .param("ns", c.newStart()).param("nm", c.newDurationMinutes()).param("fi", c.reason().fi())
                .param("sv", c.reason().sv()).param("en", c.reason().en()).param("now", ts(now)).update();
        touch(c.activityId(), now);
    }

    public boolean deleteChange(long activityId, LocalDate originalDate, Instant now) {
        int n = jdbc.sql("delete from occurrence_change where activity_id = :a and original_date = :d")
                .param("a", activityId).param("d", originalDate).update();
        if (n > 0) {
            touch(activityId, now);
        }
        return n > 0;
    }

    public Map<Long, List<PauseRow>> pauses(Collection<Long> activityIds, LocalDate from, LocalDate to) {
        Map<Long, List<PauseRow>> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(activityIds))) {
            jdbc.sql("""
                    select id, activity_id, start_date, end_date, reason_fi, reason_sv, reason_en from activity_pause
                    where activity_id in (:ids) and start_date <= :to and end_date >= :from order by start_date""")
                    .param("ids", chunk).param("from", from).param("to", to)
                    .query(rs -> {
                        out.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>()).add(new PauseRow(
                                rs.getLong("id"), rs.getLong("activity_id"), rs.getObject("start_date", LocalDate.class),
                                rs.getObject("end_date", LocalDate.class), text(rs, "reason")));
                    });
        }
        return out;
    }

    public long insertPause(long activityId, LocalDate start, LocalDate end, LocalizedText reason, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into activity_pause (activity_id, start_date, end_date, reason_fi, reason_sv, reason_en)
                values (:a, :s, :e, :fi, :sv, :en)""")
                .param("a", activityId).param("s", start).param("e", end).param("fi", reason.fi())
                .param("sv", reason.sv()).param("en", reason.en()).update(keys, "id");
        touch(activityId, now);
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean deletePause(long activityId, long pauseId, Instant now) {
        int n = jdbc.sql("delete from activity_pause where id = :id and activity_id = :a").param("id", pauseId)
                .param("a", activityId).update();
        if (n > 0) {
            touch(activityId, now);
        }
        return n > 0;
    }

    /** A change to an occurrence or pause is a change of the activity for feeds and syncing clients. */
    private void touch(long activityId, Instant now) {
        jdbc.sql("update activity set updated_at = :now, version = version + 1 where id = :id").param("now", ts(now))
                .param("id", activityId).update();
    }

    // ---- school holidays ----------------------------------------------------------------------

    public List<SchoolHoliday> schoolHolidays(Collection<String> municipalityCodes, LocalDate from, LocalDate to) {
        if (municipalityCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select id, municipality_code, school_language, start_date, end_date, name_fi, name_sv, name_en
                from school_holiday
                where municipality_code in (:codes) and start_date <= :to and end_date >= :from
                order by municipality_code, start_date""")
                .param("codes", List.copyOf(municipalityCodes)).param("from", from).param("to", to)
                .query((rs, n) -> new SchoolHoliday(rs.getLong("id"), rs.getString("municipality_code"),
                        rs.getString("school_language"), rs.getObject("start_date", LocalDate.class),
                        rs.getObject("end_date", LocalDate.class), text(rs, "name")))
                .list();
    }

    public long insertSchoolHoliday(String municipalityCode, String schoolLanguage, LocalDate start, LocalDate end,
            LocalizedText name, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into school_holiday (municipality_code, school_language, start_date, end_date, name_fi, name_sv,
                    name_en, updated_at)
                values (:m, :l, :s, :e, :fi, :sv, :en, :now)""")
                .param("m", municipalityCode).param("l", schoolLanguage).param("s", start).param("e", end)
                .param("fi", name.fi()).param("sv", name.sv()).param("en", name.en()).param("now", ts(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static final String SCHOOL_HOLIDAY_COLUMNS = """
            select id, municipality_code, school_language, start_date, end_date, name_fi, name_sv, name_en
            from school_holiday""";

    private static SchoolHoliday schoolHoliday(ResultSet rs) throws SQLException {
        return new SchoolHoliday(rs.getLong("id"), rs.getString("municipality_code"), rs.getString("school_language"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), text(rs, "name"));
    }

    /** Every school holiday of these municipalities, for staff lists. */
    public List<SchoolHoliday> schoolHolidaysOf(Collection<String> municipalityCodes) {
        if (municipalityCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SCHOOL_HOLIDAY_COLUMNS + """
                 where municipality_code in (:codes)
                order by municipality_code, school_language, start_date, id""")
                .param("codes", List.copyOf(municipalityCodes)).query((rs, n) -> schoolHoliday(rs)).list();
    }

    public Optional<SchoolHoliday> schoolHoliday(long id) {
        return jdbc.sql(SCHOOL_HOLIDAY_COLUMNS + " where id = :id").param("id", id).query((rs, n) -> schoolHoliday(rs))
                .optional();
    }

    public void updateSchoolHoliday(long id, String municipalityCode, String schoolLanguage, LocalDate start,
            LocalDate end, LocalizedText name, Instant now) {
        jdbc.sql("""
                update school_holiday set municipality_code = :m, school_language = :l, start_date = :s, end_date = :e,
                    name_fi = :fi, name_sv = :sv, name_en = :en, updated_at = :now
                where id = :id""")
                .param("m", municipalityCode).param("l", schoolLanguage).param("s", start).param("e", end)
                .param("fi", name.fi()).param("sv", name.sv()).param("en", name.en()).param("now", ts(now))
                .param("id", id).update();
    }

    public void deleteSchoolHoliday(long id) {
        jdbc.sql("delete from school_holiday where id = :id").param("id", id).update();
    }

    /** The newest change of any published activity or school holiday: the calendar's version for validators. */
    public Instant lastModified() {
        Instant a = jdbc.sql("select max(updated_at) from activity").query((rs, n) -> {
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? Instant.EPOCH : t.toInstant();
        }).single();
        Instant s = jdbc.sql("select max(updated_at) from school_holiday").query((rs, n) -> {
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? Instant.EPOCH : t.toInstant();
        }).single();
        return a.isAfter(s) ? a : s;
    }

    public long countActivities() {
        return jdbc.sql("select count(*) from activity").query(Long.class).single();
    }
}
