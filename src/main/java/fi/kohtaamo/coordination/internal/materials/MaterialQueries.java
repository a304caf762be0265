package fi.kohtaamo.coordination.internal.materials;

import fi.kohtaamo.coordination.internal.*;

import static fi.kohtaamo.coordination.internal.GroupQueries.instant;
import static fi.kohtaamo.coordination.internal.GroupQueries.nullableLong;
import static fi.kohtaamo.coordination.internal.GroupQueries.utc;

import fi.kohtaamo.shared.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of a group's materials (files with versions, links) and of the search over the groups' records. */
@Component
public class MaterialQueries {

    /** A material with its latest file version (number 0 and no name for a link). */
    public record Material(long id, long groupId, Long agendaItemId, String title, String url, int version,
            int latest, String fileName, long sizeBytes, Instant updatedAt) {
    }

    public record FileVersion(long materialId, int number, String fileName, String contentType, long sizeBytes,
            String uploadedName, Instant uploadedAt) {
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    /** A search hit: what kind of record, which group and meeting, the text found. */
    public record Hit(String kind, long groupId, Long meetingId, long id, String text) {
    }

    private final JdbcClient jdbc;

    MaterialQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = """
            m.id, m.group_id, m.agenda_item_id, m.title, m.url, m.version, m.updated_at,
            coalesce(f.number, 0) as latest, f.file_name, coalesce(f.size_bytes, 0) as size_bytes
            from coord_material m left join coord_material_file f on f.material_id = m.id
              and f.number = (select max(x.number) from coord_material_file x where x.material_id = m.id)""";

    private static Material material(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Material(rs.getLong("id"), rs.getLong("group_id"), nullableLong(rs, "agenda_item_id"),
                rs.getString("title"), rs.getString("url"), rs.getInt("version"), rs.getInt("latest"),
                rs.getString("file_name"), rs.getLong("size_bytes"), instant(rs, "updated_at"));
    }

    public List<Material> ofGroup(long groupId) {
        return jdbc.sql("select " + COLUMNS + " where m.group_id = :g order by m.title, m.id").param("g", groupId)
                .query(MaterialQueries::material).list();
    }

    public List<Material> ofAgendaItem(long agendaItemId) {
        return jdbc.sql("select " + COLUMNS + " where m.agenda_item_id = :a order by m.title, m.id")
                .param("a", agendaItemId).query(MaterialQueries::material).list();
    }

    public Optional<Material> material(long id) {
        return jdbc.sql("select " + COLUMNS + " where m.id = :id").param("id", id).query(MaterialQueries::material)
                .optional();
    }

    public List<FileVersion> versions(long materialId) {
        return jdbc.sql("select material_id, number, file_name, content_type, size_bytes, uploaded_name, uploaded_at "
                + "from coord_material_file where material_id = :m order by number desc").param("m", materialId)
                .query((rs, n) -> new FileVersion(rs.getLong("material_id"), rs.getInt("number"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("uploaded_name"), instant(rs, "uploaded_at"))).list();
    }

    /** Deletes a material; its file versions go with it (cascade). False when it changed since it was read. */
    public boolean delete(long id, int version) {
        return jdbc.sql("delete from coord_material where id = :id and version = :v").param("id", id)
                .param("v", version).update() == 1;
    }

    public Optional<Content> content(long materialId, int number) {
        return jdbc.sql("select file_name, content_type, content from coord_material_file where material_id = :m "
                + "and number = :n").param("m", materialId).param("n", number)
                .query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content"))).optional();
    }

    public long insert(long groupId, Long agendaItemId, String title, String url, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into coord_material (group_id, agenda_item_id, title, url, created_at, updated_at) "
                + "values (:g, :a, :t, :u, :now, :now)").param("g", groupId).param("a", agendaItemId).param("t", title)
                .param("u", url).param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Adds the next version of a material's file and moves the material's version (so the new file is its own). */
    public int addFile(long materialId, String fileName, String contentType, byte[] bytes, long by, String byName,
            Instant now) {
        int number = jdbc.sql("select coalesce(max(number), 0) + 1 from coord_material_file where material_id = :m")
                .param("m", materialId).query(Integer.class).single();
        jdbc.sql("""
                insert into coord_material_file (material_id, number, file_name, content_type, size_bytes, content,
                                                 uploaded_by, uploaded_name, uploaded_at)
                values (:m, :n, :name, :type, :size, :content, :by, :byName, :now)""")
                .param("m", materialId).param("n", number).param("name", fileName).param("type", contentType)
                .param("size", (long) bytes.length).param("content", bytes).param("by", by).param("byName", byName)
                .param("now", utc(now)).update();
        jdbc.sql("update coord_material set version = version + 1, updated_at = :now where id = :m")
                .param("m", materialId).param("now", utc(now)).update();
        return number;
    }

    // ---- search -----------------------------------------------------------------------------------

    /**
     * The searchable texts of the groups' records, one row each: kind, group, meeting, id, text. On PostgreSQL every
     * branch's text is of type text (the varchar columns cast), as a union column of one type in all branches is what
     * lets the planner push the match into each branch, onto V15's indexes; H2 reads the columns as they are.
     */
    private static String documents(boolean postgres) {
        String cast = postgres ? "::text" : "";
        return """
                select 'MINUTES' as kind, m.group_id, m.id as meeting_id, i.id, i.title || ': ' || i.minutes as text
                  from coord_agenda_item i join coord_meeting m on m.id = i.meeting_id where i.minutes is not null
                union all
                select 'DECISION', m.group_id, m.id, d.id, d.text%1$s
                  from coord_decision d join coord_meeting m on m.id = d.meeting_id
                union all
                select 'ACTION_ITEM', a.group_id, a.meeting_id, a.id, a.what%1$s from coord_action_item a
                union all
                select 'MATERIAL', t.group_id, null, t.id, t.title%1$s from coord_material t""".formatted(cast);
    }

    /**
     * The search's SQL (parameters :q, :like, :limit and the reach's): on PostgreSQL the match is
     * {@code to_tsvector('finnish', text)}, which the planner pushes into each branch of the union, where migration V15's
     * GIN indexes on the same expressions answer it.
     */
    public static String searchSql(boolean postgres) {
        String match = postgres ? "to_tsvector('finnish', d.text) @@ plainto_tsquery('finnish', :q)"
                : "lower(d.text) like :like escape '\\'";
        return "select d.kind, d.group_id, d.meeting_id, d.id, d.text from (" + documents(postgres)
                + ") d join coord_group g on g.id = d.group_id where " + match + " and " + GroupQueries.GROUP_REACH
                + " order by d.kind, d.id desc fetch first :limit rows only";
    }

    /**
     * Records of the groups an actor reaches whose text matches: PostgreSQL's full-text search with the Finnish
     * configuration (stemmed words: "päätös" finds "päätökset") on PostgreSQL, a case-insensitive substring on H2.
     */
    public List<Hit> search(Scope scope, long actorId, String query, boolean postgres, int limit) {
        String like = "%" + query.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return GroupQueries.bindReach(jdbc.sql(searchSql(postgres)), scope, actorId)
                .param("q", query).param("like", like).param("limit", limit)
                .query((rs, n) -> new Hit(rs.getString("kind"), rs.getLong("group_id"), nullableLong(rs, "meeting_id"),
                        rs.getLong("id"), rs.getString("text"))).list();
    }
}
