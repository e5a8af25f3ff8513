package app.herald.broadcast;

import app.herald.twilio.GatewayException;
import app.herald.twilio.MessageLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settles UNCERTAIN messages against Twilio's own log instead of guessing: a message of this
 * service with this body (the recipient's own, for a personal message) to this number, created since the broadcast began, is ACCEPTED with
 * Twilio's SID; one that is not there stays UNCERTAIN for a person, with when the log was read.
 * Nothing is ever sent here.
 */
final class Reconciler {

    /** What one pass found. */
    record Settled(int found, int notFound, String problem) {
    }

    private static final int PAGE = 500;

    private final MessageJournal journal;
    private final MessageLog log;
    private final Clock clock;

    Reconciler(MessageJournal journal, MessageLog log, Clock clock) {
        this.journal = journal;
        this.log = log;
        this.clock = clock;
    }

    /** Looks up every UNCERTAIN message of the broadcast; stops at the first look Twilio does not answer. */
    Settled reconcile(long broadcastId, String body) {
        Optional<Instant> since = journal.startedAt(broadcastId);
        if (since.isEmpty()) {
            return new Settled(0, 0, null);
        }
        int found = 0;
        int notFound = 0;
        String after = "";
        while (true) {
            List<MessageJournal.Outgoing> uncertain = journal.inState(broadcastId, SendState.UNCERTAIN, after, PAGE);
            if (uncertain.isEmpty()) {
                return new Settled(found, notFound, null);
            }
            for (MessageJournal.Outgoing message : uncertain) {
                String e164 = message.e164();
                Optional<String> sid;
                try {
                    sid = log.find(e164, message.textOr(body), since.get());
                } catch (GatewayException e) {
                    return new Settled(found, notFound, "Twilio's log could not be read: " + e.getMessage());
                }
                Instant now = clock.instant();
                if (sid.isPresent()) {
                    journal.foundInLog(broadcastId, e164, sid.get(), now);
                    found++;
                } else {
                    journal.notInLog(broadcastId, e164, now);
                    notFound++;
                }
            }
            after = uncertain.get(uncertain.size() - 1).e164();
        }
    }
}
