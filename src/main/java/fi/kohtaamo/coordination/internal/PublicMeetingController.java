package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.PathIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What is reached without signing in: answering an invitation by its link (the token in the address is the
 * authority; the page asks before it records, so a mail scanner following the link changes nothing), and a group's
 * approved minutes when the group has made them public, in the language they were written in.
 */
@Controller
class PublicMeetingController {

    private final MeetingService meetings;
    private final MeetingQueries queries;
    private final GroupQueries groups;

    PublicMeetingController(MeetingService meetings, MeetingQueries queries, GroupQueries groups) {
        this.meetings = meetings;
        this.queries = queries;
        this.groups = groups;
    }

    @GetMapping("/meetings/answer/{token}")
    String answerPage(@PathVariable String token, Model model) {
        MeetingService.Invitation inv = meetings.invitation(token);
        model.addAttribute("inv", inv);
        model.addAttribute("when", CoordinationViews.when(inv.meeting()));
        return "coordination/answer";
    }

    @PostMapping("/meetings/answer/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer) {
        meetings.answer(token, answer);
        return "redirect:/meetings/answer/" + token + "?saved";
    }

    private Group publicGroup(String id) {
        Group g = groups.group(PathIds.orNotFound(id)).orElseThrow(() -> new KohtaamoException.NotFound("group"));
        if (!g.publicMinutes()) {
            throw new KohtaamoException.NotFound("group");
        }
        return g;
    }

    @GetMapping("/groups/{id}/minutes")
    String minutes(@PathVariable String id, Model model) {
        Group g = publicGroup(id);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Meeting m : queries.approved(g.id())) {
            rows.add(Map.of("meeting", m, "when", CoordinationViews.when(m)));
        }
        model.addAttribute("group", g);
        model.addAttribute("rows", rows);
        return "coordination/public-minutes";
    }

    @GetMapping("/groups/{id}/minutes/{meetingId}")
    String meeting(@PathVariable String id, @PathVariable String meetingId, Model model) {
        Group g = publicGroup(id);
        Meeting m = queries.meeting(PathIds.orNotFound(meetingId)).filter(x -> x.groupId() == g.id() && x.approved())
                .orElseThrow(() -> new KohtaamoException.NotFound("meeting"));
        var decisions = queries.decisions(m.id());
        List<Map<String, Object>> items = new ArrayList<>();
        for (AgendaItem i : queries.agenda(m.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", i);
            row.put("decisions", decisions.stream().filter(d -> d.agendaItemId() == i.id()).toList());
            items.add(row);
        }
        model.addAttribute("group", g);
        model.addAttribute("meeting", m);
        model.addAttribute("when", CoordinationViews.when(m));
        model.addAttribute("items", items);
        return "coordination/public-meeting";
    }
}
