package fi.kohtaamo.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database the tests run on: H2 in PostgreSQL mode by default; PostgreSQL when the build
 * runs the second test execution ({@code -Dkohtaamo.test.db=postgres}), at
 * {@code KOHTAAMO_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/kohtaamo_test?user=postgres}).
 */
public final class TestDatabase {

    private static final Pattern PG_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)([?].*)?");
    private static boolean forkDatabaseMade;
    private static final String H2_NAME = "kohtaamo-test-" + UUID.randomUUID();

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("kohtaamo.test.db"));
    }

    public static String url() {
        if (postgres()) {
            String url = System.getenv("KOHTAAMO_TEST_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("kohtaamo.test.db=postgres needs KOHTAAMO_TEST_POSTGRES_URL");
            }
            return forkDatabase(url);
        }
        return "jdbc:h2:mem:" + H2_NAME + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /**
     * The PostgreSQL database of this test JVM: the first fork uses the one named in the URL, fork N its own
     * {@code <name>_fN} beside it, made when missing (every test context cleans its database before migrating, so
     * two JVMs on one database would wipe each other's data).
     */
    private static synchronized String forkDatabase(String url) {
        String fork = System.getProperty("kohtaamo.test.fork", "1");
        if (fork.isBlank() || "1".equals(fork) || !fork.matches("[0-9]{1,3}")) {
            return url;
        }
        Matcher m = PG_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("cannot name a database per test JVM in " + url);
        }
        String name = m.group(2) + "_f" + fork;
        if (!forkDatabaseMade) {
            try (Connection c = DriverManager.getConnection(url, user(), password());
                    Statement s = c.createStatement()) {
                boolean exists;
                try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    exists = r.next();
                }
                if (!exists) {
                    s.execute("create database " + name);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot make the test database " + name + " beside " + url, e);
            }
            forkDatabaseMade = true;
        }
        return m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
    }

    public static String user() {
        if (postgres()) {
            String u = System.getenv("KOHTAAMO_TEST_POSTGRES_USER");
            return u == null ? "" : u;
        }
        return "sa";
    }

    public static String password() {
        if (postgres()) {
            String p = System.getenv("KOHTAAMO_TEST_POSTGRES_PASSWORD");
            return p == null ? "" : p;
        }
        return "";
    }
}
