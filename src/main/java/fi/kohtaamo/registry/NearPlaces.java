package fi.kohtaamo.registry;

import java.util.List;
import java.util.Optional;

/** What other modules (the calendar) ask of the registry for "near me" ordering (issue 16 part 5). */
public interface NearPlaces {

    /**
     * The point of a {@code near} parameter value ({@code place:<id>}, {@code municipality:<code>} or
     * {@code <lat>,<lon>}); empty when blank. Anything else is a {@code KohtaamoException.BadParameter}
     * ("near", code "near-point"), never a server error.
     */
    Optional<NearPoint> point(String raw);

    /** The municipalities families may order by the centre of, by Finnish name, as points. */
    List<NearPoint> municipalityCentres();
}
