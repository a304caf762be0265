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
 */
@Component
class DataVersion implements SmartLifecycle {

    static final String CHANNEL = "kohtaamo_data_version";
    private static final Logger log = LoggerFactory.getLogger(DataVersion.class);

    private record Known(long epoch, long version) {
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
        known.compareAndSet(k, new Known(e, v));
        return v;
    }

    /** Moves the version inside the caller's transaction and tells the other instances (at commit). */
    void move() {
        jdbc.sql("update data_version set version = version + 1 where id = 1").update();
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
