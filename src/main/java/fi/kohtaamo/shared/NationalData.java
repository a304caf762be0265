package fi.kohtaamo.shared;

import java.time.LocalDate;

/**
 * A module's part of the generated national-scale dataset (for load tests and benchmarks, not for real
 * use): contributors run in {@link org.springframework.core.annotation.Order} from the
 * {@code generate-national} command. Deterministic: the same {@link Spec} on an empty database gives
 * the same rows.
 */
public interface NationalData {

    /**
     * @param seed  mixes into every random choice
     * @param scale 1.0 is the whole country (~5 000 places); smaller scales keep every county and
     *              municipality but fewer places in each (at least one)
     * @param today the day the generated seasons are placed around
     */
    record Spec(long seed, double scale, LocalDate today) {
    }

    /** Adds this module's part; the registry's part runs first and refuses a database that has places. */
    void generate(Spec spec);

    /** One line for the command's summary, e.g. "5 102 meeting places". */
    String summary();
}
