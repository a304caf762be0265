package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.monitoring.internal.CountQueries;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The report's Excel workbook read back with Apache POI: one sheet per table of the page, each headed by the
 * title, the period, the filters and the small-number note, figures as numeric cells ("<5" as text), and the
 * heading rows frozen.
 */
@IntegrationTest
class ReportWorkbookTest {

    @Autowired Fixtures fx;
    @Autowired CountQueries counts;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @LocalServerPort int port;

    @Test
    void everyTableIsASheetWithItsNotesNumbersAndFrozenHeadings() throws IOException {
        long county = fx.county();
        String municipality = fx.municipality(county);
        long area = fx.area(county, municipality);
        long organisation = fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county);
        long place = fx.openPlace(area, municipality, organisation);
        String email = Fixtures.unique("taulukko").toLowerCase() + "@example.fi";
        jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, county_id, created_at, updated_at)
                values (:e, 'Taulukko', :h, 'COUNTY_COORDINATOR', :c, current_timestamp, current_timestamp)""")
                .param("e", email).param("h", encoder.encode("taulukon-pitka-salasana-77")).param("c", county).update();
        String areaName = jdbc.sql("select coalesce(name_en, name_fi) from area where id = :a").param("a", area).query(String.class).single();
        counts.insert(place, null, LocalDate.parse("2026-09-08"), new CountQueries.Figures(12, 0, 0, 8, 0, 0, 0, 0, 0),
                Map.of(), false, Instant.now());
        counts.insert(place, null, LocalDate.parse("2026-10-06"), new CountQueries.Figures(15, 0, 0, 9, 0, 0, 2, 0, 0),
                Map.of(), false, Instant.now());
        WebClient web = new WebClient(port);
        assertThat(web.login(email, "taulukon-pitka-salasana-77").header("Location")).endsWith("/admin");

        byte[] xlsx = web.getBytes("/admin/reports.xlsx?from=2026-10-01&to=2026-10-31&breakdown=AREA&area=" + area + "&lang=en");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Key figures", "Visits per place and month", "Visitors by month",
                    "Children by age band", "Area", "Families' voice", "Guided onward");
            for (Sheet sheet : book) {
                // the notes: title and period, the table, the previous period, breakdown, filters, places, privacy
                List<String> notes = new ArrayList<>();
                for (int r = 0; r < 7; r++) {
                    notes.add(sheet.getRow(r).getCell(0).getStringCellValue());
                }
                assertThat(notes.get(0)).as(sheet.getSheetName()).isEqualTo("Reports 1.10.2026–31.10.2026");
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
                assertThat(notes.subList(2, 7)).as(sheet.getSheetName()).containsExactly(
                        "Compared with the previous period 1.9.2026–30.9.2026", "Broken down by: Area",
                        "Filters: Area: " + areaName, "The report covers 1 meeting places.",
                        "Numbers of people below five are shown as <5. In sums, such as rows, totals and visitors, each figure "
                                + "under five of a place's month counts as zero or five: at random, but always the same way "
                                + "and so that sums are right on average. Sums may therefore differ a little from the exact "
                                + "figure, and no figure under five can be worked out from other reports by adding or "
                                + "subtracting. The method is described in the documentation (docs/privacy-of-reports.md).");
                assertThat(sheet.getRow(7)).as(sheet.getSheetName()).isNull();
                // the heading rows (notes and the table's header) stay in view
                var pane = sheet.getPaneInformation();
                assertThat(pane.isFreezePane()).as(sheet.getSheetName()).isTrue();
                assertThat(pane.getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 9);
            }
            Sheet summary = book.getSheet("Key figures");
            assertThat(summary.getRow(8).getCell(3).getStringCellValue()).isEqualTo("Change");
            Row adults = row(summary, "Adults");
            assertThat(adults.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(adults.getCell(1).getNumericCellValue()).isEqualTo(15);
            assertThat(adults.getCell(2).getNumericCellValue()).isEqualTo(12);
            assertThat(adults.getCell(3).getStringCellValue()).isEqualTo("+25\u00a0%");
            Row under1 = row(summary, "Children under 1");
            assertThat(under1.getCell(1).getCellType()).as("a zero is a number").isEqualTo(CellType.NUMERIC);
            assertThat(under1.getCell(1).getNumericCellValue()).isEqualTo(0);
            Row firstTime = row(summary, "First-time families");
            assertThat(firstTime.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(firstTime.getCell(1).getStringCellValue()).isEqualTo("<5");
            Sheet perPlace = book.getSheet("Visits per place and month");
            assertThat(perPlace.getRow(9).getCell(0).getNumericCellValue()).isEqualTo(24);
            assertThat(perPlace.getRow(9).getCell(2).getNumericCellValue()).isEqualTo(24);
            Sheet byArea = book.getSheet("Area");
            assertThat(byArea.getRow(8).getCell(0).getStringCellValue()).isEqualTo("Area");
            assertThat(byArea.getRow(9).getCell(0).getStringCellValue()).isEqualTo(areaName);
            assertThat(byArea.getRow(9).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(byArea.getRow(9).getCell(1).getNumericCellValue()).isEqualTo(24);
            Row october = row(book.getSheet("Visitors by month"), "10/2026");
            assertThat(october.getCell(1).getNumericCellValue()).isEqualTo(24);
        }
    }

    static Row row(Sheet sheet, String first) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getCell(0).getStringCellValue().equals(first) && r.getRowNum() > 8) {
                return r;
            }
        }
        throw new AssertionError(first + " not in " + sheet.getSheetName());
    }
}
