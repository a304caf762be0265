package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.shared.CountyCatalogue;
import fi.kohtaamo.shared.CountyCatalogue.Item;
import fi.kohtaamo.shared.LocalizedText;
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
import org.springframework.stereotype.Repository;

/** All SQL of outreach. Runs on PostgreSQL and on H2 in PostgreSQL mode. */
@Repository
public class OutreachQueries {

    private final JdbcClient jdbc;

    private final java.util.Map<Catalogue, CountyCatalogue> catalogues = new java.util.EnumMap<>(Catalogue.class);

    public OutreachQueries(JdbcClient jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        for (Catalogue c : Catalogue.values()) {
            catalogues.put(c, new CountyCatalogue(jdbc, clock, c.table, null).usedBy(item -> inUse(c, item.id())));
        }
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String c) throws SQLException {
        OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Long nullableLong(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    static LocalizedText text(ResultSet rs, String prefix) throws SQLException {
        return new LocalizedText(rs.getString(prefix + "_fi"), rs.getString(prefix + "_sv"), rs.getString(prefix + "_en"));
    }

    // ---- catalogue: professions and topics ------------------------------------------------------

    /** The two catalogues of a county, kept the one way ({@code shared.CountyCatalogue}). */
    public enum Catalogue {
        PROFESSION("outreach_profession"), TOPIC("outreach_topic");

        final String table;

        Catalogue(String table) {
            this.table = table;
        }
    }

    /** Whether a visit, a proposal or (for a topic) a slot names the entry: then it is only taken out of use. */
    private boolean inUse(Catalogue c, long id) {
        String sql = c == Catalogue.PROFESSION ? """
                select (select count(*) from visit where profession_id = :id)
                     + (select count(*) from visit_proposal where profession_id = :id)""" : """
                select (select count(*) from visit where topic_id = :id)
                     + (select count(*) from visit_proposal where topic_id = :id)
                     + (select count(*) from visit_slot_topic where topic_id = :id)""";
        return jdbc.sql(sql).param("id", id).query(Long.class).single() > 0;
    }

    public CountyCatalogue catalogue(Catalogue c) {
        return catalogues.get(c);
    }

    public List<Item> items(Catalogue c, long countyId) {
        return catalogues.get(c).list(countyId);
    }

    public Optional<Item> item(Catalogue c, long id) {
        return catalogues.get(c).get(id);
    }

    // ---- partners, settings, orientation --------------------------------------------------------

    public record Partner(long organisationId, long countyId, String kind, String contactEmail, int version) {
    }

    private static Partner partner(ResultSet rs, int n) throws SQLException {
        return new Partner(rs.getLong("organisation_id"), rs.getLong("county_id"), rs.getString("kind"),
                rs.getString("contact_email"), rs.getInt("version"));
    }

    public List<Partner> partners(Long countyId) {
        return jdbc.sql("select * from outreach_partner where (:all or county_id = :c) order by county_id, organisation_id")
                .param("all", countyId == null).param("c", countyId == null ? -1 : countyId)
                .query(OutreachQueries::partner).list();
    }

    public Optional<Partner> partner(long organisationId, long countyId) {
        return jdbc.sql("select * from outreach_partner where organisation_id = :o and county_id = :c")
                .param("o", organisationId).param("c", countyId).query(OutreachQueries::partner).optional();
    }

    public void savePartner(long organisationId, long countyId, String kind, String email, Instant now) {
        int n = jdbc.sql("update outreach_partner set kind = :k, contact_email = :e, version = version + 1, updated_at = :now "
                        + "where organisation_id = :o and county_id = :c")
                .param("k", kind).param("e", email).param("now", utc(now)).param("o", organisationId).param("c", countyId)
                .update();
        if (n == 0) {
            jdbc.sql("insert into outreach_partner (organisation_id, county_id, kind, contact_email, updated_at) "
                            + "values (:o, :c, :k, :e, :now)")
                    .param("k", kind).param("e", email).param("now", utc(now)).param("o", organisationId)
                    .param("c", countyId).update();
        }
    }

    public boolean deletePartner(long organisationId, long countyId) {
        return jdbc.sql("delete from outreach_partner where organisation_id = :o and county_id = :c")
                .param("o", organisationId).param("c", countyId).update() == 1;
    }

    public int topicRepeatWeeks(long countyId) {
        return jdbc.sql("select topic_repeat_weeks from outreach_setting where county_id = :c").param("c", countyId)
                .query(Integer.class).optional().orElse(8);
    }

    public void saveTopicRepeatWeeks(long countyId, int weeks, Instant now) {
        int n = jdbc.sql("update outreach_setting set topic_repeat_weeks = :w, version = version + 1, updated_at = :now "
                + "where county_id = :c").param("w", weeks).param("now", utc(now)).param("c", countyId).update();
        if (n == 0) {
            jdbc.sql("insert into outreach_setting (county_id, topic_repeat_weeks, updated_at) values (:c, :w, :now)")
                    .param("w", weeks).param("now", utc(now)).param("c", countyId).update();
        }
    }

    public record Orientation(long countyId, LocalizedText title, LocalizedText body, int version, Instant updatedAt) {
    }

    public Optional<Orientation> orientation(long countyId) {
        return jdbc.sql("select * from outreach_orientation where county_id = :c").param("c", countyId)
                .query((rs, n) -> new Orientation(rs.getLong("county_id"), text(rs, "title"), text(rs, "body"),
                        rs.getInt("version"), instant(rs, "updated_at"))).optional();
    }

    /** Inserts or updates (optimistically, when {@code version} is given) the county's orientation. */
    public boolean saveOrientation(long countyId, Integer version, LocalizedText title, LocalizedText body, Instant now) {
        if (orientation(countyId).isEmpty()) {
            return jdbc.sql("insert into outreach_orientation (county_id, title_fi, title_sv, title_en, body_fi, body_sv, "
                            + "body_en, updated_at) values (:c, :tfi, :tsv, :ten, :bfi, :bsv, :ben, :now)")
                    .param("c", countyId).param("tfi", title.fi()).param("tsv", title.sv()).param("ten", title.en())
                    .param("bfi", body.fi()).param("bsv", body.sv()).param("ben", body.en()).param("now", utc(now))
                    .update() == 1;
        }
        return jdbc.sql("update outreach_orientation set title_fi = :tfi, title_sv = :tsv, title_en = :ten, body_fi = :bfi, "
                        + "body_sv = :bsv, body_en = :ben, version = version + 1, updated_at = :now "
                        + "where county_id = :c and version = :v")
                .param("c", countyId).param("tfi", title.fi()).param("tsv", title.sv()).param("ten", title.en())
                .param("bfi", body.fi()).param("bsv", body.sv()).param("ben", body.en()).param("now", utc(now))
                .param("v", version == null ? -1 : version).update() == 1;
    }

    public record Acknowledgement(long organisationId, long countyId, int orientationVersion, String userName,
            Instant at) {
    }

    public Optional<Acknowledgement> acknowledgement(long organisationId, long countyId) {
        return jdbc.sql("select * from outreach_acknowledgement where organisation_id = :o and county_id = :c")
                .param("o", organisationId).param("c", countyId)
                .query((rs, n) -> new Acknowledgement(rs.getLong("organisation_id"), rs.getLong("county_id"),
                        rs.getInt("orientation_version"), rs.getString("user_name"), instant(rs, "acknowledged_at")))
                .optional();
    }

    public void acknowledge(long organisationId, long countyId, int version, Long userId, String userName, Instant now) {
        jdbc.sql("delete from outreach_acknowledgement where organisation_id = :o and county_id = :c")
                .param("o", organisationId).param("c", countyId).update();
        jdbc.sql("insert into outreach_acknowledgement (organisation_id, county_id, orientation_version, user_id, user_name, "
                        + "acknowledged_at) values (:o, :c, :v, :u, :n, :now)")
                .param("o", organisationId).param("c", countyId).param("v", version).param("u", userId)
                .param("n", userName).param("now", utc(now)).update();
    }

    // ---- slots ----------------------------------------------------------------------------------

    /** A visit slot with how many active (requested or confirmed) visits it has. */
    public record Slot(long id, long activityId, long placeId, LocalDate originalDate, Instant startsAt, Instant endsAt,
            String format, int capacity, String language, String notes, boolean autoConfirm, String status,
            String cancelReason, int version, List<Long> topicIds, int taken) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public int free() {
            return Math.max(0, capacity - taken);
        }
    }

    private static final String SLOT_COLUMNS = """
            s.id, s.activity_id, s.place_id, s.original_date, s.starts_at, s.ends_at, s.format, s.capacity, s.language,
            s.notes, s.auto_confirm, s.status, s.cancel_reason, s.version,
            (select count(*) from visit v where v.slot_id = s.id and v.status in ('REQUESTED', 'CONFIRMED')) as taken""";

    private List<Slot> slots(JdbcClient.StatementSpec spec) {
        List<Slot> rows = spec.query((rs, n) -> new Slot(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("place_id"),
                rs.getObject("original_date", LocalDate.class), instant(rs, "starts_at"), instant(rs, "ends_at"),
                rs.getString("format"), rs.getInt("capacity"), rs.getString("language"), rs.getString("notes"),
                rs.getBoolean("auto_confirm"), rs.getString("status"), rs.getString("cancel_reason"), rs.getInt("version"),
                List.of(), rs.getInt("taken"))).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Long>> topics = new HashMap<>();
        List<Long> ids = rows.stream().map(Slot::id).toList();
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("select slot_id, topic_id from visit_slot_topic where slot_id in (:ids) order by topic_id")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .query(rs -> {
                        topics.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                    });
        }
        return rows.stream().map(s -> new Slot(s.id(), s.activityId(), s.placeId(), s.originalDate(), s.startsAt(),
                s.endsAt(), s.format(), s.capacity(), s.language(), s.notes(), s.autoConfirm(), s.status(),
                s.cancelReason(), s.version(), List.copyOf(topics.getOrDefault(s.id(), List.of())), s.taken())).toList();
    }

