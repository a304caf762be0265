package fi.kohtaamo.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way to write CSV for download: UTF-8 with a byte order mark and semicolons (what Finnish
 * Excel opens as columns), every text cell made safe against formula injection.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * A text cell as spreadsheets will not run it: one starting with =, +, -, @, a tab or a carriage
     * return is taken as a formula by Excel and LibreOffice, so it gets a leading single quote (OWASP).
     */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    /** The rows as CSV text; strings are made {@link #safe}, numbers are written as they are. */
    public static String write(List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            for (List<?> row : rows) {
                csv.printRecord(row.stream().map(v -> v instanceof String s ? safe(s) : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A download of the rows as {@code filename}. */
    public static ResponseEntity<byte[]> download(String filename, List<? extends List<?>> rows) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(write(rows).getBytes(StandardCharsets.UTF_8));
    }
}
