package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.AgendaItem;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.TablePdf;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A meeting's minutes as a tagged PDF ({@link TablePdf}) in the group's language: the meeting, who attended, the
 * agenda items with their minutes and decisions, and the action items decided.
 */
@Component
class MinutesPdf {

    private final MeetingQueries queries;
    private final ActionItemQueries actions;
    private final CoordinationViews views;

    MinutesPdf(MeetingQueries queries, ActionItemQueries actions, CoordinationViews views) {
        this.queries = queries;
        this.actions = actions;
        this.views = views;
    }

    byte[] render(Group g, Meeting m) {
        Lang lang = Lang.parse(g.language()).orElse(Lang.FI);
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(g.name());
        paragraphs.add(views.t(lang, "coordination.meeting.when") + ": " + CoordinationViews.when(m));
        if (m.location() != null) {
            paragraphs.add(views.t(lang, "coordination.field.location") + ": " + m.location());
        }
        paragraphs.add(views.t(lang, "coordination.minutesStatus." + m.minutesStatus()));
        List<String> present = new ArrayList<>();
        for (var p : queries.participants(m.id())) {
            if (Boolean.TRUE.equals(p.attended())) {
                String org = views.organisation(p.organisationId(), lang);
                present.add(p.name() + (org.isEmpty() ? "" : " (" + org + ")"));
            }
        }
        paragraphs.add(views.t(lang, "coordination.attendance.present") + ": " + String.join(", ", present));
        var decisions = queries.decisions(m.id());
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (AgendaItem i : queries.agenda(m.id())) {
            String d = String.join("\n", decisions.stream().filter(x -> x.agendaItemId() == i.id())
                    .map(MeetingQueries.Decision::text).toList());
            rows.add(List.of(n++ + ". " + i.title(), i.minutes() == null ? "" : i.minutes(), d));
        }
        List<TablePdf.Table> tables = new ArrayList<>();
        tables.add(new TablePdf.Table(views.t(lang, "coordination.agenda.title"), List.of(
                views.t(lang, "coordination.field.title"), views.t(lang, "coordination.field.minutes"),
                views.t(lang, "coordination.decisions")), rows));
        List<List<String>> actionRows = new ArrayList<>();
        for (var a : views.actions(actions.ofMeeting(m.id()), lang)) {
            actionRows.add(List.of(a.item().what(), a.owner(), a.due(),
                    views.t(lang, "coordination.actionStatus." + a.item().status())));
        }
        if (!actionRows.isEmpty()) {
            tables.add(new TablePdf.Table(views.t(lang, "coordination.actions.title"), List.of(
                    views.t(lang, "coordination.field.what"), views.t(lang, "coordination.actions.owner"),
                    views.t(lang, "coordination.field.dueOn"), views.t(lang, "coordination.actions.status")), actionRows));
        }
        return TablePdf.render(lang.code(), views.t(lang, "coordination.minutes.pdfTitle", m.title()), paragraphs, tables);
    }
}
