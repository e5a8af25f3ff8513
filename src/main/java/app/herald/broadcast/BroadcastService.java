package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.message.Encoding;
import app.herald.message.MessageAnalyser;
import app.herald.message.MessageAnalysis;
import app.herald.message.Price;
import app.herald.settings.Mode;
import app.herald.twilio.ChannelKind;
import app.herald.twilio.GatewayException;
import app.herald.twilio.TwilioConnection;
import app.herald.twilio.TwilioConnections;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * A broadcast from its quote to its outcome, the same for the window and the command line: what
 * a send will be ({@link #quote}), writing it down ({@link #start}), sending what is PENDING
 * ({@link #sending}), the start-up recovery of what a dead Herald left IN_FLIGHT, and a person's
 * settling of an UNCERTAIN batch. A broadcast is sent only in the mode it was made in: a
 * SIMULATION broadcast never goes LIVE, nor a LIVE one into the simulator.
 */
public final class BroadcastService {

    private final Journal journal;
    private final BroadcastPlanner planner;
    private final Broadcasts history;
    private final Audience audience;
    private final TwilioConnections twilio;
    private final Supplier<Price> price;
    private final Dispatcher.Sleeper sleeper;

    /**
     * @param price   the price per segment in force, read at each quote
     * @param sleeper how the dispatcher waits between attempts
     */
    public BroadcastService(Jdbi jdbi, Audience audience, Broadcasts history, TwilioConnections twilio, Supplier<Price> price,
            Dispatcher.Sleeper sleeper) {
        this.journal = new Journal(jdbi);
        this.audience = Objects.requireNonNull(audience);
        this.planner = new BroadcastPlanner(jdbi, audience);
        this.history = Objects.requireNonNull(history);
        this.twilio = Objects.requireNonNull(twilio);
        this.price = Objects.requireNonNull(price);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /** Where a send goes now: LIVE or SIMULATION, as Settings or the environment chose. */
    public Mode mode() {
        return twilio.choice().mode();
    }

    /** What sending this message to these lists would be; counts the lists now, so not on the UI thread. */
    public Quote quote(String body, Collection<Long> listIds, boolean smartEncoding) {
        return quote(body, listIds, smartEncoding, audience.count(listIds));
    }

    /** As {@link #quote(String, Collection, boolean)}, with the lists counted already (the composer counts as they are chosen). */
    public Quote quote(String body, Collection<Long> listIds, boolean smartEncoding, AudienceCount count) {
        MessageAnalysis analysis = MessageAnalyser.analyse(body, smartEncoding);
        ChannelKind channel = twilio.channelKind();
        Price perSegment = price.get();
        return new Quote(null, body, List.copyOf(listIds), count.recipients(), count.duplicates(), count.optedOut(),
                analysis.encoding(), analysis.segments(), smartEncoding, channel.requestsFor(count.recipients()), perSegment,
                perSegment.estimate(analysis.segments(), count.recipients()), mode(), channel);
    }

    /** What is left to send of a broadcast: its PENDING batches, counted as the broadcast was, in the mode it was made in. */
    public Quote resumeQuote(BroadcastSummary broadcast) {
        Price perSegment = price.get();
        long recipients = broadcast.pendingRecipients();
        return new Quote(broadcast.id(), broadcast.body(), List.of(), recipients, 0, 0, Encoding.ofLabel(broadcast.encoding()),
                broadcast.segments(), false, broadcast.pendingBatches(), perSegment,
                perSegment.estimate(broadcast.segments(), recipients), broadcast.mode(), ChannelKind.NOTIFY);
    }

    /** The newest broadcast with batches still PENDING and not cancelled: what "resume" means without an id. */
    public Optional<BroadcastSummary> latestResumable() {
        return history.latestResumable();
    }

    /**
     * Writes a new broadcast down: its recipients snapshotted and its batches PENDING. Slow on big
     * lists: not on the UI thread.
     *
     * @return the broadcast's id: the new one, or the one a resuming quote names
     */
    public long start(Quote quote) {
        requireMode(quote.mode(), quote.resumes() ? "Broadcast " + quote.broadcastId() : "This send");
        if (quote.resumes()) {
            return quote.broadcastId();
        }
        TwilioConnection connection = twilio.current();
        return planner.plan(quote, connection.serviceSid(), connection.channel().kind().recipientsPerRequest());
    }

    /** A run of the broadcast's PENDING batches through the channel in force now; it keeps that channel to its end. */
    public Sending sending(long broadcastId) {
        BroadcastSummary broadcast = history.find(broadcastId)
                .orElseThrow(() -> new IllegalArgumentException("There is no broadcast " + broadcastId + "."));
        requireMode(broadcast.mode(), "Broadcast " + broadcastId);
        TwilioConnection connection = twilio.current();
        return new Sending(broadcastId, new Dispatcher(journal, connection.channel(), sleeper), journal);
    }

    private void requireMode(Mode made, String what) {
        if (made != mode()) {
            throw new IllegalArgumentException(what + " was prepared in " + made + " and Herald is " + mode()
                    + " now: it is sent only in " + made + ".");
        }
    }

    /**
     * Sends the message to one number alone (the person's own, to see it on a phone first). It is
     * not a broadcast: it stays out of the history. @return Twilio's SID
     */
    public String sendTest(String e164, String body) throws GatewayException {
        return twilio.current().channel().send(List.of(e164), body);
    }

    /**
     * At start-up, before anything can send: a broadcast a dead Herald left half-planned is
     * removed (nothing of it was sent), and every batch it left IN_FLIGHT may have been sent, so it
     * becomes UNCERTAIN.
     */
    public Recovery recoverInterrupted() {
        return new Recovery(planner.removeUnfinished(), journal.recoverInterrupted());
    }

    /** What start-up found: broadcasts removed half-planned, batches made UNCERTAIN. */
    public record Recovery(int unfinishedPlansRemoved, int batchesMadeUncertain) {
    }

    /** A person decided an UNCERTAIN batch must go again: it becomes PENDING, and the broadcast can be resumed. */
    public void sendAgain(Batch batch) {
        journal.sendAgain(batch.broadcastId(), batch.number());
    }

    /** A person settled an UNCERTAIN batch as sent: it is never sent again. */
    public void markSent(Batch batch) {
        journal.markSent(batch.broadcastId(), batch.number());
    }
}
