package fi.kohtaamo.mapping.internal;

import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.shared.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The records of mapping rounds and their answers. */
final class MappingModel {

    private MappingModel() {
    }

    /** What a place is called (seed 000: perheentalo, perhetalo, yhteisötila, perhepesä, perhekeskus, …). */
    enum NameType {
        FAMILY_HOUSE, FAMILY_HOME, COMMUNITY_SPACE, FAMILY_NEST, FAMILY_CENTRE, MEETING_PLACE, OTHER
    }

    /** What a place offers (seed 000's list). */
    enum Activity {
        DROP_IN, BABY_CAFE, LANGUAGE_GROUP, PARENT_PEER_GROUP, HOBBIES, HOMEWORK_CLUB, YOUTH_EVENINGS, EVENTS
    }

    /** A round: a county's (countyId), an organisation's (organisationId) or national (neither). */
    record Round(long id, Long countyId, Long organisationId, String title, LocalDate opensOn, LocalDate deadline,
            boolean closed, int version, Instant createdAt) {

        Target target() {
            if (countyId != null) {
                return Target.county(countyId);
            }
            return new Target(null, null, organisationId == null ? Set.of() : Set.of(organisationId), null);
        }

        String scopeKey() {
            return countyId != null ? "c" + countyId : organisationId != null ? "o" + organisationId : "n";
        }
    }

    /** A round with how many of its places have answered. */
    record RoundRow(Round round, int places, int answered) {
    }

    /** One place's questionnaire: where the place sat when the round opened, and its answer once given. */
    record Answer(long id, long roundId, long placeId, String placeName, long countyId, String countyName, long areaId,
            Set<Long> organiserIds, String organiserType, String districtName, String associationName,
            boolean answered, Values values, Instant answeredAt, int version) {
    }

    /** The answered values (null: not answered). */
    record Values(NameType nameType, Set<TargetGroup> targetGroups, Integer monthlyVisits, boolean visitsCounted,
            Integer employees, Integer wageSubsidyStaff, Integer interns, Integer volunteers, Set<Activity> activities,
            Integer openingDays, Boolean evenings, Boolean weekends, PremisesType premisesType,
            PremisesOwnership premisesOwnership, Boolean fullyAccessible, List<Long> partnerIds, String partnersText,
            Set<FundingSource> funding) {
    }
}
