package fi.kohtaamo.monitoring;

/**
 * Where a family was guided onward (client guidance, seed 002 line 91: the meeting places must know the
 * services to guide families to them). The list follows the services the seeds name.
 */
public enum ReferralService {
    CHILD_HEALTH_CLINIC, FAMILY_COUNSELLING, FAMILY_SOCIAL_WORK, FAMILY_WORK, ORAL_HEALTH, SPEECH_THERAPY, ECEC,
    IMMIGRANT_SERVICES, PARISH_DIACONIA, MLL_SUPPORT_PERSONS, NGO_SERVICES, OTHER
}