    public Optional<Slot> slot(long id) {
        return slots(jdbc.sql("select " + SLOT_COLUMNS + " from visit_slot s where s.id = :id").param("id", id)).stream()
                .findFirst();
    }

    /** Locks the slot's row until the end of the transaction (bookings of one slot queue here). */
    public void lockSlot(long id) {
        jdbc.sql("select id from visit_slot where id = :id for update").param("id", id).query(Long.class).optional();
    }

    public Optional<Long> slotIdOf(long activityId, LocalDate originalDate) {
        return jdbc.sql("select id from visit_slot where activity_id = :a and original_date = :d")
                .param("a", activityId).param("d", originalDate).query(Long.class).optional();
    }

    /** Slots of these places starting in [from, to), by start. */
    public List<Slot> slotsOfPlaces(Collection<Long> placeIds, Instant from, Instant to) {
        if (placeIds.isEmpty()) {
            return List.of();
        }
        List<Slot> out = new ArrayList<>();
        List<Long> ids = List.copyOf(placeIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(slots(jdbc.sql("select " + SLOT_COLUMNS + " from visit_slot s where s.place_id in (:p) "
                            + "and s.starts_at >= :from and s.starts_at < :to order by s.starts_at, s.id")
                    .param("p", ids.subList(i, Math.min(ids.size(), i + 1000))).param("from", utc(from))
                    .param("to", utc(to))));
        }
        out.sort(java.util.Comparator.comparing(Slot::startsAt).thenComparing(Slot::id));
        return out;
    }

