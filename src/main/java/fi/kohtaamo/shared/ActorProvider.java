package fi.kohtaamo.shared;

import java.util.Optional;

/** Gives the signed-in {@link Actor} of the current request; implemented by the identity module. */
public interface ActorProvider {

    Optional<Actor> current();
}
