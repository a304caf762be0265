package fi.kohtaamo.registry;

/** Accessibility features that families filter by. */
public enum AccessibilityFeature {
    STEP_FREE_ENTRANCE, ACCESSIBLE_TOILET, LIFT, PRAM_PARKING, HEARING_LOOP
}
