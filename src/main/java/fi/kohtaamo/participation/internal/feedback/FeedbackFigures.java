package fi.kohtaamo.participation.internal.feedback;

import fi.kohtaamo.monitoring.ContributedFigures;
import fi.kohtaamo.participation.internal.feedback.FeedbackQueries.FaceMonth;
import fi.kohtaamo.shared.SmallNumbers;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Feedback as figures about people: per place and period the answers of each face, protected unit by unit
 * (face × place × month) by {@code shared.SmallNumbers}, exactly as the monitoring reports protect theirs; and the
 * monthly counts the reports join through {@link ContributedFigures} ({@code feedback-answers}, and
 * {@code feedback-positive}: answers with one of the two happiest faces).
 */
@Component
public class FeedbackFigures implements ContributedFigures {

    static final String ANSWERS = "feedback-answers";
    static final String POSITIVE = "feedback-positive";

    private final FeedbackQueries queries;
    private final SmallNumbers small;

    FeedbackFigures(FeedbackQueries queries, SmallNumbers small) {
        this.queries = queries;
        this.small = small;
    }

    @Override
    public List<String> keys() {
        return List.of(ANSWERS, POSITIVE);
    }

    @Override
    public List<PlaceMonthValue> values(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (FaceMonth f : queries.faceMonths(placeIds, from, to)) {
            long[] v = sums.computeIfAbsent(f.placeId() + "|" + f.month(), k -> new long[2]);
            v[0] += f.count();
            if (f.face() >= 4) {
                v[1] += f.count();
            }
        }
        List<PlaceMonthValue> out = new ArrayList<>();
        sums.forEach((k, v) -> {
            String[] parts = k.split("\\|");
            long place = Long.parseLong(parts[0]);
            YearMonth month = YearMonth.parse(parts[1]);
            out.add(new PlaceMonthValue(ANSWERS, place, month, v[0]));
            if (v[1] > 0) {
                out.add(new PlaceMonthValue(POSITIVE, place, month, v[1]));
            }
        });
        return out;
    }

    /** A place's protected figures of a period: each face's answers and all answers. */
    public record PlaceFaces(long placeId, Map<Integer, SmallNumbers.Sum> faces, SmallNumbers.Sum total) {
    }

    /** The protected counts of the places over the months from..to, by place id. */
    public Map<Long, PlaceFaces> faces(Collection<Long> placeIds, YearMonth from, YearMonth to) {
        Map<Long, PlaceFaces> out = new LinkedHashMap<>();
        for (Long p : placeIds) {
            Map<Integer, SmallNumbers.Sum> faces = new LinkedHashMap<>();
            for (int face = 5; face >= 1; face--) {
                faces.put(face, new SmallNumbers.Sum());
            }
            out.put(p, new PlaceFaces(p, faces, new SmallNumbers.Sum()));
        }
        Map<String, Long> totals = new HashMap<>();
        for (FaceMonth f : queries.faceMonths(placeIds, from, to)) {
            PlaceFaces pf = out.get(f.placeId());
            pf.faces().get(f.face()).add(f.count(), small.share(f.count(), unit("feedback-face-" + f.face(), f.placeId(),
                    f.month())));
            totals.merge(f.placeId() + "|" + f.month(), f.count(), Long::sum);
        }
        totals.forEach((k, v) -> {
            String[] parts = k.split("\\|");
            long place = Long.parseLong(parts[0]);
            out.get(place).total().add(v, small.share(v, unit(ANSWERS, place, YearMonth.parse(parts[1]))));
        });
        return out;
    }

    /** A unit's name, the same as the monitoring report's for contributed figures (key|place|month). */
    static String unit(String key, long placeId, YearMonth month) {
        return key + "|" + placeId + "|" + (month.getYear() * 100 + month.getMonthValue());
    }

    /**
     * A session's protected figures: the activity (null for answers given outside any session, summed over the
     * period), the occurrence's date, each face's answers and all of them.
     */
    public record SessionFaces(Long activityId, java.time.LocalDate occurrenceDate, Map<Integer, SmallNumbers.Sum> faces,
            SmallNumbers.Sum total) {
    }

    /**
     * A place's answers per session of the period, newest session first, then the answers outside sessions. Each
     * unit (face × place × session; outside sessions face × place × day) is protected by {@code shared.SmallNumbers}
     * as the per-place figures are, so a session with 1–4 answers of a face shows "<5" and a total made of such
     * units never tells what they are.
     */
    public List<SessionFaces> sessions(long placeId, java.time.LocalDate from, java.time.LocalDate to) {
        Map<String, SessionFaces> out = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        SessionFaces outside = null;
        for (FeedbackQueries.FaceSession f : queries.faceSessions(placeId, from, to)) {
            String session = f.activityId() == null ? "-" : f.activityId() + "|" + f.occurrenceDate();
            SessionFaces sf = out.computeIfAbsent(session, k -> newSession(f.activityId(), f.occurrenceDate()));
            String unit = f.activityId() == null ? placeId + "|day " + f.day() : placeId + "|" + session;
            sf.faces().get(f.face()).add(f.count(), small.share(f.count(), "feedback-session-face-" + f.face() + "|"
                    + unit));
            totals.merge(session + "#" + unit, f.count(), Long::sum);
        }
        totals.forEach((k, v) -> {
            String session = k.substring(0, k.indexOf('#'));
            out.get(session).total().add(v, small.share(v, "feedback-session|" + k.substring(k.indexOf('#') + 1)));
        });
        List<SessionFaces> list = new ArrayList<>();
        for (Map.Entry<String, SessionFaces> e : out.entrySet()) {
            if (e.getKey().equals("-")) {
                outside = e.getValue();
            } else {
                list.add(e.getValue());
            }
        }
        if (outside != null) {
            list.add(outside);
        }
        return list;
    }

    private static SessionFaces newSession(Long activityId, java.time.LocalDate date) {
        Map<Integer, SmallNumbers.Sum> faces = new LinkedHashMap<>();
        for (int face = 5; face >= 1; face--) {
            faces.put(face, new SmallNumbers.Sum());
        }
        return new SessionFaces(activityId, date, faces, new SmallNumbers.Sum());
    }
}
