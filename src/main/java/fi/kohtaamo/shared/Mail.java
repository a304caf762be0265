package fi.kohtaamo.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outgoing mail through an outbox: {@link #queue} writes the message in the caller's transaction (so
 * a mail is sent exactly when the change it tells about is stored); {@link MailSender} sends it
 * afterwards when SMTP is configured. In demo mode, or without SMTP, messages are kept instead and
 * their recipients read them on the staff pages ({@code /admin/mail}).
 */
@Component
public class Mail {

    /**
     * A message to queue.
     *
     * @param ics       an iCalendar object to attach as text/calendar (an invitation), or null
     * @param icsMethod its METHOD (REQUEST, CANCEL), or null
     * @param countyId  the county the message is about, so that its coordinators can read kept mail
     */
    public record Message(String to, Long toUserId, String subject, String body, String ics, String icsMethod,
            Long countyId) {
    }

    /** A stored message. */
    public record Stored(long id, String to, Long toUserId, String subject, String body, String ics, String icsMethod,
            Long countyId, String status, Instant createdAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MailSettings settings;
    private final KohtaamoProperties properties;

    Mail(JdbcClient jdbc, Clock clock, MailSettings settings, KohtaamoProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.properties = properties;
    }

    /** Whether messages are sent (SMTP configured, not demo mode) rather than kept for reading. */
    public boolean sending() {
        return settings.configured() && !properties.demoEnabled();
    }

    /** Queues a message in the current transaction. Messages without an address are not stored. */
    public void queue(Message m) {
        if (m.to() == null || m.to().isBlank()) {
            return;
        }
        jdbc.sql("""
                insert into mail_message (to_address, to_user_id, subject, body, ics, ics_method, county_id, status, created_at)
                values (:to, :user, :subject, :body, :ics, :method, :county, :status, :at)""")
                .param("to", m.to().strip()).param("user", m.toUserId())
                .param("subject", cut(m.subject(), 300)).param("body", cut(m.body(), 20000))
                .param("ics", m.ics() == null ? null : cut(m.ics(), 20000)).param("method", m.icsMethod())
                .param("county", m.countyId()).param("status", sending() ? "PENDING" : "KEPT")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static final String COLUMNS = """
            id, to_address, to_user_id, subject, body, ics, ics_method, county_id, status, created_at, sent_at""";

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        long user = rs.getLong("to_user_id");
        Long toUser = rs.wasNull() ? null : user;
        long county = rs.getLong("county_id");
        Long countyId = rs.wasNull() ? null : county;
        OffsetDateTime sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new Stored(rs.getLong("id"), rs.getString("to_address"), toUser, rs.getString("subject"),
                rs.getString("body"), rs.getString("ics"), rs.getString("ics_method"), countyId, rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), sent == null ? null : sent.toInstant());
    }

    /**
     * The messages an actor may read, newest first: their own; a county coordinator's county's; all for
     * an administrator.
     */
    public List<Stored> mailbox(Actor actor, int limit) {
        return readable(actor, jdbc.sql("select " + COLUMNS + " from mail_message where " + READABLE
                + " order by id desc fetch first :limit rows only").param("limit", limit)).query(Mail::stored).list();
    }

    public Optional<Stored> message(Actor actor, long id) {
        return readable(actor, jdbc.sql("select " + COLUMNS + " from mail_message where id = :id and " + READABLE)
                .param("id", id)).query(Mail::stored).optional();
    }

    private static final String READABLE = "(:all or to_user_id = :me or county_id = :county)";

    private static JdbcClient.StatementSpec readable(Actor actor, JdbcClient.StatementSpec spec) {
        Scope others = AccessControl.scope(actor, MailAction.READ_OTHERS);
        return spec.param("all", others.all()).param("me", actor.id()).param("county", others.countyId());
    }

    // ---- for the sender -------------------------------------------------------------------------

    List<Stored> pending(int limit) {
        return jdbc.sql("select " + COLUMNS + " from mail_message where status = 'PENDING' order by id fetch first :n rows only")
                .param("n", limit).query(Mail::stored).list();
    }

    /** Claims a pending message for sending; false when another instance was first. */
    boolean claim(long id) {
        return jdbc.sql("update mail_message set status = 'SENDING', attempts = attempts + 1 where id = :id and status = 'PENDING'")
                .param("id", id).update() == 1;
    }

    void sent(long id, Instant at) {
        jdbc.sql("update mail_message set status = 'SENT', sent_at = :at where id = :id").param("id", id)
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }

    void failed(long id, int maxAttempts) {
        jdbc.sql("update mail_message set status = case when attempts >= :max then 'FAILED' else 'PENDING' end where id = :id")
                .param("id", id).param("max", maxAttempts).update();
    }
}