    public List<Slot> slotsOfActivity(long activityId, Instant from) {
        return slots(jdbc.sql("select " + SLOT_COLUMNS + " from visit_slot s where s.activity_id = :a and s.starts_at >= :from "
                + "order by s.starts_at").param("a", activityId).param("from", utc(from)));
    }

    public long insertSlot(long activityId, long placeId, LocalDate originalDate, Instant startsAt, Instant endsAt,
            String format, int capacity, String language, String notes, boolean autoConfirm, Collection<Long> topicIds,
            boolean demo, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into visit_slot (activity_id, place_id, original_date, starts_at, ends_at, format, capacity, language,
                                        notes, auto_confirm, demo, created_at, updated_at)
                values (:a, :p, :d, :s, :e, :f, :c, :l, :n, :auto, :demo, :now, :now)""")
                .param("a", activityId).param("p", placeId).param("d", originalDate).param("s", utc(startsAt))
                .param("e", utc(endsAt)).param("f", format).param("c", capacity).param("l", language).param("n", notes)
                .param("auto", autoConfirm).param("demo", demo).param("now", utc(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Long t : topicIds) {
            jdbc.sql("insert into visit_slot_topic (slot_id, topic_id) values (:s, :t)").param("s", id).param("t", t).update();
        }
        return id;
    }

    public boolean cancelSlot(long id, int version, String reason, Instant now) {
        return jdbc.sql("update visit_slot set status = 'CANCELLED', cancel_reason = :r, version = version + 1, "
                        + "updated_at = :now where id = :id and version = :v and status = 'OPEN'")
                .param("r", reason).param("now", utc(now)).param("id", id).param("v", version).update() == 1;
    }

    /** Keeps a slot's times in step with its occurrence when the occurrence was moved. */
    public void retimeSlot(long id, Instant startsAt, Instant endsAt, Instant now) {
        jdbc.sql("update visit_slot set starts_at = :s, ends_at = :e, updated_at = :now where id = :id")
                .param("s", utc(startsAt)).param("e", utc(endsAt)).param("now", utc(now)).param("id", id).update();
    }

    // ---- visits ---------------------------------------------------------------------------------

    /** A visit with the slot it is on. */
    public record Visit(long id, long slotId, long partnerOrgId, long professionId, Long topicId,
            Long professionalUserId, String professionalName, String professionalEmail, Long bookedBy, String message,
            String status, String cancelReason, String cancelledBy, Boolean happened, Integer familiesReached,
            int version, Instant createdAt, Instant updatedAt, long placeId, long activityId, LocalDate originalDate,
            Instant startsAt, Instant endsAt, String format) {

        public boolean active() {
            return "REQUESTED".equals(status) || "CONFIRMED".equals(status);
        }
    }

    private static final String VISIT_COLUMNS = """
            v.id, v.slot_id, v.partner_org_id, v.profession_id, v.topic_id, v.professional_user_id, v.professional_name,
            v.professional_email, v.booked_by, v.message, v.status, v.cancel_reason, v.cancelled_by, v.happened,
            v.families_reached, v.version, v.created_at, v.updated_at, s.place_id, s.activity_id, s.original_date,
            s.starts_at, s.ends_at, s.format""";

    private static Visit visit(ResultSet rs, int n) throws SQLException {
        boolean happened = rs.getBoolean("happened");
        Boolean h = rs.wasNull() ? null : happened;
        int families = rs.getInt("families_reached");
        Integer f = rs.wasNull() ? null : families;
        return new Visit(rs.getLong("id"), rs.getLong("slot_id"), rs.getLong("partner_org_id"), rs.getLong("profession_id"),
                nullableLong(rs, "topic_id"), nullableLong(rs, "professional_user_id"), rs.getString("professional_name"),
                rs.getString("professional_email"), nullableLong(rs, "booked_by"), rs.getString("message"),
                rs.getString("status"), rs.getString("cancel_reason"), rs.getString("cancelled_by"), h, f,
                rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("place_id"),
                rs.getLong("activity_id"), rs.getObject("original_date", LocalDate.class), instant(rs, "starts_at"),
                instant(rs, "ends_at"), rs.getString("format"));
    }

    private static final String VISIT_FROM = " from visit v join visit_slot s on s.id = v.slot_id ";

    public Optional<Visit> visit(long id) {
        return jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where v.id = :id").param("id", id)
                .query(OutreachQueries::visit).optional();
    }

    public List<Visit> visitsOfSlot(long slotId) {
        return jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where v.slot_id = :s order by v.id").param("s", slotId)
                .query(OutreachQueries::visit).list();
    }

    /**
     * Visits at these places or of these partner organisations whose slot starts in [from, to), by start.
     * Either list may be empty.
     */
    public List<Visit> visits(Collection<Long> placeIds, Collection<Long> partnerOrgs, Instant from, Instant to) {
        List<Visit> out = new ArrayList<>();
        List<Long> places = placeIds.isEmpty() ? List.of(-1L) : List.copyOf(placeIds);
        List<Long> orgs = partnerOrgs.isEmpty() ? List.of(-1L) : List.copyOf(partnerOrgs);
        for (int i = 0; i < places.size(); i += 1000) {
            out.addAll(jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where (s.place_id in (:p) or v.partner_org_id in (:o)) "
                            + "and s.starts_at >= :from and s.starts_at < :to")
                    .param("p", places.subList(i, Math.min(places.size(), i + 1000))).param("o", orgs)
                    .param("from", utc(from)).param("to", utc(to)).query(OutreachQueries::visit).list());
        }
        Map<Long, Visit> unique = new java.util.LinkedHashMap<>();
        out.forEach(v -> unique.put(v.id(), v));
        List<Visit> list = new ArrayList<>(unique.values());
        list.sort(java.util.Comparator.comparing(Visit::startsAt).thenComparing(Visit::id));
        return list;
    }

    /** Active visits at a place starting in [from, to). */
    public List<Visit> activeVisitsAtPlace(long placeId, Instant from, Instant to) {
        return jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where s.place_id = :p and v.status in ('REQUESTED', 'CONFIRMED') "
                        + "and s.starts_at >= :from and s.starts_at < :to order by s.starts_at")
                .param("p", placeId).param("from", utc(from)).param("to", utc(to)).query(OutreachQueries::visit).list();
    }

    /** Active visits of a professional (an account) overlapping [from, to). */
    public List<Visit> activeVisitsOfProfessional(long userId, Instant from, Instant to) {
        return jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where v.professional_user_id = :u "
                        + "and v.status in ('REQUESTED', 'CONFIRMED') and s.starts_at < :to and s.ends_at > :from")
                .param("u", userId).param("from", utc(from)).param("to", utc(to)).query(OutreachQueries::visit).list();
    }

    public long insertVisit(long slotId, long partnerOrgId, long professionId, Long topicId, Long professionalUserId,
            String professionalName, String professionalEmail, Long bookedBy, String message, String status,
            boolean demo, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into visit (slot_id, partner_org_id, profession_id, topic_id, professional_user_id, professional_name,
                                   professional_email, booked_by, message, status, demo, created_at, updated_at)
                values (:s, :o, :p, :t, :u, :n, :e, :b, :m, :st, :demo, :now, :now)""")
                .param("s", slotId).param("o", partnerOrgId).param("p", professionId).param("t", topicId)
                .param("u", professionalUserId).param("n", professionalName).param("e", professionalEmail)
                .param("b", bookedBy).param("m", message).param("st", status).param("demo", demo).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Moves a visit from one status to another; false when it was not in {@code from} (or the version moved). */
    public boolean changeStatus(long id, int version, String from, String to, String reason, String by, Instant now) {
        return jdbc.sql("update visit set status = :to, cancel_reason = coalesce(:r, cancel_reason), "
                        + "cancelled_by = coalesce(:by, cancelled_by), version = version + 1, updated_at = :now "
                        + "where id = :id and version = :v and status = :from")
                .param("to", to).param("r", reason).param("by", by).param("now", utc(now)).param("id", id)
                .param("v", version).param("from", from).update() == 1;
    }

