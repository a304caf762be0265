package fi.kohtaamo.shared;

import java.nio.charset.StandardCharsets;

/**
 * The one way iCalendar text leaves Kohtaamo (feeds, mail invitations): ical4j escapes TEXT values
 * correctly but folds lines at 75 characters, while RFC 5545 3.1 counts octets, and Finnish text is
 * full of two-octet letters (an emoji takes four).
 */
public final class IcsText {

    /** At most this many octets on a line, not counting the line break (RFC 5545 3.1). */
    public static final int FOLD_OCTETS = 75;

    private IcsText() {
    }

    /**
     * Unfolds and folds again so that no line is longer than 75 octets, breaking only between
     * characters (never inside a UTF-8 sequence or a surrogate pair) and never inside an escape such
     * as {@code \,} (unfolding would restore it, but not every reader unfolds before unescaping);
     * continuation lines start with one space. Line ends are CRLF.
     */
    public static String fold(String ics) {
        String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n")) {
            int octets = 0;
            int i = 0;
            while (i < line.length()) {
                // one character, or a backslash with the character it escapes
                int end = line.offsetByCodePoints(i, line.charAt(i) == '\\' && i + 1 < line.length() ? 2 : 1);
                String piece = line.substring(i, end);
                int size = piece.getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > FOLD_OCTETS) {
                    out.append("\r\n ");
                    octets = 1;
                }
                out.append(piece);
                octets += size;
                i = end;
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
