package fi.kohtaamo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Distances against known figures: Helsinki Cathedral to Espoo's Tapiola and to Turku Cathedral. */
@Tag("nodb")
class GeoDistanceTest {

    @Test
    void knownDistances() {
        // Helsinki Cathedral 60.170278, 24.952222; Turku Cathedral 60.452222, 22.278333: about 150.6 km
        assertThat(GeoDistance.metres(60.170278, 24.952222, 60.452222, 22.278333)).isCloseTo(150_600, within(800.0));
        // one degree of latitude is about 111.2 km anywhere on the sphere
        assertThat(GeoDistance.metres(60, 25, 61, 25)).isCloseTo(111_195, within(10.0));
        assertThat(GeoDistance.metres(60.2, 24.8, 60.2, 24.8)).isZero();
        // symmetric
        assertThat(GeoDistance.metres(60.1, 24.9, 60.3, 22.2)).isEqualTo(GeoDistance.metres(60.3, 22.2, 60.1, 24.9));
    }

    @Test
    void validity() {
        assertThat(GeoDistance.valid(60.2, 24.9)).isTrue();
        assertThat(GeoDistance.valid(91, 24.9)).isFalse();
        assertThat(GeoDistance.valid(60, -181)).isFalse();
        assertThat(GeoDistance.valid(Double.NaN, 0)).isFalse();
    }
}
