package fi.kohtaamo.registry;

/**
 * Published inside the writing transaction when a place is being deleted, before its row goes (it still exists
 * while listeners run). Modules holding records of the place react in the same transaction: the calendar deletes
 * its activities (so outreach cancels their coming visits), and a listener may refuse the deletion by throwing a
 * {@code KohtaamoException} (monitoring does when the place has counts), which rolls the whole deletion back.
 *
 * @param placeId the place
 */
public record PlaceDeleted(long placeId) {
}
