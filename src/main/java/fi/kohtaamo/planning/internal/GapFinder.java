package fi.kohtaamo.planning.internal;

import fi.kohtaamo.planning.internal.Timetable.AgeBand;
import fi.kohtaamo.planning.internal.Timetable.Session;
import fi.kohtaamo.planning.internal.Timetable.Slot;
import fi.kohtaamo.shared.LocalizedText;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gaps and the heat map. A session is "on offer" for an age band when the activity's ages meet the band, and for a
 * language when the activity is held in it. Columns: the seven weekdays, then evenings (a session starting at 17.00
 * or later, any day) and weekends (Saturday or Sunday, any time). A gap is a cell with no session in the window.
 */
public final class GapFinder {

    /** Columns of a gap row: Monday…Sunday, evening, weekend. */
    static final int EVENING = 7;
    static final int WEEKEND = 8;
    static final int COLUMNS = 9;
    /** Evenings start at 17.00. */
    static final int EVENING_FROM = 17 * 60;
    /** The heat map's times of day: starting before 9, 9–11, 11–13, 13–15, 15–17, 17–19, from 19. */
    static final int[] TIME_BANDS = {0, 9 * 60, 11 * 60, 13 * 60, 15 * 60, 17 * 60, 19 * 60};

    private GapFinder() {
    }

    /** One age band × language of an area: sessions per column in the window. */
    public record Row(AgeBand band, String language, int[] sessions) {

        public boolean gap(int column) {
            return sessions[column] == 0;
        }

        public int gaps() {
            int n = 0;
            for (int s : sessions) {
                n += s == 0 ? 1 : 0;
            }
            return n;
        }
    }

    public record Area(long id, LocalizedText name, List<Row> rows) {

        public int gaps() {
            return rows.stream().mapToInt(Row::gaps).sum();
        }
    }

    /** The languages compared: Finnish, Swedish, then every other language of the places (and activities), sorted. */
    static List<String> languages(Iterable<String> placeLanguages) {
        Set<String> other = new TreeSet<>();
        placeLanguages.forEach(l -> {
            if (l != null && !l.equals("fi") && !l.equals("sv")) {
                other.add(l);
            }
        });
        List<String> out = new ArrayList<>(List.of("fi", "sv"));
        out.addAll(other);
        return out;
    }

    static List<String> languagesOf(Slot s) {
        return s.languages().isEmpty() ? List.of("fi") : s.languages();
    }

    /**
     * The gap table of every area given (areas without any activity too: everything is a gap there).
     *
     * @param areas the areas to show, by id, in order
     */
    static List<Area> gaps(List<Slot> slots, Map<Long, LocalizedText> areas, List<String> languages) {
        Map<Long, Map<String, int[]>> counts = new LinkedHashMap<>();
        for (Slot s : slots) {
            Map<String, int[]> area = counts.computeIfAbsent(s.areaId(), k -> new LinkedHashMap<>());
            for (AgeBand band : AgeBand.values()) {
                if (!band.includes(s)) {
                    continue;
                }
                for (String language : languagesOf(s)) {
                    int[] c = area.computeIfAbsent(band.code() + "|" + language, k -> new int[COLUMNS]);
                    for (Session session : s.sessions()) {
                        int day = session.weekday().getValue() - 1;
                        c[day]++;
                        if (session.start() >= EVENING_FROM) {
                            c[EVENING]++;
                        }
                        if (session.weekday() == DayOfWeek.SATURDAY || session.weekday() == DayOfWeek.SUNDAY) {
                            c[WEEKEND]++;
                        }
                    }
                }
            }
        }
        List<Area> out = new ArrayList<>();
        areas.forEach((id, name) -> {
            Map<String, int[]> area = counts.getOrDefault(id, Map.of());
            List<Row> rows = new ArrayList<>();
            for (AgeBand band : AgeBand.values()) {
                for (String language : languages) {
                    rows.add(new Row(band, language, area.getOrDefault(band.code() + "|" + language, new int[COLUMNS])));
                }
            }
            out.add(new Area(id, name, rows));
        });
        return out;
    }

    /** A gap as a key, for comparing a sketch with the timetable: area|band|language|column. */
    static Set<String> gapKeys(List<Area> areas) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Area a : areas) {
            for (Row r : a.rows()) {
                for (int c = 0; c < COLUMNS; c++) {
                    if (r.gap(c)) {
                        out.add(a.id() + "|" + r.band().code() + "|" + r.language() + "|" + c);
                    }
                }
            }
        }
        return out;
    }

    static int timeBand(int minute) {
        int band = 0;
        for (int i = 0; i < TIME_BANDS.length; i++) {
            if (minute >= TIME_BANDS[i]) {
                band = i;
            }
        }
        return band;
    }

    /** The heat map: per area, weekday (rows) × time of day (columns), sessions in the window. */
    static Map<Long, int[][]> heat(List<Slot> slots, Map<Long, LocalizedText> areas, AgeBand band, String language) {
        Map<Long, int[][]> out = new LinkedHashMap<>();
        areas.keySet().forEach(id -> out.put(id, new int[7][TIME_BANDS.length]));
        for (Slot s : slots) {
            int[][] grid = out.get(s.areaId());
            if (grid == null || (band != null && !band.includes(s))
                    || (language != null && !languagesOf(s).contains(language))) {
                continue;
            }
            for (Session session : s.sessions()) {
                grid[session.weekday().getValue() - 1][timeBand(session.start())]++;
            }
        }
        return out;
    }
}
