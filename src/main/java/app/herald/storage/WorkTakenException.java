package app.herald.storage;

import java.time.Duration;

/** Another desktop holds the lease on the work, and was heard from within it. */
public final class WorkTakenException extends IllegalStateException {

    private final String computer;
    private final Duration sinceHeard;
    private final Duration untilFree;

    WorkTakenException(String computer, Duration sinceHeard, Duration untilFree) {
        super("in use by " + computer);
        this.computer = computer;
        this.sinceHeard = sinceHeard.isNegative() ? Duration.ZERO : sinceHeard;
        this.untilFree = untilFree.isNegative() ? Duration.ZERO : untilFree;
    }

    /** How long until its lease runs out, unless it renews it meanwhile. */
    public Duration untilFree() {
        return untilFree;
    }

    /** The other desktop's computer name. */
    public String computer() {
        return computer;
    }

    /** How long ago it last renewed its lease. */
    public Duration sinceHeard() {
        return sinceHeard;
    }
}
