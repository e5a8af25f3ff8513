package app.herald.delivery;

import app.herald.contacts.OptOuts;
import app.herald.delivery.BroadcastReply.Effect;
import app.herald.delivery.DeliveryStore.Answered;
import app.herald.delivery.DeliveryStore.Followed;
import app.herald.delivery.DeliveryStore.Known;
import app.herald.delivery.DeliveryStore.LastCheck;
import app.herald.delivery.DeliveryStore.Learnt;
import app.herald.delivery.DeliveryStore.Started;
import app.herald.settings.ChannelKind;
import app.herald.settings.ReplyKeywords.Meaning;
import app.herald.settings.ReplyKeywords;
import app.herald.twilio.GatewayException;
import app.herald.twilio.TwilioConnection;
import app.herald.twilio.TwilioLog.Logged;
import app.herald.twilio.TwilioLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Learns from Twilio's log what became of the messages Herald sent, and who replied: a desktop
 * behind a router gets no webhooks, so it reads. One pass lists the messages sent since the oldest
 * followed broadcast began, newest first ({@link TwilioLog#PAGE_SIZE} a page), back to ten minutes
 * before the last check (most receipts come within seconds), and matches them to recipients by
 * SID (Notify names none: by number, body and time, "matched from Twilio's log"); fetches by SID
 * a few that the list did not bring (not sent yet, or older and still waiting for a receipt);
 * recounts each broadcast and stops following it once every message is final, or at the first
 * check after the validity period.
 * Then the replies to each sender of the Messaging Service: one that is an opt-out word as a whole
 * opts the number out, an opt-in word opts it back in, anything else is kept and changes nothing.
 * A final status is never overwritten by an older answer. Each page is committed as it is read.
 */
public final class StatusSync {

    /** Twilio's default validity period: a message not sent by then is not sent at all. */
    static final Duration VALIDITY = Duration.ofHours(4);
    /** Messages fetched one by one in a check, at most: the rest wait for the next. */
    static final int FETCHES_PER_CHECK = 100;
    /** Replies are first read this far back. */
    private static final Duration FIRST_REPLIES = Duration.ofDays(7);
    /** Twilio's times are to the second, and a clock can be a little off. */
    private static final Duration SLACK = Duration.ofMinutes(1);
    /**
     * How far before the last check a check reads the log again: a status that changes later than
     * this after its message was sent (a late receipt) is fetched by SID instead.
     */
    static final Duration RECEIPT_WINDOW = Duration.ofMinutes(10);

    /**
     * What one check found.
     *
     * @param followed  the broadcasts it read statuses for
     * @param settled   how many of them are complete now
     * @param takenBack scheduled messages cancelled because their number opted out
     */
    public record Report(List<Long> followed, int changed, int settled, int replies, int optedOut, int optedIn, int takenBack,
            int requests, Instant checkedAt) {

        public Report {
            followed = List.copyOf(followed);
        }

        /** Whether a broadcast is still followed after this check. */
        public boolean stillFollowing() {
            return followed.size() > settled;
        }
    }

    private final DeliveryStore store;
    private final ScheduledBroadcasts scheduled;
    private final Supplier<ReplyKeywords> keywords;
    private final Clock clock;
    /** Where each followed broadcast's look-ups by SID stopped, to go on from there at the next check. */
    private final Map<Long, String> fetchedUpTo = new HashMap<>();
    /** Each broadcast's batches by their first number, read once per check. */
    private final Map<Long, NavigableMap<String, Integer>> batches = new HashMap<>();

    /** @param scheduled where a check takes back the scheduled messages of numbers that opted out */
    public StatusSync(Jdbi jdbi, ScheduledBroadcasts scheduled, Supplier<ReplyKeywords> keywords, Clock clock) {
        this.store = new DeliveryStore(jdbi);
        this.scheduled = scheduled;
        this.keywords = keywords;
        this.clock = clock;
    }

    /** Reads Twilio's log through this connection (its mode's broadcasts only) and writes what it learns. */
    public synchronized Report check(TwilioConnection connection) throws GatewayException, InterruptedException {
        Instant now = clock.instant();
        batches.clear();
        TwilioLog log = connection.log();
        int before = log.requests();
        Optional<LastCheck> last = store.lastCheck();
        Instant readBackTo = last.map(check -> check.checkedAt().minus(RECEIPT_WINDOW)).orElse(Instant.MIN);
        List<Followed> followed = store.followed(connection.mode(), now);
        Map<String, Optional<String>> messagingServices = new HashMap<>();
        int changed = 0;
        int settled = 0;
        if (!followed.isEmpty()) {
            Map<Long, String> notifyThrough = new HashMap<>();
            for (Followed broadcast : followed) {
                if (broadcast.channel() == ChannelKind.NOTIFY && broadcast.serviceSid() != null) {
                    messagingServiceOf(log, broadcast.serviceSid(), messagingServices)
                            .ifPresent(sid -> notifyThrough.put(broadcast.id(), sid));
                }
            }
            int[] learnt = {0};
            Instant since = followed.get(0).startedAt();
            log.sentSince(since.minus(SLACK), page -> {
                learnt[0] += learn(page, followed, notifyThrough);
                return page.stream().anyMatch(message -> !message.sentOrCreated().isBefore(readBackTo));
            });
            changed = learnt[0] + fetchWaiting(log, followed, readBackTo);
            for (Followed broadcast : followed) {
                settled += store.recount(broadcast, now, broadcast.pastValidity(now, VALIDITY)) ? 1 : 0;
            }
        }
        int[] replies = readReplies(connection, log, messagingServices, last, now);
        // a STOP, read now or made before, must also stop what Twilio holds for that number
        int takenBack = scheduled.cancelOptedOut(connection);
        store.checked(now, now);
        return new Report(followed.stream().map(Followed::id).toList(), changed, settled, replies[0], replies[1], replies[2],
                takenBack, log.requests() - before, now);
    }

    /** Matches one page of the log to the followed broadcasts' recipients and writes what changed. @return how many */
    private int learn(List<Logged> page, List<Followed> followed, Map<Long, String> notifyThrough) {
        List<Learnt> learnt = new ArrayList<>();
        for (Followed broadcast : followed) {
            Map<String, Logged> candidates = new LinkedHashMap<>();
            for (Logged message : page) {
                if (!message.inbound() && message.to() != null && sentDuring(message, broadcast)
                        && broadcast.body().equals(message.body())) {
                    candidates.put(message.to(), message);
                }
            }
            Map<String, Known> known = store.known(broadcast.id(), batches.computeIfAbsent(broadcast.id(), store::batchesOf),
                    candidates.keySet());
            for (Logged message : candidates.values()) {
                Known recipient = known.get(message.to());
                if (recipient == null || !isNews(recipient, message)) {
                    continue;
                }
                if (broadcast.channel() == ChannelKind.MESSAGES && message.sid().equals(recipient.sid())) {
                    learnt.add(new Learnt(broadcast.id(), recipient.batch(), recipient.e164(), message.sid(), false, message));
                } else if (broadcast.channel() == ChannelKind.NOTIFY
                        && (recipient.sid() == null || recipient.sid().equals(message.sid()))
                        && (!notifyThrough.containsKey(broadcast.id())
                            || notifyThrough.get(broadcast.id()).equals(message.serviceSid()))) {
                    learnt.add(new Learnt(broadcast.id(), recipient.batch(), recipient.e164(), message.sid(), true, message));
                }
            }
        }
        store.write(learnt);
        return learnt.size();
    }

    /**
     * Fetches by SID, up to {@link #FETCHES_PER_CHECK}, the messages of Messaging broadcasts that
     * the list did not bring: not sent yet, or not final and last heard of before {@code readBackTo}.
     * Each check goes on in number order where the last one stopped, so a hundred messages that
     * never end (a carrier that sends no receipts) do not keep the others from being looked up.
     */
    private int fetchWaiting(TwilioLog log, List<Followed> followed, Instant readBackTo)
            throws GatewayException, InterruptedException {
        int budget = FETCHES_PER_CHECK;
        int changed = 0;
        for (Followed broadcast : followed) {
            if (broadcast.channel() != ChannelKind.MESSAGES || budget == 0) {
                continue;
            }
            String after = fetchedUpTo.getOrDefault(broadcast.id(), "");
            List<Known> waiting = new ArrayList<>(store.waiting(broadcast.id(), readBackTo, after, budget));
            if (waiting.size() < budget && !after.isEmpty()) {
                waiting.addAll(store.waiting(broadcast.id(), readBackTo, "", budget - waiting.size()).stream()
                        .filter(message -> message.e164().compareTo(after) <= 0).toList());
            }
            List<Learnt> learnt = new ArrayList<>();
            for (Known recipient : waiting) {
                budget--;
                fetchedUpTo.put(broadcast.id(), recipient.e164());
                Optional<Logged> fetched = log.fetch(recipient.sid());
                if (fetched.isPresent() && isNews(recipient, fetched.get())) {
                    learnt.add(new Learnt(broadcast.id(), 0, recipient.e164(), recipient.sid(), false, fetched.get()));
                }
            }
            store.write(learnt);
            changed += learnt.size();
        }
        return changed;
    }

    /** The newest broadcast to the replying number that began before the reply: the one it answers. */
    private Optional<Answered> answered(Logged reply, List<Started> started) {
        for (Started broadcast : started) {
            if (broadcast.at().isAfter(reply.createdAt())) {
                continue;
            }
            Optional<Answered> answered = store.wentTo(broadcast.id(), batches.computeIfAbsent(broadcast.id(), store::batchesOf),
                    reply.from());
            if (answered.isPresent()) {
                return answered;
            }
        }
        return Optional.empty();
    }

    /** @return the replies kept, the numbers opted out, the numbers opted back in */
    private int[] readReplies(TwilioConnection connection, TwilioLog log, Map<String, Optional<String>> messagingServices,
            Optional<LastCheck> last, Instant now) throws GatewayException, InterruptedException {
        Optional<String> service = connection.channel().kind() == ChannelKind.MESSAGES ? Optional.of(connection.serviceSid())
                : messagingServiceOf(log, connection.serviceSid(), messagingServices);
        if (service.isEmpty()) {
            return new int[3];
        }
        Instant since = last.map(LastCheck::repliesUntil).orElse(now.minus(FIRST_REPLIES));
        List<Logged> received = new ArrayList<>();
        for (String sender : log.senders(service.get())) {
            received.addAll(log.receivedBy(sender, since.minus(SLACK)));
        }
        Set<String> kept = new HashSet<>(store.keptReplies(received.stream().map(Logged::sid).toList()));
        List<Logged> fresh = received.stream().filter(reply -> !kept.contains(reply.sid()) && reply.from() != null)
                .sorted(Comparator.comparing(Logged::createdAt)).toList();
        int[] counts = {fresh.size(), 0, 0};
        ReplyKeywords words = keywords.get();
        List<Optional<Answered>> answered = new ArrayList<>(fresh.size());
        List<Started> started = fresh.isEmpty() ? List.of() : store.lastStarted();
        for (Logged reply : fresh) {
            answered.add(answered(reply, started));
        }
        // one commit for the check's replies, in the order they came: a STOP, then a START, ends opted in
        store.jdbi().useTransaction(handle -> {
            for (int i = 0; i < fresh.size(); i++) {
                Logged reply = fresh.get(i);
                Meaning meaning = words.meaningOf(reply.body());
                DeliveryStore.keepReply(handle, reply, answered.get(i), effect(meaning));
                apply(handle, reply, meaning);
                counts[1] += meaning == Meaning.OPT_OUT ? 1 : 0;
                counts[2] += meaning == Meaning.OPT_IN ? 1 : 0;
            }
        });
        return counts;
    }

    /**
     * An opt-out word puts the number on the opt-out list; an opt-in word takes it off again, but
     * only an opt-out that came from a reply or from Twilio: one staff added stays until staff remove it.
     */
    private static void apply(Handle handle, Logged reply, Meaning meaning) {
        LocalDate day = LocalDate.ofInstant(reply.createdAt(), ZoneId.systemDefault());
        String word = ReplyKeywords.wordOf(reply.body());
        if (meaning == Meaning.OPT_OUT) {
            OptOuts.add(handle, reply.from(), "Replied \"" + reply.body().strip() + "\"", "replied " + word + " on " + day);
        } else if (meaning == Meaning.OPT_IN) {
            OptOuts.removeReplied(handle, reply.from());
        }
    }

    private static Effect effect(Meaning meaning) {
        return switch (meaning) {
            case OPT_OUT -> Effect.OPTED_OUT;
            case OPT_IN -> Effect.OPTED_IN;
            case NOTHING -> Effect.NONE;
        };
    }

    private static Optional<String> messagingServiceOf(TwilioLog log, String notifySid, Map<String, Optional<String>> known)
            throws GatewayException, InterruptedException {
        if (!known.containsKey(notifySid)) {
            known.put(notifySid, log.messagingServiceOf(notifySid));
        }
        return known.get(notifySid);
    }

    /** Created while the broadcast was going out (a minute's slack either side). */
    private static boolean sentDuring(Logged message, Followed broadcast) {
        Instant created = message.createdAt();
        return created != null && !created.isBefore(broadcast.startedAt().minus(SLACK))
                && (broadcast.finishedAt() == null || !created.isAfter(broadcast.finishedAt().plus(SLACK)));
    }

    /** Whether the log's answer says more than the store knows: never an older one, never a final status undone. */
    private static boolean isNews(Known recipient, Logged message) {
        if (message.status() == null || message.status().equals(recipient.status())) {
            return false;
        }
        if (recipient.statusAt() != null && message.updatedAt() != null && message.updatedAt().isBefore(recipient.statusAt())) {
            return false;
        }
        return !MessageStatus.isFinal(recipient.status());
    }
}
