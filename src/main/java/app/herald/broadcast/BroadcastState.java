package app.herald.broadcast;

/** Where a broadcast stands as a whole, for the history and for resuming. */
public enum BroadcastState {
    /** Its recipients and batches are being written: nothing may send it or count it; a crash leaves it to be removed. */
    PLANNING,
    /** Planned: recipients snapshotted, batches PENDING, nothing sent. */
    READY,
    /** A dispatcher is (or was, if the app died) working through its batches. */
    SENDING,
    /** Stopped between batches by the person, or by wrong settings; PENDING batches can be resumed. */
    PAUSED,
    /** Every batch ended: ACCEPTED, or FAILED / UNCERTAIN for a person to look at. */
    FINISHED,
    /** Cancelled by the person: what was PENDING stays unsent. */
    CANCELLED
}
