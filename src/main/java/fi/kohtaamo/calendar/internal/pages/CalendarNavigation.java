package fi.kohtaamo.calendar.internal.pages;

import fi.kohtaamo.calendar.CalendarAction;
import fi.kohtaamo.shared.AccessControl;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.StaffNavigation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The calendar's staff links: activities for those who may create them, school holidays for coordinators. */
@Component
class CalendarNavigation implements StaffNavigation {

    @Override
    public List<Item> items(Actor actor) {
        List<Item> items = new ArrayList<>();
        if (AccessControl.mayEver(actor, CalendarAction.ACTIVITY_CREATE)) {
            items.add(new Item("calendarAdmin.nav.activities", "/admin/activities", 15));
        }
        if (AccessControl.mayEver(actor, CalendarAction.SCHOOL_HOLIDAY_MANAGE)) {
            items.add(new Item("calendarAdmin.nav.schoolHolidays", "/admin/school-holidays", 35));
        }
        return items;
    }
}
