package fi.kohtaamo.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reading query parameters: the one way a date in an address is read. Anything malformed is a
 * {@link KohtaamoException.BadParameter} (a translated 400 naming the parameter), never an error.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** A date parameter (yyyy-mm-dd), or the fallback when it is missing or blank; years outside 2000–2100 are refused. */
    public static LocalDate date(String raw, String name, LocalDate fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            if (raw.length() == 10 && raw.matches("^\\d{4}-\\d{2}-\\d{2}$")) {
                LocalDate d = LocalDate.parse(raw);
                if (d.getYear() >= 2000 && d.getYear() <= 2100) {
                    return d;
                }
            }
        } catch (DateTimeException e) {
            // falls through: 2026-02-30 and the like
        }
        throw new KohtaamoException.BadParameter(name);
    }
}
