package app.herald.broadcast;

import app.herald.storage.WorkTakenException;
import java.time.Duration;

/**
 * Another desktop is sending the broadcast: this one may neither send nor resume it until that one
 * stops or its lease runs out.
 */
public final class BroadcastBusyException extends IllegalStateException {

    /** @param held the other desktop's hold on the broadcast: who, heard from when, free when */
    BroadcastBusyException(long broadcastId, WorkTakenException held) {
        super("Broadcast " + broadcastId + " is being sent by " + held.computer() + ", last heard from "
                + seconds(held.sinceHeard()) + " ago. Only one computer sends a broadcast: this one can take it over if "
                + held.computer() + " has not been heard from for " + seconds(held.untilFree()) + " more.");
    }

    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
