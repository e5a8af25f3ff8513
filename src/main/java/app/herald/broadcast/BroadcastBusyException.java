package app.herald.broadcast;

import java.time.Duration;

/**
 * Another desktop is sending the broadcast: this one may neither send nor resume it until that one
 * stops or its lease runs out.
 */
public final class BroadcastBusyException extends IllegalStateException {

    BroadcastBusyException(long broadcastId, String computer, Duration sinceHeard, Duration untilFree) {
        super("Broadcast " + broadcastId + " is being sent by " + computer + ", last heard from " + seconds(sinceHeard)
                + " ago. Only one computer sends a broadcast: this one can take it over if " + computer
                + " has not been heard from for " + seconds(untilFree) + " more.");
    }

    private static String seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
