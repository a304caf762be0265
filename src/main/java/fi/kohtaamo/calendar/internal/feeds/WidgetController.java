package fi.kohtaamo.calendar.internal.feeds;

import fi.kohtaamo.calendar.internal.CalendarFilter;
import fi.kohtaamo.calendar.internal.CalendarService;
import fi.kohtaamo.calendar.internal.CalendarParams;
import fi.kohtaamo.calendar.internal.CalendarViews;

import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embeddable calendar for municipal, parish and MLL websites. The host page adds one line,
 * {@code <script src=".../widget.js" data-municipality="049" data-lang="sv" async></script>}; the
 * script fetches this server-rendered, accessible fragment (public data, so any origin may read it)
 * and shows it in a shadow root styled by {@code widget.css}, themeable with CSS variables.
 */
@Controller
class WidgetController {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 14;

    private final CalendarService calendar;
    private final CalendarParams params;
    private final Clock clock;
    private final PublicUrls urls;

    WidgetController(CalendarService calendar, CalendarParams params, Clock clock, PublicUrls urls) {
        this.urls = urls;
        this.calendar = calendar;
        this.params = params;
        this.clock = clock;
    }

    /** The page for webmasters: how to embed the calendar, with a live example. */
    @GetMapping("/widget")
    String instructions(@RequestParam MultiValueMap<String, String> query, HttpServletRequest request, Model model) {
        params.filter(query);
        String base = urls.base();
        model.addAttribute("base", base);
        model.addAttribute("snippet", "<script src=\"" + base + "/widget.js\" data-municipality=\"049\" data-lang=\"fi\" async></script>");
        fi.kohtaamo.shared.PublicResponses.keep();
        return "calendar/widget-page";
    }

    @GetMapping("/widget/calendar")
    String fragment(@RequestParam MultiValueMap<String, String> query, Lang lang, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Vary", "Accept-Language");
        CalendarFilter filter = params.filter(query);
        LocalDate from = CalendarParams.date(query, "date", LocalDate.now(clock));
        String daysRaw = CalendarParams.one(query, "days");
        int days = DEFAULT_DAYS;
        if (daysRaw != null) {
            if (!daysRaw.matches("^[0-9]{1,2}$") || Integer.parseInt(daysRaw) < 1 || Integer.parseInt(daysRaw) > MAX_DAYS) {
                throw new KohtaamoException.BadParameter("days");
            }
            days = Integer.parseInt(daysRaw);
        }
        LocalDate to = from.plusDays(days - 1L);
        String base = urls.base();
        model.addAttribute("days", CalendarViews.days(calendar.occurrences(filter, from, to), from, to, CalendarViews.DAY_LIMIT).stream()
                .filter(d -> !d.occurrences().isEmpty()).toList());
        String page = CalendarViews.feedUrl(base, request).replace("/calendar.ics", "/calendar");
        model.addAttribute("calendarUrl", page + (page.contains("?") ? "&" : "?") + "lang=" + lang.code());
        model.addAttribute("webcalUrl", CalendarViews.webcal(CalendarViews.feedUrl(base, request, lang)));
        model.addAttribute("base", base);
        fi.kohtaamo.shared.PublicResponses.keep(calendar.countyOf(filter));
        return "calendar/widget :: widget";
    }
}