    /** A new version of a visit whose slot changed (the invitation's SEQUENCE follows the version). */
    public boolean touchVisit(long id, Instant now) {
        return jdbc.sql("update visit set version = version + 1, updated_at = :now where id = :id")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    public boolean recordOutcome(long id, int version, boolean happened, Integer families, Instant now) {
        return jdbc.sql("update visit set happened = :h, families_reached = :f, version = version + 1, updated_at = :now "
                        + "where id = :id and version = :v and status = 'CONFIRMED'")
                .param("h", happened).param("f", families).param("now", utc(now)).param("id", id).param("v", version)
                .update() == 1;
    }

    /** Confirmed visits starting in [from, to) not yet reminded of. */
    public List<Visit> dueReminders(Instant from, Instant to) {
        return jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where v.status = 'CONFIRMED' and v.reminder_sent_at is null "
                        + "and s.starts_at >= :from and s.starts_at < :to order by s.starts_at")
                .param("from", utc(from)).param("to", utc(to)).query(OutreachQueries::visit).list();
    }

    /** Marks a reminder as sent; false when another instance was first. */
    public boolean claimReminder(long id, Instant now) {
        return jdbc.sql("update visit set reminder_sent_at = :now where id = :id and reminder_sent_at is null")
                .param("now", utc(now)).param("id", id).update() == 1;
    }

