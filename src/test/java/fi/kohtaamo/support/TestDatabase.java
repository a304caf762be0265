package fi.kohtaamo.support;

import java.util.UUID;

/**
 * Which database the tests run on: H2 in PostgreSQL mode by default; PostgreSQL when the build
 * runs the second test execution ({@code -Dkohtaamo.test.db=postgres}), at
 * {@code KOHTAAMO_TEST_POSTGRES_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/kohtaamo_test?user=postgres}).
 */
public final class TestDatabase {

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
            return url;
        }
        return "jdbc:h2:mem:" + H2_NAME + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
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
