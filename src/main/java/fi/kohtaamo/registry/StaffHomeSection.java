package fi.kohtaamo.registry;

import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.Lang;
import java.util.Optional;

/**
 * A section that another module adds to the top of the staff front page ({@code /admin}, where staff land after
 * signing in), e.g. monitoring's sessions of the day to count, so that the registry shows it without depending on
 * that module. A section checks the actor's access itself and is empty for an actor who may not use it.
 */
public interface StaffHomeSection {

    /** What to render: a Thymeleaf template and fragment, with the data it needs. */
    record Section(String template, String fragment, Object data) {
    }

    /** The section for this actor, or empty when there is nothing for them. */
    Optional<Section> section(Actor actor, Lang lang);
}
