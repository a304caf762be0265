package fi.kohtaamo.calendar.internal.imports;

import fi.kohtaamo.shared.ImportFetcher;
import fi.kohtaamo.calendar.internal.rules.Schedule;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.shared.Lang;
import java.net.InetAddress;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.StaticMessageSource;

/** The import's mapping rules and the fetcher's address check, without the application. */
@Tag("nodb")
class ActivityImportRulesTest {

    final ActivityImport imports = new ActivityImport(null, null, new StaticMessageSource());
    final ActivityImport.Options fi = new ActivityImport.Options(Lang.FI, ActivityKind.EVENT, null, true, null);

    static String ics(String... event) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:x@test\r\nSUMMARY:Kerho\r\n"
                + String.join("\r\n", event) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    ActivityImport.Row one(ActivityImport.Options o, String... event) {
        var r = imports.read(7, ics(event), o);
        assertThat(r.fileProblems()).isEmpty();
        assertThat(r.rows()).hasSize(1);
        return r.rows().get(0);
    }

    static List<String> keys(ActivityImport.Row row) {
        return row.problems().stream().map(ActivityImport.Problem::key).toList();
    }

    @Test
    void everySecondWeekOverAYearWith53WeeksIsRefused() {
        // 2026 has 53 ISO weeks: week 53 and week 1 are both odd
        var row = one(fi, "DTSTART;TZID=Europe/Helsinki:20261103T100000", "DTEND;TZID=Europe/Helsinki:20261103T110000",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270301T000000Z");
        assertThat(keys(row)).containsExactly("import.ics.biweeklyYearEnd");
        // within one year it is the even or odd weeks
        var ok = one(fi, "DTSTART;TZID=Europe/Helsinki:20270105T100000", "DTEND;TZID=Europe/Helsinki:20270105T110000",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270601T000000Z");
        assertThat(ok.valid()).isTrue();
        assertThat(ok.command().schedule().parity()).isEqualTo(Schedule.WeekParity.ODD);
        assertThat(ok.command().schedule().seasonEnd()).isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void countEndsTheSeasonOnTheLastCountedDate() {
        var row = one(fi, "DTSTART;TZID=Europe/Helsinki:20270105T100000", "DURATION:PT90M",
                "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4");
        assertThat(row.valid()).isTrue();
        assertThat(row.command().schedule().seasonEnd()).isEqualTo(LocalDate.of(2027, 1, 14));
        assertThat(row.command().schedule().durationMinutes()).isEqualTo(90);
    }

    @Test
    void untilInUtcLateAtNightDoesNotAddADay() {
        // 20270429T005959 local: the Thursday 29.4. at 10.00 is after UNTIL
        var row = one(fi, "DTSTART;TZID=Europe/Helsinki:20270107T100000", "DTEND;TZID=Europe/Helsinki:20270107T110000",
                "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270428T215959Z");
        assertThat(row.command().schedule().seasonEnd()).isEqualTo(LocalDate.of(2027, 4, 28));
    }

    @Test
    void seriesWithoutAnEndNeedTheFormsSeasonEnd() {
        String[] event = {"DTSTART;TZID=Europe/Helsinki:20270107T100000", "DTEND;TZID=Europe/Helsinki:20270107T110000",
            "RRULE:FREQ=WEEKLY;BYDAY=TH"};
        assertThat(keys(one(fi, event))).containsExactly("import.openEnded");
        var withEnd = new ActivityImport.Options(Lang.FI, ActivityKind.EVENT, null, true, LocalDate.of(2027, 5, 31));
        assertThat(one(withEnd, event).command().schedule().seasonEnd()).isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RRULE:FREQ=WEEKLY;INTERVAL=3;BYDAY=TU;COUNT=3|import.ics.interval",
        "RRULE:FREQ=MONTHLY;BYDAY=5TU;COUNT=3|import.ics.nth",
        "RRULE:FREQ=MONTHLY;COUNT=3|import.ics.monthlyByDate",
        "RRULE:FREQ=MONTHLY;BYDAY=TU,WE;BYSETPOS=1;COUNT=3|import.ics.monthlyOneDay",
        "RRULE:FREQ=YEARLY;COUNT=3|import.ics.frequency",
        "RRULE:FREQ=WEEKLY;BYDAY=TU;BYMONTH=1,2;COUNT=3|import.ics.unsupportedPart",
        "RRULE:FREQ=MONTHLY;BYDAY=-2FR;COUNT=3|import.ics.nth"})
    void rulesThatCannotBeStoredAreRowErrors(String rule, String key) {
        var row = one(fi, "DTSTART;TZID=Europe/Helsinki:20270105T100000", "DTEND;TZID=Europe/Helsinki:20270105T110000",
                rule);
        assertThat(row.valid()).isFalse();
        assertThat(keys(row)).containsExactly(key);
    }

    @Test
    void aSwedishCalendarIsRefusedForWantOfAFinnishName() {
        var sv = new ActivityImport.Options(Lang.SV, ActivityKind.EVENT, null, true, null);
        var row = one(sv, "DTSTART:20270105T080000Z", "DTEND:20270105T090000Z");
        assertThat(keys(row)).containsExactly("import.ics.finnishNameRequired");
        assertThat(row.form().nameSv).isEqualTo("Kerho");
    }

    @Test
    void unknownTimeZonesAndEventsOverMidnightAreRowErrors() {
        assertThat(keys(one(fi, "DTSTART;TZID=Mars/Olympus:20270105T100000", "DURATION:PT1H")))
                .containsExactly("import.ics.unreadableTime");
        assertThat(keys(one(fi, "DTSTART;TZID=Europe/Helsinki:20270105T230000", "DURATION:PT2H")))
                .containsExactly("import.overMidnight");
    }

    @Test
    void csvDelimiterIsDetectedAndCommasWork() {
        var r = imports.read(7, "name_fi,weekdays,start_date,end_date,start_time,end_time\n"
                + "Kerho,\"ma,ke\",2027-01-04,2027-05-31,10:00,11:00\n", fi);
        assertThat(r.fileProblems()).isEmpty();
        assertThat(r.rows().get(0).valid()).isTrue();
        assertThat(r.rows().get(0).number()).isEqualTo(2);
        assertThat(r.rows().get(0).command().schedule().weekdays()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1,false", "10.1.2.3,false", "172.16.0.1,false", "172.32.0.1,true", "192.168.1.1,false",
        "169.254.169.254,false", "100.64.0.1,false", "0.0.0.0,false", "224.0.0.1,false", "255.255.255.255,false",
        "8.8.8.8,true", "::1,false", "::,false", "fe80::1,false", "fc00::1,false", "fd12:3456::1,false",
        "ff02::1,false", "::ffff:127.0.0.1,false", "::ffff:10.0.0.1,false", "::127.0.0.1,false",
        "64:ff9b::a00:1,false", "2002:a00:1::1,false", "2001:0::1,false", "2001:4860:4860::8888,true",
        "2a00:1450:4010:c0f::64,true", "64:ff9b::808:808,true"})
    void onlyPublicAddressesAreFetched(String address, boolean isPublic) throws Exception {
        assertThat(ImportFetcher.isPublic(InetAddress.getByName(address))).as(address).isEqualTo(isPublic);
    }
}
