package fi.kohtaamo.registry;

/**
 * Published inside the writing transaction when a county has been inserted. Modules that give every county a
 * starting catalogue (coordination's weak-signal themes) add it here, so reading pages never writes.
 *
 * @param countyId the new county
 */
public record CountyCreated(long countyId) {
}
