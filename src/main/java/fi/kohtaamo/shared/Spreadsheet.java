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
 * The one way to write an .xlsx download: one sheet, the first row bold as the header, numbers as
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

    public static byte[] write(String sheetName, List<? extends List<?>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet(sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = book.createCellStyle();
            text.setQuotePrefixed(true);
            CellStyle boldText = book.createCellStyle();
            boldText.cloneStyleFrom(bold);
            boldText.setQuotePrefixed(true);
            int width = 0;
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<?> values = rows.get(r);
                width = Math.max(width, values.size());
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object v = values.get(c);
                    boolean formulaLike = false;
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        String s = v.toString();
                        cell.setCellValue(s);
                        formulaLike = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
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
            sheet.createFreezePane(1, 1);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResponseEntity<byte[]> download(String filename, String sheetName, List<? extends List<?>> rows) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(write(sheetName, rows));
    }
}
