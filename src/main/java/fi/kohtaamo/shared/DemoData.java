package fi.kohtaamo.shared;

/**
 * A module's contribution to the demo data. Contributors run in {@link org.springframework.core.annotation.Order}
 * when demo mode is on; each loads its data only when it is not there yet, so restarts keep edits.
 */
public interface DemoData {

    /** Loads the module's demo data unless it is already loaded. */
    void load();

    /** Called on every start in demo mode, after all {@link #load()} calls (e.g. to print accounts). */
    default void afterLoad() {
    }
}
