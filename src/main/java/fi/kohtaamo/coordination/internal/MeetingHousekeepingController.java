package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PathIds;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The secretary's housekeeping on a meeting's page: remove an agenda item, move it up or down, delete a meeting that
 * has not been held. A bad direction or a stale version is answered with the translated error page (400, 409).
 */
@Controller
class MeetingHousekeepingController {

    private final MeetingHousekeeping service;

    MeetingHousekeepingController(MeetingHousekeeping service) {
        this.service = service;
    }

    @PostMapping("/admin/meetings/agenda/{itemId}/delete")
    String removeItem(@PathVariable String itemId, @RequestParam(required = false) String version, Actor actor) {
        long meeting = service.removeAgendaItem(actor, PathIds.orNotFound(itemId), version);
        return "redirect:/admin/meetings/" + meeting + "#agenda";
    }

    @PostMapping("/admin/meetings/agenda/{itemId}/move")
    String moveItem(@PathVariable String itemId, @RequestParam(required = false) String direction, Actor actor) {
        long item = PathIds.orNotFound(itemId);
        long meeting = service.moveAgendaItem(actor, item, direction);
        return "redirect:/admin/meetings/" + meeting + "#item-" + item;
    }

    @PostMapping("/admin/meetings/{id}/delete")
    String deleteMeeting(@PathVariable String id, @RequestParam(required = false) String version, Actor actor) {
        long group = service.deleteMeeting(actor, PathIds.orNotFound(id), version);
        return "redirect:/admin/groups/" + group + "#coming";
    }
}
