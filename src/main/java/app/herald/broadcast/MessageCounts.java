package app.herald.broadcast;

/** A Messaging broadcast's recipients by how their message stands, from the counts its journal keeps. */
record MessageCounts(long recipients, long accepted, long failed, long uncertain, long markedSent) {

    /** Messages that will not go out again by themselves. */
    long ended() {
        return accepted + failed + uncertain + markedSent;
    }
}
