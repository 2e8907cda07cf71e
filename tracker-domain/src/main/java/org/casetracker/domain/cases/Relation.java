package org.casetracker.domain.cases;

/** How two cases are related; every relation has its inverse, recorded on the other case. */
public enum Relation {
    REFILED_AS, REFILED_FROM, REMOVED_TO, REMOVED_FROM, REMANDED_TO, REMANDED_FROM;

    public Relation inverse() {
        return switch (this) {
            case REFILED_AS -> REFILED_FROM;
            case REFILED_FROM -> REFILED_AS;
            case REMOVED_TO -> REMOVED_FROM;
            case REMOVED_FROM -> REMOVED_TO;
            case REMANDED_TO -> REMANDED_FROM;
            case REMANDED_FROM -> REMANDED_TO;
        };
    }
}
