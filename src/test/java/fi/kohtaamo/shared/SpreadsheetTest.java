package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The .xlsx export read back with Apache POI: text is text, exactly as given, and never a formula. */
class SpreadsheetTest {

    @Test
    void textStartingLikeAFormulaIsAStringCellWithoutAnApostrophe() throws IOException {
        List<String> texts = List.of("=1+2", "+358 40 123 4567", "-5 %", "@SUM(A1:A2)", "=HYPERLINK(\"http://x\")");
        byte[] xlsx = Spreadsheet.write("Raportti", List.of(List.of("=otsikko", "luku"),
                List.of(texts.get(0), 7), List.of(texts.get(1), -3), List.of(texts.get(2), 0),
                List.of(texts.get(3), 1.5), List.of(texts.get(4), 2), List.of("tavallinen", 3)));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Cell header = sheet.getRow(0).getCell(0);
            assertThat(header.getCellType()).isEqualTo(CellType.STRING);
            assertThat(header.getStringCellValue()).isEqualTo("=otsikko");
            for (int r = 0; r < texts.size(); r++) {
                Cell cell = sheet.getRow(r + 1).getCell(0);
                assertThat(cell.getCellType()).as(texts.get(r)).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(texts.get(r));
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
                assertThat(sheet.getRow(r + 1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            }
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-3);
            Cell plain = sheet.getRow(6).getCell(0);
            assertThat(plain.getStringCellValue()).isEqualTo("tavallinen");
            assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
        }
        // CSV keeps its protection: there is no cell type there
        assertThat(Csv.safe("=1+2")).isEqualTo("'=1+2");
    }
}
