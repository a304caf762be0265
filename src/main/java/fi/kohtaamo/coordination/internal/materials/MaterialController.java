package fi.kohtaamo.coordination.internal.materials;

import fi.kohtaamo.coordination.internal.*;

import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PathIds;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A group's materials: adding a file or a link, a new version of a file, the versions, and downloads — always as an
 * attachment with nosniff, in the type read from the content, so a file is never shown inside Kohtaamo's pages.
 */
@Controller
class MaterialController {

    private final MaterialService service;
    private final MaterialQueries queries;
    private final GroupService groups;
    private final MessageSource messages;
    private final MeetingQueries meetings;

    MaterialController(MaterialService service, MaterialQueries queries, GroupService groups, MessageSource messages,
            MeetingQueries meetings) {
        this.meetings = meetings;
        this.service = service;
        this.queries = queries;
        this.groups = groups;
        this.messages = messages;
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > MaterialService.MAX_BYTES) {
            throw new KohtaamoException.Invalid(new FieldErrors().add("file", "coordination.validation.fileTooLarge",
                    MaterialService.MAX_BYTES / 1024 / 1024));
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new KohtaamoException.Invalid(new FieldErrors().add("file", "coordination.validation.fileType"));
        }
    }

    @PostMapping("/admin/groups/{id}/materials")
    String add(@PathVariable String id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String url, @RequestParam(required = false) String agendaItemId,
            @RequestParam(required = false) MultipartFile file, Actor actor, Lang lang, Model model,
            HttpServletResponse response) {
        Group g = groups.requireMeetings(actor, PathIds.orNotFound(id));
        try {
            long saved = service.add(actor, g.id(), title, url, agendaItemId, file == null ? null : file.getOriginalFilename(),
                    bytes(file));
            // attached to an agenda item: back to its meeting
            return queries.material(saved).map(MaterialQueries.Material::agendaItemId).flatMap(meetings::agendaItem)
                    .map(i -> "redirect:/admin/meetings/" + i.meetingId() + "#item-" + i.id())
                    .orElse("redirect:/admin/groups/" + g.id() + "#materials");
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            model.addAttribute("group", g);
            model.addAttribute("material", null);
            model.addAttribute("versions", List.of());
            model.addAttribute("errors", e.errors().messages(messages, lang.locale()));
            model.addAttribute("values", Map.of("title", title == null ? "" : title, "url", url == null ? "" : url));
            model.addAttribute("write", true);
            model.addAttribute("maxMegabytes", MaterialService.MAX_BYTES / 1024 / 1024);
            return "coordination/material";
        }
    }

    @GetMapping("/admin/materials/{id}")
    String material(@PathVariable String id, Actor actor, Model model) {
        var m = queries.material(PathIds.orNotFound(id)).orElseThrow(() -> new KohtaamoException.NotFound("material"));
        Group g = groups.requireRead(actor, m.groupId());
        return page(actor, g, m, model, Map.of());
    }

    private String page(Actor actor, Group g, MaterialQueries.Material m, Model model, Map<String, String> errors) {
        model.addAttribute("group", g);
        model.addAttribute("material", m);
        model.addAttribute("versions", queries.versions(m.id()));
        model.addAttribute("write", groups.mayWrite(actor, g));
        model.addAttribute("errors", errors);
        model.addAttribute("values", Map.of());
        model.addAttribute("maxMegabytes", MaterialService.MAX_BYTES / 1024 / 1024);
        return "coordination/material";
    }

    @PostMapping("/admin/materials/{id}/versions")
    String version(@PathVariable String id, @RequestParam(required = false) MultipartFile file, Actor actor, Lang lang,
            Model model, HttpServletResponse response) {
        var m = queries.material(PathIds.orNotFound(id)).orElseThrow(() -> new KohtaamoException.NotFound("material"));
        Group g = groups.requireMeetings(actor, m.groupId());
        try {
            service.addVersion(actor, m.id(), file == null ? null : file.getOriginalFilename(), bytes(file));
            return "redirect:/admin/materials/" + m.id();
        } catch (KohtaamoException.Invalid e) {
            response.setStatus(400);
            return page(actor, g, m, model, e.errors().messages(messages, lang.locale()));
        }
    }

    @PostMapping("/admin/materials/{id}/delete")
    String remove(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        long group = service.remove(actor, PathIds.orNotFound(id), version);
        return "redirect:/admin/groups/" + group + "#materials";
    }

    @GetMapping("/admin/materials/{id}/download")
    ResponseEntity<byte[]> download(@PathVariable String id, @RequestParam(required = false) String v, Actor actor) {
        long mid = PathIds.orNotFound(id);
        int number = v == null || v.isBlank() ? 0 : v.matches("^[0-9]{1,6}$") ? Integer.parseInt(v) : -1;
        if (number < 0) {
            throw new KohtaamoException.BadParameter("v");
        }
        var c = service.download(actor, mid, number);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(c.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(c.bytes());
    }
}
