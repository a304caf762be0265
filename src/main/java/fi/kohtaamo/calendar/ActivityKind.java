package fi.kohtaamo.calendar;

/** Kinds of activity in the family calendar (seed 000's activities and the list). */
public enum ActivityKind {
    OPEN_DROP_IN,
    FAMILY_CAFE,
    BABY_CAFE,
    PARISH_FAMILY_CLUB,
    PARENT_PEER_GROUP,
    LANGUAGE_GROUP,
    HOBBY,
    HOMEWORK_CLUB,
    YOUTH_EVENING,
    OUTDOOR,
    EVENT
}
