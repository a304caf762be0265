package fi.kohtaamo.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public data version (the {@code data_version} row) as this instance knows it, for {@link PublicDataCache}.
 *
 * <p>On PostgreSQL the version is kept in memory and read again only after it may have moved: every writer
 * sends {@code NOTIFY kohtaamo_data_version} in its transaction (delivered at commit, to every instance), a
 * thread of each instance listens on a connection of its own, and a commit of this instance forgets the
 * version at once (so its own next request never waits for the notification). While that connection is
 * down, and on H2, every request reads the row as before. Reading under load was one pooled connection per
 * request, which queued the cached calendar answers behind the pool (docs/benchmarks.md).
 *
 * <p>Forgetting is an epoch counter: a version read is kept with the epoch seen before the read, and is
 * used only while the epoch has not moved, so a read that overlaps a commit is never kept.
 *
 * <p>Besides the version, each write says where it may show: anywhere ({@code data_version.anywhere}), or only in
 * the calendars of one county ({@code county.data_version}, a write of its places' activities and occurrences).
 * {@link Versions} is all of it as read at once.
 */
@Component
class DataVersion implements SmartLifecycle {

    static final String CHANNEL = "kohtaamo_data_version";
    private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

    /**
     * The data version, the version of the last write that may show anywhere, and of the last calendar write of
     * each county that has had one (read together, in one transaction on PostgreSQL's default isolation close enough:
     * each part only grows, and is read after the version).
     */
    record Versions(long version, long anywhere, java.util.Map<Long, Long> counties) {

        /** Whether an answer computed at {@code at}, showing only the calendars of the county, still holds. */
        boolean holds(long at, long county) {
            return at >= anywhere && at >= counties.getOrDefault(county, 0L);
        }
    }

    private record Known(long epoch, long version, Versions versions) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicReference<Known> known = new AtomicReference<>();
    private volatile boolean listening;
    private volatile boolean running;
    private volatile Boolean postgres;
    private Thread listener;

    DataVersion(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The current version: from memory while this instance is told of every change, else read from the row. */
    long current() {
        if (!listening) {
            return read();
        }
        long e = epoch.get();
        Known k = known.get();
        if (k != null && k.epoch() == e) {
            return k.version();
        }
        long v = read();
        known.compareAndSet(k, new Known(e, v, null));
        return v;
    }

    /** The versions of every scope, at least as new as {@link #current()} read before: held while it is. */
    Versions versions() {
        if (!listening) {
            return readVersions();
        }
        long e = epoch.get();
        Known k = known.get();
        if (k != null && k.epoch() == e && k.versions() != null) {
            return k.versions();
        }
        Versions v = readVersions();
        known.compareAndSet(k, new Known(e, v.version(), v));
        return v;
    }

    /**
     * Moves the version inside the caller's transaction and tells the other instances (at commit): a write that may
     * show anywhere when the county is null, else one that shows only in the calendars of the county's places.
     */
    void move(Long county) {
        jdbc.sql("update data_version set version = version + 1" + (county == null ? ", anywhere = version + 1" : "")
                + " where id = 1").update();
        if (county != null && jdbc.sql("update county set data_version = (select version from data_version where id = 1) "
                + "where id = :id").param("id", county).update() == 0) {
            // no such county: nothing can say where the write shows
            jdbc.sql("update data_version set anywhere = version where id = 1").update();
        }
        if (postgres()) {
            jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query().singleRow();
        }
    }

    /** Forgets the version held in memory; the next request reads it. */
    void forget() {
        epoch.incrementAndGet();
    }

    /** Whether the version is kept in memory (listening to PostgreSQL's notifications). */
    boolean listening() {
        return listening;
    }

    private long read() {
        return jdbc.sql("select version from data_version where id = 1").query(Long.class).single();
    }

    private Versions readVersions() {
        record Row(long version, long anywhere) {
        }
        Row row = jdbc.sql("select version, anywhere from data_version where id = 1")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2))).single();
        java.util.Map<Long, Long> counties = new java.util.HashMap<>();
        jdbc.sql("select id, data_version from county where data_version > 0")
                .query(rs -> {
                    counties.put(rs.getLong(1), rs.getLong(2));
                });
        return new Versions(row.version(), row.anywhere(), java.util.Map.copyOf(counties));
    }

    private boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            try (Connection c = dataSource.getConnection()) {
                p = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database", e);
            }
            postgres = p;
        }
        return p;
    }

    @Override
    public void start() {
        running = true;
        if (!postgres() || !(dataSource instanceof HikariDataSource hikari)) {
            return;
        }
        listener = new Thread(() -> listen(hikari), "kohtaamo-data-version");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen(HikariDataSource hikari) {
        while (running) {
            try (Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
                    hikari.getPassword())) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                forget();
                listening = true;
                while (running) {
                    PGNotification[] n = pg.getNotifications(1000);
                    if (n != null && n.length > 0) {
                        forget();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not listening to data changes ({}); reading the data version on every request", e.toString());
                }
            } finally {
                listening = false;
                forget();
            }
            sleep(1000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
