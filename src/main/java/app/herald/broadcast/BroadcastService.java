package app.herald.broadcast;

import app.herald.contacts.Audience;
import app.herald.contacts.Audience.AudienceCount;
import app.herald.message.Encoding;
import app.herald.message.MessageAnalyser;
import app.herald.message.MessageAnalysis;
import app.herald.message.PersonalMessage;
import app.herald.message.PersonalTexts;
import app.herald.message.Price;
import app.herald.settings.ChannelKind;
import app.herald.settings.MessagePace;
import app.herald.settings.Mode;
import app.herald.twilio.GatewayException;
import app.herald.twilio.TwilioConnection;
import app.herald.twilio.TwilioConnections;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * A broadcast from its quote to its outcome, the same for the window and the command line and for
 * both channels: what a send will be ({@link #quote}), writing it down ({@link #start}), sending
 * what is PENDING ({@link #sending}), the start-up recovery of what a dead Herald left IN_FLIGHT,
 * looking up uncertain messages in Twilio's log, and a person's settling of what stayed UNCERTAIN.
 * A broadcast is sent only in the mode and through the channel it was made in: a SIMULATION
 * broadcast never goes LIVE, nor a Notify one through a Messaging Service.
 */
public final class BroadcastService {

    private final Jdbi jdbi;
    private final Journal journal;
    private final MessageJournal messageJournal;
    private final BroadcastPlanner planner;
    private final Broadcasts history;
    private final Audience audience;
    private final TwilioConnections twilio;
    private final Supplier<Price> price;
    private final Supplier<MessagePace> pace;
    private final Dispatcher.Sleeper sleeper;

    /**
     * @param price   the price per segment in force, read at each quote
     * @param pace    how fast LIVE messages go through a Messaging Service, read at each quote and run
     * @param sleeper how the dispatchers wait between attempts
     */
    public BroadcastService(Jdbi jdbi, Audience audience, Broadcasts history, TwilioConnections twilio, Supplier<Price> price,
            Supplier<MessagePace> pace, Dispatcher.Sleeper sleeper) {
        this.jdbi = jdbi;
        this.journal = new Journal(jdbi);
        this.messageJournal = new MessageJournal(jdbi);
        this.audience = Objects.requireNonNull(audience);
        this.planner = new BroadcastPlanner(jdbi, audience);
        this.history = Objects.requireNonNull(history);
        this.twilio = Objects.requireNonNull(twilio);
        this.price = Objects.requireNonNull(price);
        this.pace = Objects.requireNonNull(pace);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /** Where a send goes now: LIVE or SIMULATION, as Settings or the environment chose. */
    public Mode mode() {
        return twilio.choice().mode();
    }

    /** The channel a new send goes through now. */
    public ChannelKind channel() {
        return twilio.channelKind();
    }

    /**
     * What sending this message to these lists would be; counts the lists now (and each recipient's
     * text of a personal message), so not on the UI thread.
     */
    public Quote quote(String body, Collection<Long> listIds, boolean smartEncoding) {
        PersonalTexts personal = PersonalMessage.of(body).isPersonal() ? personalTexts(body, listIds, smartEncoding) : null;
        return quote(body, listIds, smartEncoding, audience.count(listIds), personal);
    }

    /**
     * As {@link #quote(String, Collection, boolean)}, with the lists counted already (the composer
     * counts as they are chosen), and a personal message's texts too.
     *
     * @param personal the texts of {@link #personalTexts} for this body, or null when it names no field
     */
    public Quote quote(String body, Collection<Long> listIds, boolean smartEncoding, AudienceCount count,
            PersonalTexts personal) {
        if (PersonalMessage.of(body).isPersonal() ? personal == null || !personal.isFor(body, smartEncoding) : personal != null) {
            throw new IllegalArgumentException("the personal texts were counted for another message");
        }
        MessageAnalysis analysis = MessageAnalyser.analyse(body, smartEncoding);
        ChannelKind channel = twilio.channelKind();
        Price perSegment = price.get();
        Mode mode = mode();
        Encoding encoding = analysis.encoding();
        int segments = analysis.segments();
        BigDecimal cost = perSegment.estimate(segments, count.recipients());
        if (personal != null && personal.longest() != null) {
            encoding = personal.ucs2Count() > 0 ? Encoding.UCS_2 : Encoding.GSM_7;
            segments = personal.longest().analysis().segments();
            cost = perSegment.estimate(1, personal.totalSegments());
        }
        return new Quote(null, body, List.copyOf(listIds), count.recipients(), count.duplicates(), count.optedOut(),
                encoding, segments, smartEncoding, channel.requestsFor(count.recipients()), perSegment, cost, mode, channel,
                paceSeconds(mode, channel, count.recipients()), null, null, personal);
    }

    /**
     * Each recipient's own text of a message with fields, counted: reads every recipient, so not on
     * the UI thread.
     *
     * @throws IllegalArgumentException through Notify, or when the message names a field the lists do not have
     */
    public PersonalTexts personalTexts(String body, Collection<Long> listIds, boolean smartEncoding) {
        PersonalMessage message = PersonalMessage.of(body);
        if (twilio.channelKind() != ChannelKind.MESSAGES) {
            throw new IllegalArgumentException("Personal messages need a Messaging Service: Notify sends one text to ten"
                    + " thousand people at once. Choose a Messaging Service in Settings, or take the fields out of the"
                    + " message (" + fieldWords(message.fields()) + ").");
        }
        Set<String> known = audience.fields(listIds);
        List<String> unknown = message.unknownFields(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException((unknown.size() == 1 ? fieldWords(unknown) + " is not a field"
                    : fieldWords(unknown) + " are not fields") + " of the chosen lists. A message to them can use "
                    + fieldWords(known) + ".");
        }
        PersonalTexts.Counter counter = new PersonalTexts.Counter(body, smartEncoding);
        audience.forEachRecipient(listIds, recipient -> counter.add(recipient.e164(), recipient.fields().name(),
                message.textFor(recipient.fields()::value)));
        return counter.result();
    }

    /** "{first_name}, {appointment}". */
    private static String fieldWords(Collection<String> fields) {
        return fields.stream().map(field -> "{" + field + "}").collect(Collectors.joining(", "));
    }

    /** What the quote's quiet hours make of it: how many go at once, how many later, and when the last (slow on big lists). */
    public QuietPreview quietPreview(Quote quote) {
        if (quote.quiet() == null) {
            throw new IllegalArgumentException("the quote has no quiet hours");
        }
        return QuietPreview.of(quote, audience, Instant.now());
    }

    /** What is left to send of a broadcast: what is PENDING, counted as the broadcast was, in its mode and channel. */
    public Quote resumeQuote(BroadcastSummary broadcast) {
        Price perSegment = price.get();
        long recipients = broadcast.pendingRecipients();
        return new Quote(broadcast.id(), broadcast.body(), List.of(), recipients, 0, 0, Encoding.ofLabel(broadcast.encoding()),
                broadcast.segments(), false, broadcast.pendingRequests(), perSegment,
                perSegment.estimate(broadcast.segments(), recipients), broadcast.mode(), broadcast.channel(),
                paceSeconds(broadcast.mode(), broadcast.channel(), recipients), broadcast.schedule(), null, null);
    }

    private long paceSeconds(Mode mode, ChannelKind channel, long recipients) {
        return channel == ChannelKind.MESSAGES ? pace(mode).secondsFor(recipients) : 0;
    }

    /** The simulator has no senders to wait for; Twilio's pass on only so many a second. */
    private MessagePace pace(Mode mode) {
        return mode == Mode.SIMULATION ? MessagePace.SIMULATED : pace.get();
    }

    /** The newest broadcast with something still PENDING and not cancelled: what "resume" means without an id. */
    public Optional<BroadcastSummary> latestResumable() {
        return history.latestResumable();
    }

    /**
     * Writes a new broadcast down: its recipients snapshotted and PENDING. Slow on big lists: not on
     * the UI thread. Its lease stays with this desktop for the run that follows ({@link #sending}): no
     * other desktop sends it unless this one dies first and the lease runs out.
     *
     * @return the broadcast's id: the new one, or the one a resuming quote names
     */
    public long start(Quote quote) {
        String what = quote.resumes() ? "Broadcast " + quote.broadcastId() : "This send";
        requireMode(quote.mode(), what);
        requireChannel(quote.channel(), what);
        if (quote.resumes()) {
            return quote.broadcastId();
        }
        quote.requireTextsWithinLimit();
        TwilioConnection connection = twilio.current();
        return planner.plan(quote, connection.serviceSid(), connection.channel().kind());
    }

    /**
     * A run of the broadcast's PENDING batches or messages through the channel in force now; it keeps
     * that channel to its end. The run holds the broadcast's lease: one desktop sends it at a time.
     */
    public Sending sending(long broadcastId) {
        BroadcastSummary broadcast = history.find(broadcastId)
                .orElseThrow(() -> new IllegalArgumentException("There is no broadcast " + broadcastId + "."));
        requireMode(broadcast.mode(), "Broadcast " + broadcastId);
        requireChannel(broadcast.channel(), "Broadcast " + broadcastId);
        TwilioConnection connection = twilio.current();
        BroadcastLease lease = new BroadcastLease(jdbi, broadcastId);
        Journal fenced = journal.fencedBy(lease);
        MessageJournal fencedMessages = messageJournal.fencedBy(lease);
        Dispatcher dispatcher;
        if (broadcast.channel() == ChannelKind.MESSAGES) {
            MessagePace paced = pace(broadcast.mode());
            dispatcher = new MessageDispatcher(fenced, fencedMessages, connection.channel(),
                    reconciler(connection, fencedMessages), sleeper, Clock.systemUTC(), paced.perSecond(), paced.senders());
        } else {
            dispatcher = new BatchDispatcher(fenced, connection.channel(), sleeper, Clock.systemUTC());
        }
        return new Sending(broadcast, dispatcher, lease, () -> {
            fenced.recoverInterrupted(broadcastId);
            fencedMessages.recoverInterrupted(broadcastId);
        });
    }

    /**
     * Whether another desktop is sending the broadcast now (then this one may neither send nor
     * resume it): its computer and when it was last heard from, in words.
     */
    public Optional<String> sentElsewhere(long broadcastId) {
        return BroadcastLease.elsewhere(jdbi, broadcastId).map(BroadcastBusyException::getMessage);
    }

    private Reconciler reconciler(TwilioConnection connection, MessageJournal writingTo) {
        return connection.messageLog().map(log -> new Reconciler(writingTo, log, Clock.systemUTC())).orElse(null);
    }

    private void requireMode(Mode made, String what) {
        if (made != mode()) {
            throw new IllegalArgumentException(what + " was prepared in " + made + " and Herald is " + mode()
                    + " now: it is sent only in " + made + ".");
        }
    }

    private void requireChannel(ChannelKind made, String what) {
        ChannelKind now = twilio.channelKind();
        if (made != now) {
            throw new IllegalArgumentException(what + " goes through " + words(made) + " and Herald sends through "
                    + words(now) + " now: choose " + words(made) + " in Settings (or --channel " + made.label()
                    + ") to send it.");
        }
    }

    private static String words(ChannelKind channel) {
        return channel == ChannelKind.MESSAGES ? "a Messaging Service" : "Notify";
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
     * removed (nothing of it was sent), and every batch or message it left IN_FLIGHT may have been
     * sent, so it becomes UNCERTAIN.
     */
    public Recovery recoverInterrupted() {
        return new Recovery(planner.removeUnfinished(), journal.recoverInterrupted(), messageJournal.recoverInterrupted());
    }

    /** What start-up found: broadcasts removed half-planned, batches and messages made UNCERTAIN. */
    public record Recovery(int unfinishedPlansRemoved, int batchesMadeUncertain, int messagesMadeUncertain) {
    }

    /**
     * Looks up the UNCERTAIN messages of every Messaging broadcast of the mode and channel in force
     * in Twilio's log (after a crash, at start-up): found ones become ACCEPTED. Reads from Twilio: not
     * on the UI thread. @return how many were found
     */
    public int reconcileUncertain() {
        List<BroadcastSummary> uncertain = history.all().stream()
                .filter(broadcast -> broadcast.channel() == ChannelKind.MESSAGES && broadcast.mode() == mode()
                        && broadcast.uncertain() > 0)
                .toList();
        // with nothing to look up, no connection is opened (nor a simulator started)
        Reconciler reconciler = uncertain.isEmpty() ? null : reconciler(twilio.current(), messageJournal);
        if (reconciler == null) {
            return 0;
        }
        return uncertain.stream().mapToInt(broadcast -> reconciler.reconcile(broadcast.id(), broadcast.body()).found()).sum();
    }

    /** A person decided an UNCERTAIN batch must go again: it becomes PENDING, and the broadcast can be resumed. */
    public void sendAgain(Batch batch) {
        journal.sendAgain(batch.broadcastId(), batch.number());
    }

    /** A person settled an UNCERTAIN batch as sent: it is never sent again. */
    public void markSent(Batch batch) {
        journal.markSent(batch.broadcastId(), batch.number());
    }

    /** A person decided an UNCERTAIN message must go again. @return false when it was not UNCERTAIN */
    public boolean sendAgain(long broadcastId, String e164) {
        return messageJournal.sendAgain(broadcastId, e164);
    }

    /** A person settled an UNCERTAIN message as sent. @return false when it was not UNCERTAIN */
    public boolean markSent(long broadcastId, String e164) {
        return messageJournal.markSent(broadcastId, e164);
    }
}
