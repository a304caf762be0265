package fi.kohtaamo.calendar.internal.poster;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.poster.Poster.Bi;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A merged poster row's places: a short list of names in its cell, a long one as a printed listing below it. */
@Tag("nodb")
class PlaceListTest {

    static final Locale FI = Locale.forLanguageTag("fi");

    @Test
    void namesAreAlphabeticalNumbersByValueAndASharedFirstPartIsSaidOnce() {
        assertThat(PosterContent.placeList(List.of("Leikkipuisto Lampi", "Kallion kirkko", "Leikkipuisto Kurkimäki",
                "Asukaspuisto, Helsinki 103", "Asukaspuisto, Helsinki 2", "Asukaspuisto, Helsinki 23", "Vauvala",
                "Vauvala", "Äitiysneuvola"), FI))
                .isEqualTo("Asukaspuisto, Helsinki 2, 23, 103; Kallion kirkko; Leikkipuisto Kurkimäki, Lampi; Vauvala; "
                        + "Äitiysneuvola");
    }

    @Test
    void fromFourPlacesTheCellSaysHowManyAndTheListGoesBelow() {
        List<Poster.Row> three = rows(3);
        List<Poster.Row> merged = PosterContent.merged(three, n -> Bi.of(n + " paikkaa (alla)"), FI, null);
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).count()).isEqualTo(3);
        assertThat(merged.get(0).place().main()).isEqualTo("Puisto 0, Puisto 1, Puisto 2");
        assertThat(merged.get(0).places()).isNull();

        merged = PosterContent.merged(rows(12), n -> Bi.of(n + " paikkaa (alla)"), FI, null);
        assertThat(merged).hasSize(1);
        assertThat(merged.get(0).count()).isEqualTo(12);
        assertThat(merged.get(0).place().main()).isEqualTo("12 paikkaa (alla)");
        assertThat(merged.get(0).places().main()).isEqualTo("Puisto 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11");
    }

    @Test
    void theCoverageCheckFindsANameInAListAndNotOneThatIsMissing() {
        String after = "9.00–11.00 Avoin aamu 5 paikkaa (alla) Leikkipuisto Kurkimäki, Lampi; Puisto 1, 17 "
                + "10.00–12.00 Perhekahvila Vauvala";
        assertThat(PosterCoverage.placeAfter(after, "Leikkipuisto Lampi")).isTrue();
        assertThat(PosterCoverage.placeAfter(after, "Leikkipuisto Kurkimäki")).isTrue();
        assertThat(PosterCoverage.placeAfter(after, "Puisto 17")).isTrue();
        assertThat(PosterCoverage.placeAfter(after, "Vauvala")).isTrue();
        assertThat(PosterCoverage.placeAfter(after, "Leikkipuisto Maunula")).isFalse();
        assertThat(PosterCoverage.placeAfter(after, "Puisto 7")).isFalse();
        assertThat(PosterCoverage.placeAfter(after, "Puisto 10")).isFalse();
    }

    static List<Poster.Row> rows(int n) {
        return IntStream.range(0, n).mapToObj(i -> new Poster.Row("9.00–11.00", Bi.of("Avoin aamu"),
                Bi.of("Puisto " + i), Bi.of("0–6 v"), "suomi", Bi.of("maksuton"), false, null, 1, null)).toList();
    }
}
