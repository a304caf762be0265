package fi.kohtaamo.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.planning.internal.Timetable.Session;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An activity added in a sketch is held as a new activity would be: every week of the window on its weekday, except
 * on the public holidays the calendar's planner gives (here Christmas Eve and Christmas Day, Thursday and Friday of
 * week 52 of 2026).
 */
@Tag("nodb")
class SketchTest {

    static final LocalizedText NAME = LocalizedText.of("Paikka", null, null);

    static TimetableQueries.SketchChange add(long id, int weekday) {
        return new TimetableQueries.SketchChange(id, 1, 1, "ADD", null, 7L, "BABY_CAFE", 0, 12, "fi", weekday,
                LocalTime.of(10, 0), 90);
    }

    @Test
    void anAddedActivitySkipsThePublicHolidaysOfTheWindow() {
        Timetable empty = new Timetable(LocalDate.of(2026, 12, 21), 2, List.of());
        Map<Long, Sketch.PlaceOf> places = Map.of(7L, new Sketch.PlaceOf(7, 3, 1, "049", NAME, NAME, 60.2, 24.7));
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
        Timetable t = Sketch.apply(empty, List.of(add(1, 4), add(2, 5), add(3, 2)), places, holidays);
        assertThat(t.slots()).hasSize(3);
        // Thursdays 24.12. (Christmas Eve) and 31.12.: only the second
        assertThat(t.slots().get(0).sessions()).extracting(Session::date).containsExactly(LocalDate.of(2026, 12, 31));
        // Fridays 25.12. (Christmas Day) and 1.1. (not in the given set here): only the second
        assertThat(t.slots().get(1).sessions()).extracting(Session::date).containsExactly(LocalDate.of(2027, 1, 1));
        // Tuesdays are no holiday: both weeks, 10.00–11.30
        assertThat(t.slots().get(2).sessions()).containsExactly(new Session(LocalDate.of(2026, 12, 22), 600, 690),
                new Session(LocalDate.of(2026, 12, 29), 600, 690));
        // without holidays every week is held
        assertThat(Sketch.apply(empty, List.of(add(1, 4)), places, Set.of()).slots().get(0).sessions()).hasSize(2);
    }
}
