package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.outreach.internal.OutreachQueries.Slot;
import fi.kohtaamo.outreach.internal.OutreachQueries.Visit;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to know before a visit is booked or confirmed: the same topic at the same place within the
 * county's number of weeks; the same professional somewhere else at the same time; another visit to
 * the place that day. Seen from a partner, only what the public calendar shows (confirmed visits) and
 * the partner's own visits count, so that no partner learns of another's requests.
 */
public final class Warnings {

    private Warnings() {
    }

    /** A message key with its arguments (dates as ISO text). */
    public record Warning(String key, List<String> args) {
    }

    static List<Warning> of(OutreachQueries queries, Slot slot, Long topicId, Long professionalUserId, long partnerOrgId,
            int repeatWeeks, Long selfVisitId, boolean partnerView) {
        List<Warning> out = new ArrayList<>();
        java.util.function.Predicate<Visit> counts = v -> !Objects.equals(v.id(), selfVisitId)
                && (!partnerView || "CONFIRMED".equals(v.status()) || v.partnerOrgId() == partnerOrgId);
        if (topicId != null && repeatWeeks > 0) {
            Duration window = Duration.ofDays(7L * repeatWeeks);
            queries.activeVisitsAtPlace(slot.placeId(), slot.startsAt().minus(window), slot.startsAt().plus(window))
                    .stream().filter(counts).filter(v -> topicId.equals(v.topicId())).findFirst()
                    .ifPresent(v -> out.add(new Warning("outreach.warning.sameTopic",
                            List.of(String.valueOf(repeatWeeks), day(v).toString()))));
        }
        if (professionalUserId != null) {
            queries.activeVisitsOfProfessional(professionalUserId, slot.startsAt(), slot.endsAt()).stream()
                    .filter(counts).filter(v -> v.slotId() != slot.id()).findFirst()
                    .ifPresent(v -> out.add(new Warning("outreach.warning.professionalBusy", List.of(day(v).toString()))));
        }
        LocalDate day = slot.startsAt().atZone(OutreachService.HELSINKI).toLocalDate();
        var start = day.atStartOfDay(OutreachService.HELSINKI).toInstant();
        queries.activeVisitsAtPlace(slot.placeId(), start, day.plusDays(1).atStartOfDay(OutreachService.HELSINKI).toInstant())
                .stream().filter(counts).filter(v -> v.slotId() != slot.id()).findFirst()
                .ifPresent(v -> out.add(new Warning("outreach.warning.sameDay", List.of(day.toString()))));
        return List.copyOf(out);
    }

    private static LocalDate day(Visit v) {
        return v.startsAt().atZone(OutreachService.HELSINKI).toLocalDate();
    }
}
