package fi.kohtaamo.coordination.internal;

/** The fixed choices of coordination records (their names are stored; their labels are messages). */
final class Kinds {

    private Kinds() {
    }

    enum GroupKind { WORKING_GROUP, NETWORK, COUNTY_GROUP, OTHER }

    enum SeatRole { CHAIR, SECRETARY, MEMBER }

    enum MeetingKind { MEETING, TRAINING, PLANNING_DAY }

    enum TrainingTopic { PARTICIPATION, EVALUATION, OTHER }

    enum ActionStatus { OPEN, IN_PROGRESS, DONE, DROPPED }

    enum Answer { YES, NO }

    enum Direction { UP, DOWN }
}
