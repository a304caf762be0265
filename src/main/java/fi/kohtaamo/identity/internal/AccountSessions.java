package fi.kohtaamo.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions when its password changes: sessions live in the database (Spring Session
 * JDBC, indexed by the account's e-mail address), so they end on every instance at once. A session that
 * knew the old password must not outlive it.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account except the one with the id {@code keep} (null: none kept). */
    void endAll(String email, String keep) {
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
            }
        }
    }
}
