package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.NearPoint;
import fi.kohtaamo.registry.internal.Model.Page;
import fi.kohtaamo.registry.internal.Model.PlaceFilter;
import fi.kohtaamo.registry.internal.Model.PlaceSummary;
import fi.kohtaamo.shared.GeoDistance;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Near me" (issue 16 part 5): reads the {@code near} parameter into a {@link NearPoint} and orders the public
 * place list by distance from it (shared.GeoDistance, in Java: one haversine for every module). A value that
 * cannot be understood, an unknown or unpublished place, a place without coordinates, a municipality without
 * a centre, or degrees off the Earth is a {@link KohtaamoException.BadParameter} with its own message.
 */
@Component
public class NearPoints implements fi.kohtaamo.registry.NearPlaces {

    /** The error code whose title and detail say what {@code near} accepts. */
    public static final String ERROR = "near-point";

    private static final Pattern PLACE = Pattern.compile("^place:([0-9]{1,18})$");
    private static final Pattern MUNICIPALITY = Pattern.compile("^municipality:([0-9]{3})$");
    private static final Pattern DEGREES = Pattern.compile("^(-?[0-9]{1,3}(?:\\.[0-9]{1,10})?),\\s?(-?[0-9]{1,3}(?:\\.[0-9]{1,10})?)$");

    private final JdbcClient jdbc;
    private final RegistryQueries queries;
    private final fi.kohtaamo.shared.PublicDataCache cache;

    NearPoints(JdbcClient jdbc, RegistryQueries queries, fi.kohtaamo.shared.PublicDataCache cache) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.cache = cache;
    }

    @Override
    public List<NearPoint> municipalityCentres() {
        return cache.get(List.of("nearCentres"), () -> centres().stream()
                .map(c -> new NearPoint("municipality:" + c.code(), c.latitude(), c.longitude(), c.name())).toList());
    }

    /** The point of a {@code near} value; empty when none was given (read once per data version). */
    @Override
    public Optional<NearPoint> point(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.length() > 60) {
            throw bad();
        }
        return cache.get(List.of("nearPoint", raw.strip()), () -> parse(raw));
    }

    private Optional<NearPoint> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.length() > 60) {
            throw bad();
        }
        Matcher m = PLACE.matcher(v);
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            return Optional.of(jdbc.sql("""
                    select name_fi, name_sv, name_en, latitude, longitude from place
                    where id = :id and published = true and latitude is not null and longitude is not null""")
                    .param("id", id)
                    .query((rs, n) -> new NearPoint("place:" + id, rs.getDouble("latitude"), rs.getDouble("longitude"),
                            RegistryQueries.text(rs, "name")))
                    .optional().orElseThrow(NearPoints::bad));
        }
        m = MUNICIPALITY.matcher(v);
        if (m.matches()) {
            return Optional.of(municipalityCentre(m.group(1)).orElseThrow(NearPoints::bad));
        }
        m = DEGREES.matcher(v);
        if (m.matches()) {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(2));
            if (!GeoDistance.valid(lat, lon)) {
                throw bad();
            }
            return Optional.of(new NearPoint(String.format(Locale.ROOT, "%.5f,%.5f", lat, lon), lat, lon,
                    LocalizedText.EMPTY));
        }
        throw bad();
    }

    private static KohtaamoException.BadParameter bad() {
        return new KohtaamoException.BadParameter(NearPoint.PARAM, ERROR);
    }

    /** A municipality with the centre families may order by (its own, else the mean of its places). */
    public record Centre(String code, LocalizedText name, double latitude, double longitude) {
    }

    private static final String CENTRES = """
            select m.code, m.name_fi, m.name_sv, m.name_en, m.centre_latitude, m.centre_longitude,
                   pl.lat, pl.lon
            from municipality m
            left join (select municipality_code, avg(latitude) as lat, avg(longitude) as lon from place
                       where published = true and latitude is not null and longitude is not null
                       group by municipality_code) pl on pl.municipality_code = m.code
            """;

    private static Centre centre(java.sql.ResultSet rs) throws java.sql.SQLException {
        BigDecimal lat = rs.getBigDecimal("centre_latitude");
        BigDecimal lon = rs.getBigDecimal("centre_longitude");
        if (lat == null || lon == null) {
            lat = rs.getBigDecimal("lat");
            lon = rs.getBigDecimal("lon");
        }
        return lat == null || lon == null ? null
                : new Centre(rs.getString("code"), RegistryQueries.text(rs, "name"), lat.doubleValue(), lon.doubleValue());
    }

    Optional<NearPoint> municipalityCentre(String code) {
        return jdbc.sql(CENTRES + " where m.code = :code").param("code", code).query((rs, n) -> centre(rs)).optional()
                .map(c -> new NearPoint("municipality:" + c.code(), c.latitude(), c.longitude(), c.name()));
    }

    /** Every municipality that has a centre to order by, by Finnish name: the choices of the "near" list. */
    public List<Centre> centres() {
        List<Centre> out = new ArrayList<>();
        jdbc.sql(CENTRES + " order by m.name_fi").query((rs, n) -> centre(rs)).list().forEach(c -> {
            if (c != null) {
                out.add(c);
            }
        });
        return List.copyOf(out);
    }

    /** Demo municipalities' centres (their town or church village centres), set by the registry's demo data. */
    static final Map<String, double[]> DEMO_CENTRES = Map.of(
            "049", new double[] {60.2055, 24.6559}, "078", new double[] {59.8236, 22.9508},
            "149", new double[] {60.0458, 24.0056}, "224", new double[] {60.5347, 24.2097},
            "235", new double[] {60.2108, 24.7290}, "257", new double[] {60.1236, 24.4386},
            "444", new double[] {60.2486, 24.0650}, "710", new double[] {59.9740, 23.4370},
            "755", new double[] {60.1390, 24.2260}, "927", new double[] {60.4172, 24.3194});

    /** One page of the public place list ordered by distance, with each place's distance in metres (if known). */
    public record NearPage(Page<PlaceSummary> page, Map<Long, Double> metres) {
    }

    /**
     * Published places matching the filter, nearest first; places without coordinates come last in the list's
     * usual order. The distances are measured in Java (shared.GeoDistance) over the filter's points, then one
     * page of places is read.
     */
    public NearPage publicPlacesNear(PlaceFilter filter, NearPoint near, Lang lang, int page, int size) {
        List<RegistryQueries.PlacePoint> points = queries.publicPlacePoints(filter, lang);
        Map<Long, Double> metres = new HashMap<>();
        for (RegistryQueries.PlacePoint p : points) {
            Double d = near.metresTo(p.latitude(), p.longitude());
            if (d != null) {
                metres.put(p.id(), d);
            }
        }
        List<RegistryQueries.PlacePoint> sorted = new ArrayList<>(points);
        // stable: equal distances (and the places without coordinates) keep the usual order
        sorted.sort(Comparator.comparing((RegistryQueries.PlacePoint p) -> metres.get(p.id()),
                Comparator.nullsLast(Comparator.naturalOrder())));
        List<Long> ids = sorted.stream().skip((long) page * size).limit(size).map(RegistryQueries.PlacePoint::id)
                .toList();
        Map<Long, Double> shown = new HashMap<>();
        ids.forEach(id -> {
            if (metres.containsKey(id)) {
                shown.put(id, metres.get(id));
            }
        });
        return new NearPage(new Page<>(queries.placeSummaries(ids), page, size, points.size()), Map.copyOf(shown));
    }
}
