package fi.kohtaamo.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing counts over real HTTP as the demo MLL staff member: CSV and .xlsx, a preview that reports
 * every row's problems and stores nothing, formulas refused, and a confirmation that stores all rows
 * once.
 */
@IntegrationTest
class CountImportTest {

    @Autowired JdbcClient jdbc;
    @Autowired fi.kohtaamo.registry.Registry registry;
    @LocalServerPort int port;

    WebClient web;
    String placePath;
    long placeId;

    @BeforeEach
    void signIn() {
        web = new WebClient(port);
        assertThat(web.login("mll@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        WebClient.Response places = web.get("/admin/counts");
        String link = places.status() == 302 ? places.header("Location")
                : places.html().select("main .card-list a").last().attr("href");
        placePath = link.replaceAll("^https?://[^/]+", "");
        placeId = Long.parseLong(placePath.replaceAll("^.*/", ""));
        web.get(placePath + "/import");
    }

    /** The first n days from the given one when the demo place is open by its opening hours. */
    List<String> openDays(String from, int n) {
        List<String> out = new java.util.ArrayList<>();
        for (LocalDate d = LocalDate.parse(from); out.size() < n; d = d.plusDays(1)) {
            LocalDate on = d;
            if (registry.openingHours(placeId, on).stream().anyMatch(h -> h.weekday() == on.getDayOfWeek())) {
                out.add(on.toString());
            }
        }
        return out;
    }

    long openDayCounts(String from, String to) {
        return jdbc.sql("select count(*) from visit_count where place_id = :p and activity_id is null and on_date between :f and :t")
                .param("p", placeId).param("f", LocalDate.parse(from)).param("t", LocalDate.parse(to)).query(Long.class).single();
    }

    WebClient.Response preview(String name, String type, byte[] content) {
        web.get(placePath + "/import");
        return web.postMultipart(placePath + "/import/preview", List.of(),
                List.of(new WebClient.FilePart("file", name, type, content)));
    }

    @Test
    void aCsvWithProblemsIsReportedRowByRowAndNothingIsStored() {
        String csv = """
                date;activity;adults;children_under_1;children_1_2;children_3_6;children_7_12;children_13_17;first_time_families;volunteers;staff
                2026-10-05;;6;1;2;3;0;0;1;1;1
                2026-12-24;;6;1;2;3;0;0;1;1;1
                2026-10-06;;=1+1;1;2;3;0;0;1;1;1
                2026-10-07;Ei tällaista toimintoa;5;0;0;0;0;0;0;0;1
                2026-10-08;;-3;0;0;0;0;0;9;0;1
                2026-10-05;;6;1;2;3;0;0;1;1;1
                """;
        WebClient.Response r = preview("counts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        String text = r.html().select("main").text();
        assertThat(text).contains("Mitään ei tuotu", "5 riviä vaatii korjausta", "Tulevaa päivää ei voi laskea",
                "kaava", "Ei tällaista toimintoa", "kahdesti");
        assertThat(r.html().select("input[name=token]")).isEmpty();
        assertThat(openDayCounts("2026-10-05", "2026-10-08")).isZero();
    }

    @Test
    void anOpenDayIsNotImportedOnADayThePlaceIsClosed() {
        LocalDate closed = LocalDate.parse("2026-09-01");
        while (openDays(closed.toString(), 1).get(0).equals(closed.toString())) {
            closed = closed.plusDays(1);
        }
        String csv = "date;activity;adults;children_under_1;children_1_2;children_3_6;children_7_12;children_13_17;"
                + "first_time_families;volunteers;staff\n" + closed + ";;6;1;2;3;0;0;1;1;1\n";
        WebClient.Response r = preview("counts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select("main").text()).contains("Paikka ei ollut auki " + closed);
        assertThat(r.html().select("input[name=token]")).isEmpty();
        assertThat(openDayCounts(closed.toString(), closed.toString())).isZero();
        // nor is the open day offered in the counter's day page
        WebClient.Response day = web.get(placePath + "?date=" + closed);
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.html().select("main a[href*=subject=0]")).isEmpty();
        assertThat(web.get(placePath + "/count?subject=0&date=" + closed).status()).isEqualTo(404);
    }

    @Test
    void aGoodCsvIsStoredOnceOnConfirmation() {
        List<String> days = openDays("2026-10-01", 2);
        String csv = "\uFEFFdate,activity,adults,children_under_1,children_1_2,children_3_6,children_7_12,children_13_17,"
                + "first_time_families,volunteers,staff\n" + days.get(0) + ",,7,1,2,3,0,0,1,1,1\n" + days.get(1)
                + ",,4,0,3,1,0,0,0,0,1\n";
        WebClient.Response r = preview("counts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(200);
        String token = r.html().select("input[name=token]").attr("value");
        assertThat(openDayCounts(days.get(0), days.get(1))).isZero();
        WebClient.Response done = web.post(placePath + "/import/confirm", Map.of("token", token));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).contains("imported=2");
        assertThat(openDayCounts(days.get(0), days.get(1))).isEqualTo(2);
        web.get(placePath);
        assertThat(web.post(placePath + "/import/confirm", Map.of("token", token)).status()).isEqualTo(409);
        assertThat(openDayCounts(days.get(0), days.get(1))).isEqualTo(2);
        // the same file again: every row is already counted
        assertThat(preview("counts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).html().select("main").text())
                .contains("on jo laskettu");
    }

    @Test
    void referralColumnsAreImportedWithTheirCountsAndCheckedAsTheCounterChecksThem() {
        String head = "date;activity;adults;children_under_1;children_1_2;children_3_6;children_7_12;children_13_17;"
                + "first_time_families;volunteers;staff;referral_child_health_clinic;referral_family_counselling\n";
        List<String> days = openDays("2026-10-15", 2);
        // more families guided onward than adults: refused, naming the column, and nothing stored
        WebClient.Response bad = preview("counts.csv", "text/csv",
                (head + days.get(0) + ";;2;1;0;0;0;0;0;0;1;2;1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("main").text()).contains("referral_child_health_clinic");
        assertThat(openDayCounts(days.get(0), days.get(0))).isZero();
        WebClient.Response negative = preview("counts.csv", "text/csv",
                (head + days.get(0) + ";;2;1;0;0;0;0;0;0;1;-1;0\n").getBytes(StandardCharsets.UTF_8));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.html().select("main").text()).contains("referral_child_health_clinic");

        WebClient.Response good = preview("counts.csv", "text/csv",
                (head + days.get(0) + ";;5;1;0;2;0;0;0;0;1;2;1\n" + days.get(1) + ";;3;1;0;0;0;0;0;0;1;;\n").getBytes(StandardCharsets.UTF_8));
        assertThat(good.status()).isEqualTo(200);
        // the preview shows how many were guided onward on each row
        assertThat(good.html().select("tbody tr").get(0).select("td").get(4).text()).isEqualTo("3");
        web.post(placePath + "/import/confirm", Map.of("token", good.html().select("input[name=token]").attr("value")));
        assertThat(openDayCounts(days.get(0), days.get(1))).isEqualTo(2);
        Map<String, Long> stored = new java.util.TreeMap<>();
        jdbc.sql("""
                select r.service, r.families from visit_count_referral r join visit_count c on c.id = r.count_id
                where c.place_id = :p and c.on_date between :f and :t""")
                .param("p", placeId).param("f", LocalDate.parse(days.get(0))).param("t", LocalDate.parse(days.get(1)))
                .query(rs -> {
                    stored.merge(rs.getString(1), rs.getLong(2), Long::sum);
                });
        assertThat(stored).isEqualTo(Map.of("CHILD_HEALTH_CLINIC", 2L, "FAMILY_COUNSELLING", 1L));
        // and the month's sums that reports read
        Map<String, Long> monthly = new java.util.TreeMap<>();
        jdbc.sql("select service, families from visit_referral_month where place_id = :p and ym = 202610")
                .param("p", placeId).query(rs -> {
                    monthly.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(monthly).containsEntry("CHILD_HEALTH_CLINIC", 2L + referralsBefore("CHILD_HEALTH_CLINIC", days))
                .containsEntry("FAMILY_COUNSELLING", 1L + referralsBefore("FAMILY_COUNSELLING", days));
    }

    /** Families guided to a service from this place in October 2026 other than on the imported days. */
    long referralsBefore(String service, List<String> days) {
        return jdbc.sql("""
                select coalesce(sum(r.families), 0) from visit_count_referral r join visit_count c on c.id = r.count_id
                where c.place_id = :p and c.on_date between :f and :t and c.on_date not in (:a, :b) and r.service = :s""")
                .param("p", placeId).param("f", LocalDate.parse("2026-10-01")).param("t", LocalDate.parse("2026-10-31"))
                .param("a", LocalDate.parse(days.get(0))).param("b", LocalDate.parse(days.get(1))).param("s", service)
                .query(Long.class).single();
    }

    @Test
    void theImportPageNamesTheReferralColumnsInEachLanguage() {
        for (String lang : List.of("fi", "sv", "en")) {
            String text = web.get(placePath + "/import?lang=" + lang).html().select("main").text();
            assertThat(text).contains("referral_child_health_clinic", "referral_other");
        }
        WebClient.Response t = web.get(placePath + "/import/template.csv?month=2026-11");
        assertThat(t.body().lines().findFirst().orElse("")).endsWith(";staff;referral_child_health_clinic;referral_family_counselling;"
                + "referral_family_social_work;referral_family_work;referral_oral_health;referral_speech_therapy;referral_ecec;"
                + "referral_immigrant_services;referral_parish_diaconia;referral_mll_support_persons;referral_ngo_services;referral_other;"
                + "referral_child_welfare_open;referral_parent_mental_health;referral_parish_family_counselling;"
                + "referral_helpline;referral_culture_leisure");
    }

    byte[] workbook(boolean formula) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("Laskennat");
            XSSFRow head = sheet.createRow(0);
            String[] columns = {"date", "activity", "adults", "children_under_1", "children_1_2", "children_3_6",
                "children_7_12", "children_13_17", "first_time_families", "volunteers", "staff"};
            for (int i = 0; i < columns.length; i++) {
                head.createCell(i).setCellValue(columns[i]);
            }
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("2026-10-19");
            row.createCell(2).setCellValue(9);
            row.createCell(3).setCellValue(2);
            row.createCell(5).setCellValue(4);
            row.createCell(10).setCellValue(1);
            if (formula) {
                row.createCell(4).setCellFormula("HYPERLINK(\"http://example.com\",1)");
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWorkbookIsReadAndItsFormulasAreRefused() throws Exception {
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        WebClient.Response bad = preview("counts.xlsx", type, workbook(true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html().select("main").text()).contains("children_1_2", "kaava");
        WebClient.Response good = preview("counts.xlsx", type, workbook(false));
        assertThat(good.status()).isEqualTo(200);
        web.post(placePath + "/import/confirm", Map.of("token", good.html().select("input[name=token]").attr("value")));
        assertThat(openDayCounts("2026-10-19", "2026-10-19")).isEqualTo(1);
        // not a spreadsheet at all
        WebClient.Response junk = preview("counts.xlsx", type, new byte[] {'P', 'K', 3, 4, 0, 1, 2, 3, 0, 0, 0});
        assertThat(junk.status()).isEqualTo(400);
        assertThat(junk.html().select(".error-summary").text()).contains("Tiedostoa ei voi lukea");
        WebClient.Response binary = preview("counts.csv", "text/csv", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe});
        assertThat(binary.status()).isEqualTo(400);
    }

    @Test
    void aWorkbookThatExpandsTooMuchIsRefusedBeforeItIsRead() throws Exception {
        // a small file (POI's inflate-ratio guard lets it through) whose sheet is some 25 MB of XML
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>date</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>adults</t></is></c></row>");
        String filler = "x".repeat(300);
        for (int i = 2; i <= 62_000; i++) {
            sheet.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\" t=\"inlineStr\"><is><t>2026-10-05</t></is></c><c r=\"B")
                    .append(i).append("\"><v>3</v></c><c r=\"C").append(i).append("\" t=\"inlineStr\"><is><t>").append(filler)
                    .append("</t></is></c></row>");
        }
        sheet.append("</sheetData></worksheet>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook(false)));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(e.getName().equals("xl/worksheets/sheet1.xml") ? sheet.toString().getBytes(StandardCharsets.UTF_8)
                        : in.readAllBytes());
                zip.closeEntry();
            }
        }
        byte[] xlsx = out.toByteArray();
        assertThat(xlsx.length).isLessThan(2 * 1024 * 1024);
        assertThat((double) xlsx.length / sheet.length()).isGreaterThan(0.01);
        long t = System.nanoTime();
        WebClient.Response r = preview("counts.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.html().select(".error-summary").text()).contains("Työkirja on purettuna liian suuri (enintään 20 Mt)");
        assertThat(ms).as("refused in %d ms", ms).isLessThan(2000);
    }

    @Test
    void theTemplateListsTheMonthsUncountedOccurrences() {
        WebClient.Response t = web.get(placePath + "/import/template.csv?month=2026-11");
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.header("Content-Type")).startsWith("text/csv");
        assertThat(t.body()).startsWith("\uFEFFdate;activity;adults;");
        assertThat(web.get(placePath + "/import/template.csv?month=november").status()).isEqualTo(400);
    }
}
