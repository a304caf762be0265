package fi.kohtaamo.calendar.internal.feeds;

import fi.kohtaamo.shared.KohtaamoException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The parts of feed addresses and file names that come from outside or from names staff typed. */
final class FileNames {

    static final int MAX_SLUG = 40;

    private FileNames() {
    }

    /** A name as a safe ASCII file name: "Perhekerho, Äijälä" is "perhekerho-aijala"; never empty. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX_SLUG) {
            ascii = ascii.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "kohtaamo" : ascii;
    }

    /** A day of an address ({@code yyyy-mm-dd}); anything else is "not found", as an unknown page. */
    static LocalDate date(String raw) {
        if (raw == null || !raw.matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) {
            throw new KohtaamoException.NotFound("date " + raw);
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw new KohtaamoException.NotFound("date " + raw);
        }
    }
}