    /** Confirmed visits on slots of these activities whose occurrence (original date) is in [from, to]. */
    public List<Visit> confirmedOfActivities(Collection<Long> activityIds, LocalDate from, LocalDate to) {
        List<Visit> out = new ArrayList<>();
        List<Long> ids = List.copyOf(activityIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            out.addAll(jdbc.sql("select " + VISIT_COLUMNS + VISIT_FROM + "where s.activity_id in (:a) and s.status = 'OPEN' "
                            + "and v.status = 'CONFIRMED' and s.original_date between :from and :to order by v.id")
                    .param("a", ids.subList(i, Math.min(ids.size(), i + 1000))).param("from", from).param("to", to)
                    .query(OutreachQueries::visit).list());
        }
        return out;
    }

    // ---- proposals ------------------------------------------------------------------------------

    public record Proposal(long id, long partnerOrgId, long areaId, long professionId, Long topicId, String format,
            String language, LocalDate fromDate, LocalDate toDate, Long professionalUserId, String professionalName,
            String professionalEmail, String message, String status, Long visitId, int version, Instant createdAt) {
    }

    private static Proposal proposal(ResultSet rs, int n) throws SQLException {
        return new Proposal(rs.getLong("id"), rs.getLong("partner_org_id"), rs.getLong("area_id"),
                rs.getLong("profession_id"), nullableLong(rs, "topic_id"), rs.getString("format"),
                rs.getString("language"), rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                nullableLong(rs, "professional_user_id"), rs.getString("professional_name"),
                rs.getString("professional_email"), rs.getString("message"), rs.getString("status"),
                nullableLong(rs, "visit_id"), rs.getInt("version"), instant(rs, "created_at"));
    }

