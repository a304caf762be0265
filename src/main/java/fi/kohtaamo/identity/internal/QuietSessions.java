package fi.kohtaamo.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's JDBC repository with the time of last access written only when the stored one is at least
 * {@code kohtaamo.session.access-write-interval} (1 minute) old. Spring Session's filter sets the time of last access on
 * every request with a session, and the JDBC repository then updates the session's row (a commit per page, of every
 * signed-in user). Here that setting is passed on only once the stored time is that old; anything else a request
 * changes (signing in, a new session id, an attribute such as the CSRF token or an import's draft) is saved by the JDBC
 * repository as before, and a request that changes nothing writes nothing (the repository opens no transaction then).
 * A session therefore ends after its timeout (8 h) less at most the interval, on every instance alike, and the
 * repository's own clean-up of expired rows is unchanged. The filter and {@link AccountSessions} get this repository
 * in place of the JDBC one.
 */
final class QuietSessions implements FindByIndexNameSessionRepository<QuietSessions.QuietSession> {

    private final FindByIndexNameSessionRepository<Session> sessions;
    private final Duration interval;

    @SuppressWarnings("unchecked")
    QuietSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Duration interval) {
        // the JDBC repository's session type is package-private: its sessions go back to it as they came
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.interval = interval;
    }

    /**
     * Puts this repository around Spring Boot's JDBC one, which Boot configures (table, timeout, clean-up) only while
     * the application defines no session repository of its own. Spring still ends the JDBC repository itself (its
     * clean-up job) at shutdown.
     */
    @Configuration(proxyBeanMethods = false)
    static class Config {
        @Bean
        static BeanPostProcessor quietSessions(Environment environment) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof JdbcIndexedSessionRepository jdbc ? new QuietSessions(jdbc, environment
                            .getProperty("kohtaamo.session.access-write-interval", Duration.class, Duration.ofMinutes(1)))
                            : bean;
                }
            };
        }
    }

    @Override
    public QuietSession createSession() {
        return new QuietSession(sessions.createSession());
    }

    @Override
    public void save(QuietSession session) {
        sessions.save(session.delegate);
    }

    @Override
    public QuietSession findById(String id) {
        Session found = sessions.findById(id);
        return found == null ? null : new QuietSession(found);
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, QuietSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, QuietSession> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, s) -> found.put(id, new QuietSession(s)));
        return found;
    }

    /** A stored session whose time of last access moves only in steps of the interval. */
    final class QuietSession implements Session {

        private final Session delegate;

        private QuietSession(Session delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (!time.isBefore(delegate.getLastAccessedTime().plus(interval))) {
                delegate.setLastAccessedTime(time);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            return delegate.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration timeout) {
            delegate.setMaxInactiveInterval(timeout);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
