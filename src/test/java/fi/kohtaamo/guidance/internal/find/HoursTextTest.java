package fi.kohtaamo.guidance.internal.find;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.guidance.internal.find.FindModel.Hours;
import fi.kohtaamo.guidance.internal.find.HoursText.Now;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Hours in words and "open now": weekdays with the same hours grouped, over midnight (open on the next morning,
 * unless the evening it started was closed), by appointment, closed and exceptional dates ahead, a temporarily
 * closed service never open, hours valid only from a later date.
 */
class HoursTextTest {

    static final HoursText TEXT;

    static {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/guidance_find");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        TEXT = new HoursText(m);
    }

    static Hours regular(int day, String opens, String closes) {
        return new Hours("REGULAR", day, LocalTime.parse(opens), LocalTime.parse(closes), null, null, false,
                LocalizedText.EMPTY);
    }

    static Hours closed(LocalDate from, LocalDate to, String note) {
        return new Hours("CLOSED", null, null, null, from, to, false, LocalizedText.of(note, null, null));
    }

    static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(ClockConfig.ZONE);
    }

    // Monday 7.12.2026
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    @Test
    void weekdaysGroupedOverMidnightAndByAppointment() {
        List<Hours> h = List.of(regular(1, "09:00", "16:00"), regular(2, "09:00", "16:00"), regular(3, "09:00", "16:00"),
                regular(4, "09:00", "12:00"), regular(4, "13:00", "16:00"), regular(5, "22:00", "02:00"),
                new Hours("REGULAR", 6, LocalTime.of(10, 0), LocalTime.MIDNIGHT, null, null, true, LocalizedText.EMPTY));
        assertThat(TEXT.weekly(h, Lang.FI, MONDAY)).containsExactly("maanantai–keskiviikko 9.00–16.00",
                "torstai 9.00–12.00, 13.00–16.00", "perjantai 22.00–2.00 (yön yli)",
                "lauantai 10.00–24.00 (ajanvarauksella)");
        assertThat(TEXT.weekly(h, Lang.SV, MONDAY)).startsWith("måndag–onsdag 9.00–16.00");
        assertThat(TEXT.weekly(h, Lang.EN, MONDAY)).contains("Friday 22:00–2:00 (overnight)",
                "Saturday 10:00–24:00 (by appointment)");
    }

    @Test
    void openNowAcrossMidnightAndClosedDates() {
        List<Hours> h = List.of(regular(1, "09:00", "16:00"), regular(5, "22:00", "02:00"),
                closed(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 25), "joulupäivä"));
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-07T10:00"))).isEqualTo(Now.OPEN);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-07T16:00"))).isEqualTo(Now.CLOSED);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-07T08:59"))).isEqualTo(Now.CLOSED);
        // Friday 11.12. 23.00 and Saturday 12.12. 1.30 are open; Saturday 2.00 is not
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-11T23:00"))).isEqualTo(Now.OPEN);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-12T01:30"))).isEqualTo(Now.OPEN);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-12T02:00"))).isEqualTo(Now.CLOSED);
        // Friday 25.12. is closed: neither that evening nor the night after it
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-25T23:00"))).isEqualTo(Now.CLOSED);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-26T01:00"))).isEqualTo(Now.CLOSED);
        // a temporarily closed (or inactive) service is never open; no hours at all is not claimed either way
        assertThat(TEXT.now("TEMPORARILY_CLOSED", h, at("2026-12-07T10:00"))).isEqualTo(Now.TEMPORARILY_CLOSED);
        assertThat(TEXT.now("INACTIVE", h, at("2026-12-07T10:00"))).isEqualTo(Now.TEMPORARILY_CLOSED);
        assertThat(TEXT.now("ACTIVE", List.of(), at("2026-12-07T10:00"))).isEqualTo(Now.UNKNOWN);
    }

    @Test
    void exceptionalDatesReplaceTheDayAndAreListedAhead() {
        LocalDate eve = LocalDate.of(2026, 12, 31);
        List<Hours> h = List.of(regular(4, "09:00", "16:00"),
                new Hours("EXCEPTIONAL", null, LocalTime.of(9, 0), LocalTime.of(12, 0), eve, eve, false,
                        LocalizedText.of("uudenvuodenaatto", "nyårsafton", "New Year's Eve")),
                closed(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26), "joulu"),
                closed(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), "mennyt"),
                closed(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 30), "kesä"));
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-31T13:00"))).isEqualTo(Now.CLOSED);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-31T11:00"))).isEqualTo(Now.OPEN);
        assertThat(TEXT.now("ACTIVE", h, at("2026-12-24T10:00"))).isEqualTo(Now.CLOSED);
        // past and far-away dates are left out
        assertThat(TEXT.exceptions(h, Lang.FI, MONDAY)).containsExactly("Suljettu 24.12.2026–26.12.2026 (joulu)",
                "31.12.2026 9.00–12.00 (uudenvuodenaatto)");
        assertThat(TEXT.exceptions(h, Lang.EN, MONDAY)).containsExactly("Closed 24 Dec 2026–26 Dec 2026 (joulu)",
                "31 Dec 2026 9:00–12:00 (New Year's Eve)");
    }

    @Test
    void hoursValidOnlyLaterSaySoAndByAppointmentIsNotOpen() {
        LocalDate june = LocalDate.of(2027, 6, 1);
        List<Hours> later = List.of(new Hours("REGULAR", 2, LocalTime.of(10, 0), LocalTime.of(11, 0), june, null, false,
                LocalizedText.EMPTY));
        assertThat(TEXT.weekly(later, Lang.FI, MONDAY)).containsExactly("1.6.2027 alkaen:", "tiistai 10.00–11.00");
        assertThat(TEXT.now("ACTIVE", later, at("2026-12-08T10:30"))).isEqualTo(Now.CLOSED);
        List<Hours> appointment = List.of(new Hours("REGULAR", 1, LocalTime.of(9, 0), LocalTime.of(12, 0), null, null,
                true, LocalizedText.EMPTY));
        assertThat(TEXT.now("ACTIVE", appointment, at("2026-12-07T10:00"))).isEqualTo(Now.BY_APPOINTMENT);
        // closing at midnight is the end of the day, open until then
        List<Hours> late = List.of(regular(1, "18:00", "00:00"));
        assertThat(TEXT.now("ACTIVE", late, at("2026-12-07T23:59"))).isEqualTo(Now.OPEN);
        assertThat(TEXT.now("ACTIVE", late, at("2026-12-08T00:30"))).isEqualTo(Now.CLOSED);
    }
}
