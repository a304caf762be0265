package fi.kohtaamo.monitoring;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * Figures about people that another module keeps and the monitoring reports show beside the visit counts
 * (participation: feedback answers, survey responses). Each figure is a count per place and month; the
 * report protects it like its own figures (`shared.SmallNumbers`, one unit per figure, place and month), so
 * a contributing module never decides on its own what is small. Implementations are Spring beans; the
 * report asks every one of them.
 */
public interface ContributedFigures {

    /**
     * The figures contributed, in the order the report shows them: stable keys such as
     * {@code feedback-answers}; the label is the message {@code report.figure.<key>} in the contributing
     * module's bundle.
     */
    List<String> keys();

    /** The counts of the given places for the months from..to (inclusive); absent means 0. */
    List<PlaceMonthValue> values(Collection<Long> placeIds, YearMonth from, YearMonth to);

    /** One unit: a figure's count at a place in a month. */
    record PlaceMonthValue(String key, long placeId, YearMonth month, long value) {
    }
}
