package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Actor;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which of an actor's organisations work in a county (an organisation's county is its own or its nearest
 * ancestor's). Staff and partners record weak signals and assess other places as peers in the counties their
 * organisation works in: a target made of a county's record with these organisations lets
 * {@link fi.kohtaamo.shared.AccessControl} decide by the actor's organisational scope, never by a form field.
 */
@Component
public class CountyMembership {

    private final Registry registry;

    public CountyMembership(Registry registry) {
        this.registry = registry;
    }

    public Set<Long> organisationsIn(Actor actor, long countyId) {
        return actor.organisations().stream()
                .filter(o -> registry.countyOfOrganisation(o).map(c -> c == countyId).orElse(false))
                .collect(Collectors.toSet());
    }
}
