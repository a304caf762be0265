package fi.kohtaamo.registry;

/** Target groups as in the MLL mapping (seed 000): expecting families, under school age, 7-12, over 12, grandparents and close network. */
public enum TargetGroup {
    EXPECTING, UNDER_SCHOOL_AGE, AGE_7_12, OVER_12, GRANDPARENTS
}
