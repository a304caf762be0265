package fi.kohtaamo.identity;

/**
 * Published inside the writing transaction when a staff account was changed (its role, organisation or whether it
 * is enabled may differ). Modules that hold a person in a seat of their own (coordination's group seats) check
 * the seat against the account as it is now; the account's row is already updated when listeners run.
 *
 * @param userId the account
 */
public record AccountChanged(long userId) {
}
