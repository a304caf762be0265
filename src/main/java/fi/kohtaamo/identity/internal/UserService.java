package fi.kohtaamo.identity.internal;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.identity.IdentityAction;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: create, change, reset password, change own password. A coordinator can only give
 * roles below their own ({@link Role#mayGrant}) and only inside their scope. Every account stores
 * where it sits (county, area) so that account lists can be scoped in SQL.
 */
@Service
public class UserService {

    private final UserQueries users;
    private final Registry registry;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final AccountSessions sessions;
    private final org.springframework.context.ApplicationEventPublisher events;

    UserService(UserQueries users, Registry registry, PasswordEncoder encoder, AuditLog audit, Clock clock,
            AccountSessions sessions, org.springframework.context.ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.events = events;
        this.users = users;
        this.registry = registry;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an account looks like in the audit log: never the password hash. */
    record AuditedUser(long id, String email, String displayName, Role role, Long organisationId, Long countyId,
            Long areaId, Long placeId, boolean enabled) {

        static AuditedUser of(UserQueries.User u) {
            return new AuditedUser(u.id(), u.email(), u.displayName(), u.role(), u.organisationId(), u.countyId(),
                    u.areaId(), u.placeId(), u.enabled());
        }
    }

    public List<UserQueries.User> list(Actor actor) {
        if (!AccessControl.mayEver(actor, IdentityAction.USER_READ)) {
            throw new KohtaamoException.Forbidden("USER_READ");
        }
        return users.inScope(AccessControl.scope(actor, IdentityAction.USER_READ));
    }

    public UserQueries.User get(Actor actor, long id) {
        UserQueries.User u = users.byId(id).orElseThrow(() -> new KohtaamoException.NotFound("user " + id));
        AccessControl.require(actor, IdentityAction.USER_READ, target(u));
        return u;
    }

    /**
     * Where an account sits, for access checks: read from the record its role uses, as when it is saved, never
     * from the stored county or area (which an older form could have set to anything).
     */
    Target target(UserQueries.User u) {
        return place(new UserForm.Checked(u.version(), u.email(), u.displayName(), u.role(), u.organisationId(),
                u.countyId(), u.areaId(), u.placeId(), u.preferredLanguage(), u.enabled(), null), new FieldErrors())
                .target();
    }

    @Transactional
    public long create(Actor actor, UserForm form) {
        if (!AccessControl.mayEver(actor, IdentityAction.USER_CREATE)) {
            throw new KohtaamoException.Forbidden("USER_CREATE");
        }
        FieldErrors errors = new FieldErrors();
        UserForm.Checked c = form.check(errors, true);
        Placement p = place(c, errors);
        if (c != null && users.emailTaken(c.email(), null)) {
            errors.add("email", "validation.emailTaken");
        }
        errors.throwIfAny();
        checkGrant(actor, IdentityAction.USER_CREATE, c, p, errors);
        long id = users.insert(c.email(), c.displayName(), encoder.encode(c.password()), c.role(), p.organisationId(),
                p.countyId(), p.areaId(), p.placeId(), c.language(), c.enabled(), false, clock.instant());
        UserQueries.User created = users.byId(id).orElseThrow();
        audit.record(actor, IdentityAction.USER_CREATE.name(), "user", id, target(created), null,
                AuditedUser.of(created));
        return id;
    }

    @Transactional
    public void update(Actor actor, long id, UserForm form) {
        UserQueries.User before = users.byId(id).orElseThrow(() -> new KohtaamoException.NotFound("user " + id));
        AccessControl.require(actor, IdentityAction.USER_UPDATE, target(before));
        if (!actor.role().mayGrant(before.role())) {
            throw new KohtaamoException.Forbidden("USER_UPDATE of a higher role");
        }
        FieldErrors errors = new FieldErrors();
        UserForm.Checked c = form.check(errors, false);
        Placement p = place(c, errors);
        if (c != null && users.emailTaken(c.email(), id)) {
            errors.add("email", "validation.emailTaken");
        }
        if (c != null && actor.id() == id && (c.role() != before.role() || !c.enabled())) {
            errors.add("role", "validation.roleNotAllowed");
        }
        errors.throwIfAny();
        checkGrant(actor, IdentityAction.USER_UPDATE, c, p, errors);
        if (!users.update(id, c.version(), c.email(), c.displayName(), c.role(), p.organisationId(), p.countyId(),
                p.areaId(), p.placeId(), c.language(), c.enabled(), clock.instant())) {
            throw new KohtaamoException.Conflict("stale", "user " + id);
        }
        UserQueries.User after = users.byId(id).orElseThrow();
        audit.record(actor, IdentityAction.USER_UPDATE.name(), "user", id, target(after), AuditedUser.of(before),
                AuditedUser.of(after));
        events.publishEvent(new fi.kohtaamo.identity.AccountChanged(id));
    }

    /**
     * Sets a new password for another account (e.g. a forgotten one), ending every session of the account (but
     * the one it was set in, {@code sessionId}, when the actor set their own).
     */
    @Transactional
    public void resetPassword(Actor actor, long id, String password, String sessionId) {
        UserQueries.User u = users.byId(id).orElseThrow(() -> new KohtaamoException.NotFound("user " + id));
        AccessControl.require(actor, IdentityAction.USER_UPDATE, target(u));
        if (!actor.role().mayGrant(u.role())) {
            throw new KohtaamoException.Forbidden("password of a higher role");
        }
        FieldErrors errors = new FieldErrors();
        checkPassword(password, "newPassword", u, errors);
        errors.throwIfAny();
        users.setPassword(id, encoder.encode(password), clock.instant());
        sessions.endAll(u.email(), actor.id() == id ? sessionId : null);
        audit.record(actor, "USER_PASSWORD_RESET", "user", id, target(u), null, null);
    }

    /**
     * The signed-in user changes their own password; their other sessions end, the one they changed it in
     * ({@code sessionId}) goes on.
     */
    @Transactional
    public void changeOwnPassword(Actor actor, String current, String password, String confirm, String sessionId) {
        UserQueries.User u = users.byId(actor.id()).orElseThrow(() -> new KohtaamoException.NotFound("user"));
        FieldErrors errors = new FieldErrors();
        String hash = users.passwordHash(u.email()).orElse("");
        if (current == null || current.length() > 200 || !encoder.matches(current, hash)) {
            errors.add("currentPassword", "validation.passwordWrong");
        }
        checkPassword(password, "newPassword", u, errors);
        if (password != null && !password.equals(confirm)) {
            errors.add("passwordConfirm", "validation.passwordMismatch");
        }
        errors.throwIfAny();
        users.setPassword(u.id(), encoder.encode(password), clock.instant());
        sessions.endAll(u.email(), sessionId);
        audit.record(actor, "USER_PASSWORD_CHANGE", "user", u.id(), target(u), null, null);
    }

    static void checkPassword(String password, String field, UserQueries.User account, FieldErrors errors) {
        PasswordPolicy.check(password, field, account.email(), account.displayName(), errors);
    }

    /**
     * Where an account sits, and so what it may reach: taken only from the record its role uses (the county of
     * a county coordinator, the area of an area coordinator, the place of a volunteer, the organisation of
     * provider staff, partners and national reporters), its county and area read from that record. Every other
     * field of the form is ignored and stored empty, so that no field can widen the account's scope or the
     * scope its creator is checked against.
     */
    record Placement(Long organisationId, Long countyId, Long areaId, Long placeId) {

        Target target() {
            return new Target(countyId, areaId, organisationId == null ? Set.of() : Set.of(organisationId), placeId);
        }
    }

    Placement place(UserForm.Checked c, FieldErrors errors) {
        if (c == null) {
            return new Placement(null, null, null, null);
        }
        return switch (c.role()) {
            case ADMIN -> new Placement(null, null, null, null);
            case COUNTY_COORDINATOR -> {
                if (c.countyId() == null || registry.county(c.countyId()).isEmpty()) {
                    errors.add("countyId", "validation.choice");
                }
                yield new Placement(null, c.countyId(), null, null);
            }
            case AREA_COORDINATOR -> {
                Long county = c.areaId() == null ? null : registry.countyOfArea(c.areaId()).orElse(null);
                if (county == null) {
                    errors.add("areaId", "validation.choice");
                }
                yield new Placement(null, county, c.areaId(), null);
            }
            case VOLUNTEER -> {
                var where = c.placeId() == null ? java.util.Optional.<Target>empty() : registry.placeTarget(c.placeId());
                if (where.isEmpty()) {
                    errors.add("placeId", "validation.choice");
                }
                yield new Placement(null, where.map(Target::countyId).orElse(null),
                        where.map(Target::areaId).orElse(null), c.placeId());
            }
            case PROVIDER_STAFF, PARTNER, NATIONAL_REPORTER -> {
                if (c.organisationId() == null || registry.organisation(c.organisationId()).isEmpty()) {
                    errors.add("organisationId", "validation.choice");
                }
                // a national organisation has no county: only an administrator reaches it
                yield new Placement(c.organisationId(), c.organisationId() == null ? null
                        : registry.countyOfOrganisation(c.organisationId()).orElse(null), null, null);
            }
        };
    }

    private static void checkGrant(Actor actor, IdentityAction action, UserForm.Checked c, Placement p,
            FieldErrors errors) {
        if (!actor.role().mayGrant(c.role())) {
            errors.add("role", "validation.roleNotAllowed").throwIfAny();
        }
        if (!AccessControl.allows(actor, action, p.target())) {
            errors.add("role", "validation.outOfScope").throwIfAny();
        }
    }

    /** Demo accounts: created once, their password set on every start (see IdentityDemoData). */
    long createDemo(String email, String name, Role role, Long organisationId, Long countyId, Long areaId,
            Long placeId, String language, String password) {
        UserForm.Checked c = new UserForm.Checked(0, email, name, role, organisationId, countyId, areaId, placeId,
                language, true, password);
        Placement p = place(c, new FieldErrors());
        return users.insert(email, name, encoder.encode(password), role, p.organisationId(), p.countyId(),
                p.areaId(), p.placeId(), language, true, true, clock.instant());
    }

    void setDemoPassword(long id, String password) {
        users.setPassword(id, encoder.encode(password), clock.instant());
    }
}
