package fi.kohtaamo.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The one way to read an uploaded text file. */
public final class Uploads {

    private Uploads() {
    }

    /**
     * The bytes as UTF-8 text without a byte order mark; null when they are not UTF-8 text (malformed,
     * or binary with NUL and other control bytes).
     */
    public static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.startsWith("\uFEFF")) {
                s = s.substring(1);
            }
            if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
                return null;
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether a zip archive (an .xlsx workbook) expands to at most {@code maxBytes} in at most
     * {@code maxEntries} entries. The entries are inflated, counting what actually comes out (the sizes
     * the archive states may lie), and reading stops at the limit; a broken archive is within limits
     * (its reader will say it is broken).
     */
    public static boolean zipWithin(byte[] bytes, long maxBytes, int maxEntries) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            while (zip.getNextEntry() != null) {
                if (++entries > maxEntries) {
                    return false;
                }
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        return false;
                    }
                }
            }
            return true;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return true;
        }
    }

    /** Whether the bytes are a zip archive (an .xlsx workbook is one). */
    public static boolean zip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }
}
