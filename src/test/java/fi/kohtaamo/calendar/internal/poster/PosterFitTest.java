package fi.kohtaamo.calendar.internal.poster;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The poster on the demo data (test clock: Wednesday 25.11.2026, week 48): every demo municipality's week fits
 * on one A4 page (the largest, Espoo, on at most two), with every session the calendar's planner has for that
 * week and municipality; the table has a language column; a fi+sv poster has both languages; a place's poster
 * is its week.
 */
@IntegrationTest
class PosterFitTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityCalendar calendar;

    List<String> municipalities() {
        return jdbc.sql("""
                select distinct p.municipality_code from place p join activity a on a.place_id = p.id
                where p.demo = true and p.published = true order by 1""").query(String.class).list();
    }

    /**
     * Every demo municipality's week on at most two pages with every session on it (Espoo, 228 sessions, the
     * largest, on two; a typical one, under 100, on one), and the page counts printed.
     */
    @Test
    void everyDemoMunicipalitysWeekIsOnTwoPagesAtMostAndNothingIsLeftOutSilently() throws Exception {
        Map<String, String> figures = new TreeMap<>();
        for (String m : municipalities()) {
            byte[] pdf = new WebClient(port).getBytes("/calendar/poster.pdf?municipality=" + m + "&week=2026-W48&lang=fi");
            List<ActivityCalendar.PublicSession> sessions = calendar.publicSessions(
                    new ActivityCalendar.SessionQuery(m, null, null, null), MONDAY, MONDAY.plusDays(6));
            PosterCoverage.Result r = PosterCoverage.check(pdf, sessions);
            figures.put(m, r.sessions() + " sessions: " + r.pages() + " page(s)"
                    + (r.saidLeftOut() > 0 ? ", " + r.saidLeftOut() + " left out and said so" : ""));
            assertThat(r.pages()).as("pages of municipality %s (%d sessions)", m, r.sessions()).isLessThanOrEqualTo(2);
            assertThat(r.saidLeftOut()).as("sessions left out of municipality %s's poster", m).isZero();
            assertThat(r.missing()).as("sessions missing from municipality %s's poster", m).isZero();
            if (r.sessions() < 100) {
                assertThat(r.pages()).as("a typical municipality's week (%s, %d sessions) on one page", m, r.sessions())
                        .isEqualTo(1);
            }
        }
        System.out.println("poster pages per demo municipality, week 48: " + figures);
        assertThat(figures).hasSizeGreaterThan(3);
    }

    @Test
    void theTableSaysTheLanguageAndATwoLanguagePosterHasBoth() throws Exception {
        String m = municipalities().get(0);
        String fi = text("/calendar/poster.pdf?municipality=" + m + "&week=2026-W48&lang=fi");
        assertThat(fi).contains("Aika", "Toiminta", "Paikka", "Ikä", "Kieli", "Hinta", "suomi");
        String both = text("/calendar/poster.pdf?municipality=" + m + "&week=2026-W48&lang=fi-sv");
        assertThat(both).contains("Kieli", "Språk", "Maanantai · Måndag", "Viikko 48 · Vecka 48");
        // an activity with a Swedish name has both names on the poster
        List<ActivityCalendar.PublicSession> sessions = calendar.publicSessions(
                new ActivityCalendar.SessionQuery(m, null, null, null), MONDAY, MONDAY.plusDays(6));
        ActivityCalendar.PublicSession named = sessions.stream()
                .filter(s -> s.name().sv() != null && !s.name().sv().equals(s.name().fi())).findFirst().orElseThrow();
        assertThat(both).contains(PosterCoverage.normal(named.name().fi()), PosterCoverage.normal(named.name().sv()));
    }

    @Test
    void aPlacePosterIsThatPlacesWeekWithoutAPlaceColumn() throws Exception {
        String m = municipalities().get(0);
        List<ActivityCalendar.PublicSession> all = calendar.publicSessions(
                new ActivityCalendar.SessionQuery(m, null, null, null), MONDAY, MONDAY.plusDays(6));
        long place = all.get(0).place().id();
        List<ActivityCalendar.PublicSession> sessions = all.stream().filter(s -> s.place().id() == place).toList();
        byte[] pdf = new WebClient(port).getBytes("/calendar/poster.pdf?place=" + place + "&week=2026-W48&lang=sv");
        PosterCoverage.Result r = PosterCoverage.check(pdf, sessions, fi.kohtaamo.shared.Lang.SV);
        assertThat(r.pages()).isEqualTo(1);
        assertThat(r.text()).contains("Tid", "Verksamhet", "Språk").doesNotContain("Plats Ålder");
    }

    String text(String path) throws Exception {
        try (PDDocument doc = Loader.loadPDF(new WebClient(port).getBytes(path))) {
            return PosterCoverage.normal(new PDFTextStripper().getText(doc));
        }
    }
}
