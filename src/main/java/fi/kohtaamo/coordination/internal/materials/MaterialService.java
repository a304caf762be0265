package fi.kohtaamo.coordination.internal.materials;

import fi.kohtaamo.coordination.internal.*;

import static fi.kohtaamo.coordination.internal.MeetingService.where;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Uploads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's materials: files (PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG — the type read from the content, never from the
 * name or the browser's word; at most 20 MB) with versions, and links. Stored in the database so that every instance
 * serves them; served only as downloads.
 */
@Service
public class MaterialService {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** How far a zip-based document may expand when its entries are listed (a zip bomb stops here). */
    static final long MAX_EXPANDED = 200L * 1024 * 1024;

    /** A file type that is accepted: its content type and the extension its downloads carry. */
    enum FileType {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
        ODT("application/vnd.oasis.opendocument.text", "odt"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg");

        final String contentType;
        final String extension;

        FileType(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    private final MaterialQueries queries;
    private final GroupService groups;
    private final MeetingQueries meetings;
    private final AuditLog audit;
    private final Clock clock;

    MaterialService(MaterialQueries queries, GroupService groups, MeetingQueries meetings, AuditLog audit, Clock clock) {
        this.queries = queries;
        this.groups = groups;
        this.meetings = meetings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The type of a file from its first bytes and, for zip-based documents, its entries; null when not accepted. */
    static FileType detect(byte[] b) {
        if (b.length >= 5 && new String(b, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return FileType.PDF;
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return FileType.PNG;
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return FileType.JPEG;
        }
        if (!Uploads.zip(b) || !Uploads.zipWithin(b, MAX_EXPANDED, 5000)) {
            return null;
        }
        Set<String> names = new HashSet<>();
        String mimetype = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().equals("mimetype") && names.size() == 1) {
                    mimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        if (!names.contains("[Content_Types].xml")) {
            return FileType.ODT.contentType.equals(mimetype) && names.contains("content.xml") ? FileType.ODT : null;
        }
        if (names.contains("word/document.xml")) {
            return FileType.DOCX;
        }
        if (names.contains("xl/workbook.xml")) {
            return FileType.XLSX;
        }
        if (names.contains("ppt/presentation.xml")) {
            return FileType.PPTX;
        }
        return null;
    }

    /** A download's file name: the given name's safe characters, with the extension of the detected type. */
    static String fileName(String given, FileType type) {
        String base = given == null ? "" : given.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
        base = base.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (base.isEmpty() || base.startsWith(".")) {
            base = "aineisto";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + type.extension;
    }

    /**
     * Adds a material to a group: a file (its first version) or a link; optionally attached to one of the group's
     * agenda items.
     */
    @Transactional
    public long add(Actor actor, long groupId, String title, String url, String agendaItemId, String fileName,
            byte[] bytes) {
        Group g = groups.requireMeetings(actor, groupId);
        FieldErrors errors = new FieldErrors();
        Input in = new Input(errors);
        String t = in.requiredLine("title", title, 200);
        String link = in.webAddress("url", url);
        if (link != null && link.length() > 500) {
            errors.add("url", "validation.tooLong", 500);
        }
        Long item = in.id("agendaItemId", agendaItemId, false);
        if (item != null && meetings.agendaItem(item).flatMap(i -> meetings.meeting(i.meetingId()))
                .filter(m -> m.groupId() == groupId).isEmpty()) {
            errors.add("agendaItemId", "validation.choice");
        }
        boolean hasFile = bytes != null && bytes.length > 0;
        if (link == null && !hasFile && !errors.has("url")) {
            errors.add("file", "coordination.validation.fileOrLink");
        }
        if (link != null && hasFile) {
            errors.add("url", "coordination.validation.fileOrLinkNotBoth");
        }
        FileType type = hasFile ? check(bytes, errors) : null;
        errors.throwIfAny();
        long id = queries.insert(groupId, item, t, link, clock.instant());
        if (hasFile) {
            queries.addFile(id, fileName(fileName, type), type.contentType, bytes, actor.id(), actor.name(), clock.instant());
        }
        audit.recordNonPublic(actor, "COORDINATION_MATERIAL_CREATE", "coord_material", id, where(g), null,
                Map.of("title", t, "file", hasFile ? fileName(fileName, type) : "", "url", link == null ? "" : link));
        return id;
    }

    /** A new version of a material's file. */
    @Transactional
    public int addVersion(Actor actor, long materialId, String fileName, byte[] bytes) {
        MaterialQueries.Material m = queries.material(materialId)
                .orElseThrow(() -> new KohtaamoException.NotFound("material " + materialId));
        Group g = groups.requireMeetings(actor, m.groupId());
        FieldErrors errors = new FieldErrors();
        if (m.url() != null) {
            errors.add("file", "coordination.validation.linkHasNoFile");
        } else if (bytes == null || bytes.length == 0) {
            errors.add("file", "validation.required");
        }
        FileType type = errors.isEmpty() ? check(bytes, errors) : null;
        errors.throwIfAny();
        int number = queries.addFile(materialId, fileName(fileName, type), type.contentType, bytes, actor.id(),
                actor.name(), clock.instant());
        audit.recordNonPublic(actor, "COORDINATION_MATERIAL_VERSION", "coord_material", materialId, where(g), null,
                Map.of("version", number, "file", fileName(fileName, type)));
        return number;
    }

    private static FileType check(byte[] bytes, FieldErrors errors) {
        if (bytes.length > MAX_BYTES) {
            errors.add("file", "coordination.validation.fileTooLarge", MAX_BYTES / 1024 / 1024);
            return null;
        }
        FileType type = detect(bytes);
        if (type == null) {
            errors.add("file", "coordination.validation.fileType");
        }
        return type;
    }

    /** Removes a material with all its file versions; returns its group. */
    @Transactional
    public long remove(Actor actor, long materialId, String version) {
        MaterialQueries.Material m = queries.material(materialId)
                .orElseThrow(() -> new KohtaamoException.NotFound("material " + materialId));
        Group g = groups.requireMeetings(actor, m.groupId());
        var versions = queries.versions(materialId);
        if (MeetingService.parseVersion(version) != m.version() || !queries.delete(materialId, m.version())) {
            throw new KohtaamoException.Conflict("stale", "material " + materialId);
        }
        audit.recordNonPublic(actor, "COORDINATION_MATERIAL_DELETE", "coord_material", materialId, where(g),
                Map.of("material", m, "versions", versions), null);
        return g.id();
    }

    /** A file version for download, checked for reading at the material's group. */
    public MaterialQueries.Content download(Actor actor, long materialId, int number) {
        MaterialQueries.Material m = queries.material(materialId)
                .orElseThrow(() -> new KohtaamoException.NotFound("material " + materialId));
        groups.requireRead(actor, m.groupId());
        return queries.content(materialId, number <= 0 ? m.latest() : number)
                .orElseThrow(() -> new KohtaamoException.NotFound("file " + materialId + "/" + number));
    }
}
