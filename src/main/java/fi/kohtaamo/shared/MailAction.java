package fi.kohtaamo.shared;

import static fi.kohtaamo.shared.Role.ADMIN;
import static fi.kohtaamo.shared.Role.COUNTY_COORDINATOR;

import java.util.Set;

/**
 * The staff mailbox (the outbox of the mail the application sends). Everyone reads the mail sent to them;
 * {@link #READ_OTHERS} reads the mail of others in scope (an administrator all, a county coordinator their
 * county's).
 */
public enum MailAction implements Action {
    READ_OTHERS(ADMIN, COUNTY_COORDINATOR);

    private final Set<Role> roles;

    MailAction(Role... roles) {
        this.roles = Set.of(roles);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
