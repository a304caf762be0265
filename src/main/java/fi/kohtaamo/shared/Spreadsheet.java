package fi.kohtaamo.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way to write an .xlsx download: one or more sheets, each with optional notes above its table (title,
 * period, filters), the table's first row bold as the header and frozen with the notes, numbers as
 * numbers, text as text. Never a formula: every cell is written as a value, and a text cell is a
 * string cell whatever it starts with. Text that starts with {@code = + - @} is kept exactly as it is
 * (no apostrophe, which {@link Csv#safe} adds in CSV, where there is no cell type) and styled
 * "quote-prefixed", so that a spreadsheet program keeps it as text when the cell is edited too.
 */
public final class Spreadsheet {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Spreadsheet() {
    }

    /**
     * One sheet: its name (made valid and unique: at most 31 characters, none of {@code \\ / ? * [ ] :}), lines of
     * notes above the table (the first one bold, as its title; then a blank row), and the table, whose first row is
     * its bold header. The notes and the header are frozen, so they stay in view while the rows scroll.
     */
    public record Sheet(String name, List<String> notes, List<? extends List<?>> rows) {
    }

    public static byte[] write(String sheetName, List<? extends List<?>> rows) {
        return write(List.of(new Sheet(sheetName, List.of(), rows)));
    }

    public static byte[] write(List<Sheet> sheets) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = book.createCellStyle();
            text.setQuotePrefixed(true);
            CellStyle boldText = book.createCellStyle();
            boldText.cloneStyleFrom(bold);
            boldText.setQuotePrefixed(true);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Sheet s : sheets) {
                XSSFSheet sheet = book.createSheet(sheetName(s.name(), names));
                int top = 0;
                for (int n = 0; n < s.notes().size(); n++) {
                    Cell cell = sheet.createRow(top++).createCell(0);
                    String note = s.notes().get(n);
                    cell.setCellValue(note);
                    boolean formulaLike = !note.isEmpty() && "=+-@".indexOf(note.charAt(0)) >= 0;
                    if (n == 0) {
                        cell.setCellStyle(formulaLike ? boldText : bold);
                    } else if (formulaLike) {
                        cell.setCellStyle(text);
                    }
                }
                if (top > 0) {
                    top++;
                }
                int width = 0;
                for (int r = 0; r < s.rows().size(); r++) {
                    Row row = sheet.createRow(top + r);
                    List<?> values = s.rows().get(r);
                    width = Math.max(width, values.size());
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        Object v = values.get(c);
                        boolean formulaLike = false;
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v != null) {
                            String str = v.toString();
                            cell.setCellValue(str);
                            formulaLike = !str.isEmpty() && "=+-@".indexOf(str.charAt(0)) >= 0;
                        }
                        if (r == 0) {
                            cell.setCellStyle(formulaLike ? boldText : bold);
                        } else if (formulaLike) {
                            cell.setCellStyle(text);
                        }
                    }
                }
                for (int c = 0; c < width; c++) {
                    sheet.setColumnWidth(c, c == 0 ? 40 * 256 : 14 * 256);
                }
                sheet.createFreezePane(1, top + 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sheet name Excel accepts, unique in the workbook (case-insensitively, as Excel compares them). */
    private static String sheetName(String wanted, java.util.Set<String> taken) {
        String base = wanted.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        if (base.isEmpty()) {
            base = "1";
        }
        String name = base.length() > 31 ? base.substring(0, 31).strip() : base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            name = (base.length() > 31 - suffix.length() ? base.substring(0, 31 - suffix.length()).strip() : base) + suffix;
        }
        return name;
    }

    public static ResponseEntity<byte[]> download(String filename, String sheetName, List<? extends List<?>> rows) {
        return download(filename, List.of(new Sheet(sheetName, List.of(), rows)));
    }

    public static ResponseEntity<byte[]> download(String filename, List<Sheet> sheets) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(write(sheets));
    }
}
