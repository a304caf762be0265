package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.OutreachFigures;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outreach figures of reports, summed in the database by profession and topic. */
@Component
class OutreachFiguresQueries implements OutreachFigures {

    private final JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;

    OutreachFiguresQueries(JdbcClient jdbc, org.springframework.context.MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public Visits visits(Collection<Long> placeIds, LocalDate from, LocalDate to) {
        ZoneId helsinki = OutreachService.HELSINKI;
        Map<String, long[]> professions = new LinkedHashMap<>();
        Map<String, long[]> topics = new LinkedHashMap<>();
        Map<String, LocalizedText> names = new LinkedHashMap<>();
        long[] total = {0};
        List<Long> ids = List.copyOf(placeIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            jdbc.sql("""
                    select p.id as pid, p.name_fi as p_fi, p.name_sv as p_sv, p.name_en as p_en,
                           t.id as tid, t.name_fi as t_fi, t.name_sv as t_sv, t.name_en as t_en,
                           count(*) as visits, coalesce(sum(v.families_reached), 0) as families
                    from visit v join visit_slot s on s.id = v.slot_id
                         join outreach_profession p on p.id = v.profession_id
                         left join outreach_topic t on t.id = v.topic_id
                    where v.status = 'CONFIRMED' and (v.happened is null or v.happened = true)
                      and s.place_id in (:places) and s.starts_at >= :from and s.starts_at < :to
                    group by p.id, p.name_fi, p.name_sv, p.name_en, t.id, t.name_fi, t.name_sv, t.name_en""")
                    .param("places", ids.subList(i, Math.min(ids.size(), i + 1000)))
                    .param("from", from.atStartOfDay(helsinki).toOffsetDateTime())
                    .param("to", to.plusDays(1).atStartOfDay(helsinki).toOffsetDateTime())
                    .query(rs -> {
                        long n = rs.getLong("visits");
                        long families = rs.getLong("families");
                        String p = "p" + rs.getLong("pid");
                        names.putIfAbsent(p, OutreachQueries.text(rs, "p"));
                        add(professions, p, n, families);
                        long topic = rs.getLong("tid");
                        String t = rs.wasNull() ? "t-" : "t" + topic;
                        names.putIfAbsent(t, rs.wasNull() ? presence() : OutreachQueries.text(rs, "t"));
                        add(topics, t, n, families);
                        total[0] += n;
                    });
        }
        return new Visits(tallies(professions, names), tallies(topics, names), total[0]);
    }

    private LocalizedText presence() {
        return LocalizedText.of(messages.getMessage("outreach.format.PRESENCE", null, fi.kohtaamo.shared.Lang.FI.locale()),
                messages.getMessage("outreach.format.PRESENCE", null, fi.kohtaamo.shared.Lang.SV.locale()),
                messages.getMessage("outreach.format.PRESENCE", null, fi.kohtaamo.shared.Lang.EN.locale()));
    }

    private static void add(Map<String, long[]> into, String key, long visits, long families) {
        long[] v = into.computeIfAbsent(key, k -> new long[2]);
        v[0] += visits;
        v[1] += families;
    }

    private static List<Tally> tallies(Map<String, long[]> values, Map<String, LocalizedText> names) {
        List<Tally> out = new ArrayList<>();
        values.forEach((k, v) -> out.add(new Tally(names.get(k), v[0], v[1])));
        out.sort(Comparator.comparingLong(Tally::visits).reversed().thenComparing(t -> t.name().fi() == null ? "" : t.name().fi()));
        return out;
    }
}
