package fi.kohtaamo.identity.internal;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.ActorProvider;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in {@link Actor}, read from the database once per request: role, organisation scope
 * (the organisation and its sub-organisations) and county, area and place. A disabled or deleted
 * account has no actor, even with a live session.
 */
@Component
class CurrentActor implements ActorProvider {

    private static final String ATTRIBUTE = CurrentActor.class.getName();

    private final UserQueries users;
    private final Registry registry;

    CurrentActor(UserQueries users, Registry registry) {
        this.users = users;
        this.registry = registry;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Actor> current() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs != null && attrs.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Optional<?> o) {
            return (Optional<Actor>) o;
        }
        Optional<Actor> actor = load();
        if (attrs != null) {
            attrs.setAttribute(ATTRIBUTE, actor, RequestAttributes.SCOPE_REQUEST);
        }
        return actor;
    }

    private Optional<Actor> load() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return users.byEmail(auth.getName()).filter(UserQueries.User::enabled).map(this::actor);
    }

    Actor actor(UserQueries.User u) {
        return new Actor(u.id(), u.displayName(), u.role(), u.organisationId(),
                registry.organisationWithDescendants(u.organisationId()), u.countyId(), u.areaId(), u.placeId());
    }
}
