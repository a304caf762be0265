package fi.kohtaamo.shared;

/** The one way to read a record id from an address: a positive number of at most 18 digits, else "not found". */
public final class PathIds {

    private PathIds() {
    }

    public static long orNotFound(String raw) {
        if (raw == null || !raw.matches("^[0-9]{1,18}$") || Long.parseLong(raw) == 0) {
            throw new KohtaamoException.NotFound(String.valueOf(raw));
        }
        return Long.parseLong(raw);
    }
}