    public Optional<Proposal> proposal(long id) {
        return jdbc.sql("select * from visit_proposal where id = :id").param("id", id).query(OutreachQueries::proposal)
                .optional();
    }

    public void lockProposal(long id) {
        jdbc.sql("select id from visit_proposal where id = :id for update").param("id", id).query(Long.class).optional();
    }

    /** Proposals to these areas or of these partner organisations ending on or after {@code since}. */
    public List<Proposal> proposals(Collection<Long> areaIds, Collection<Long> partnerOrgs, LocalDate since) {
        return jdbc.sql("select * from visit_proposal where (area_id in (:a) or partner_org_id in (:o)) and to_date >= :since "
                        + "order by from_date, id")
                .param("a", areaIds.isEmpty() ? List.of(-1L) : areaIds)
                .param("o", partnerOrgs.isEmpty() ? List.of(-1L) : partnerOrgs).param("since", since)
                .query(OutreachQueries::proposal).list();
    }

    public long insertProposal(long partnerOrgId, long areaId, long professionId, Long topicId, String format,
            String language, LocalDate from, LocalDate to, Long professionalUserId, String professionalName,
            String professionalEmail, String message, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into visit_proposal (partner_org_id, area_id, profession_id, topic_id, format, language, from_date,
                                            to_date, professional_user_id, professional_name, professional_email, message,
                                            created_at, updated_at)
                values (:o, :a, :p, :t, :f, :l, :from, :to, :u, :n, :e, :m, :now, :now)""")
                .param("o", partnerOrgId).param("a", areaId).param("p", professionId).param("t", topicId)
                .param("f", format).param("l", language).param("from", from).param("to", to)
                .param("u", professionalUserId).param("n", professionalName).param("e", professionalEmail)
                .param("m", message).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public boolean closeProposal(long id, String status, Long visitId, Instant now) {
        return jdbc.sql("update visit_proposal set status = :s, visit_id = :v, version = version + 1, updated_at = :now "
                        + "where id = :id and status = 'OPEN'")
                .param("s", status).param("v", visitId).param("now", utc(now)).param("id", id).update() == 1;
    }
}
