package fi.kohtaamo.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A county's seeded catalogue (weak-signal themes, observation themes): a classpath text file of lines
 * {@code code|Finnish|Swedish|English}, {@code #} comments. A module gives it to a new county when the county is
 * created ({@code registry.CountyCreated}); a Java migration gives it to the counties that existed before, with
 * {@link #seedCountiesWithout}. One reader, so the file's format is read the same way everywhere.
 */
public final class SeededCatalogue {

    /** One entry: its code and its name in three languages. */
    public record Entry(String code, LocalizedText name) {
    }

    private SeededCatalogue() {
    }

    /** The entries of a classpath resource such as {@code /fi/kohtaamo/coordination/signal-themes.txt}. */
    public static List<Entry> read(String resource) {
        String text;
        try (InputStream in = SeededCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.strip().split("\\|");
            out.add(new Entry(p[0], LocalizedText.of(p[1], p[2], p[3])));
        }
        return out;
    }

    /**
     * For migrations: every county with no row in {@code table} gets the catalogue. The table has the columns
     * {@code county_id, code, name_fi, name_sv, name_en, active, updated_at}; its name is the caller's constant.
     */
    public static void seedCountiesWithout(Connection c, String table, String resource) throws SQLException {
        List<Long> counties = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id from county c where not exists (select 1 from " + table + " t where t.county_id = c.id)");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counties.add(rs.getLong(1));
            }
        }
        if (counties.isEmpty()) {
            return;
        }
        List<Entry> entries = read(resource);
        try (PreparedStatement ins = c.prepareStatement("insert into " + table
                + " (county_id, code, name_fi, name_sv, name_en, active, updated_at) values (?, ?, ?, ?, ?, true, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (long county : counties) {
                for (Entry e : entries) {
                    ins.setLong(1, county);
                    ins.setString(2, e.code());
                    ins.setString(3, e.name().fi());
                    ins.setString(4, e.name().sv());
                    ins.setString(5, e.name().en());
                    ins.setObject(6, now);
                    ins.executeUpdate();
                }
            }
        }
    }
}
