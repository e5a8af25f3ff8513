package app.herald.core;

import app.herald.broadcast.BroadcastRecipients;
import app.herald.broadcast.BroadcastService;
import app.herald.broadcast.Broadcasts;
import app.herald.concurrent.NamedExecutors;
import app.herald.contacts.Audience;
import app.herald.contacts.Contacts;
import app.herald.contacts.OptOuts;
import app.herald.contacts.RecipientLists;
import app.herald.contacts.csv.ContactExporter;
import app.herald.contacts.csv.ContactImporter;
import app.herald.contacts.csv.OptOutImporter;
import app.herald.delivery.NotReached;
import app.herald.delivery.Replies;
import app.herald.delivery.ScheduledBroadcasts;
import app.herald.delivery.StatusFollower;
import app.herald.delivery.StatusSync;
import app.herald.message.DraftStore;
import app.herald.message.Templates;
import app.herald.settings.ChannelKind;
import app.herald.settings.DataFolder;
import app.herald.settings.LocalSettings;
import app.herald.settings.OwnerOnly;
import app.herald.settings.TwilioChoice;
import app.herald.storage.Backups;
import app.herald.storage.ChangeFeed;
import app.herald.storage.DataCopy;
import app.herald.storage.SharedServer;
import app.herald.storage.Storage;
import app.herald.storage.WorkLeases;
import app.herald.twilio.GatewayException;
import app.herald.twilio.TwilioConnections;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Herald's core on one data folder, built once its data is open: every service the window and
 * the command line share, each made here and nowhere else. Closing pauses a send in progress after
 * the batch on its way, stops the simulator and closes the data, in that order.
 */
public final class HeraldCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldCore.class);
    /** Long enough for a batch on its way to be answered (or time out) and journalled. */
    private static final long SENDER_STOP_SECONDS = 70;
    /** How often the window looks for other desktops' changes when no notice came. */
    private static final Duration CHANGE_POLL = Duration.ofSeconds(5);

    private final LocalSettings settings;
    private final Storage storage;
    /** The shared server the data is on; empty for this computer's file. */
    private final Optional<SharedServer> shared;
    private ChangeFeed changes;
    private final TwilioConnections twilio;
    private final ExecutorService sender = NamedExecutors.fixedPool("herald-sender", 1);
    private final RecipientLists lists;
    private final Contacts contacts;
    private final OptOuts optOuts;
    private final Audience audience;
    private final ContactImporter contactImporter;
    private final ContactExporter contactExporter;
    private final OptOutImporter optOutImporter;
    private final Templates templates;
    private final DraftStore drafts;
    private final Broadcasts history;
    private final BroadcastService broadcasts;
    private final BroadcastRecipients recipients;
    private final StatusSync statuses;
    private final Replies replies;
    private final NotReached notReached;
    private final StatusFollower statusFollower;
    private final ScheduledBroadcasts scheduled;

    private HeraldCore(LocalSettings settings, Storage storage, Optional<SharedServer> shared, TwilioChoice choice) {
        this.settings = settings;
        this.storage = storage;
        this.shared = shared;
        Jdbi jdbi = storage.jdbi();
        twilio = new TwilioConnections(choice, settings.environment());
        lists = new RecipientLists(jdbi);
        contacts = new Contacts(jdbi);
        optOuts = new OptOuts(jdbi);
        audience = new Audience(jdbi);
        contactImporter = new ContactImporter(jdbi);
        contactExporter = new ContactExporter(jdbi);
        optOutImporter = new OptOutImporter(jdbi);
        templates = new Templates(jdbi);
        drafts = new DraftStore(settings.dataFolder().draft());
        history = new Broadcasts(jdbi);
        recipients = new BroadcastRecipients(jdbi);
        broadcasts = new BroadcastService(jdbi, audience, history, twilio, settings.preferences()::price,
                settings.preferences()::messagePace, duration -> Thread.sleep(duration.toMillis()));
        scheduled = new ScheduledBroadcasts(jdbi, duration -> Thread.sleep(duration.toMillis()));
        statuses = new StatusSync(jdbi, scheduled, settings.preferences()::replyKeywords, Clock.systemUTC());
        statusFollower = new StatusFollower(statuses, twilio);
        replies = new Replies(jdbi);
        notReached = new NotReached(jdbi, lists);
    }

    /** {@link #open(LocalSettings, TwilioChoice)} with the Twilio choice the settings make now. */
    public static HeraldCore open(LocalSettings settings) {
        return open(settings, settings.twilioChoice());
    }

    /**
     * Opens the data folder (slow: file locks, migrations; never on the UI thread), then puts right
     * what a dead Herald left: a half-imported or half-deleted list and a half-planned broadcast are
     * removed, and a batch left IN_FLIGHT may have been sent, so it is marked UNCERTAIN before
     * anything can send it.
     */
    public static HeraldCore open(LocalSettings settings, TwilioChoice choice) {
        DataFolder folder = settings.dataFolder();
        Optional<SharedServer> shared = settings.sharedDatabase();
        Storage storage = shared
                .map(server -> Storage.open(folder.lockFile(), server))
                .orElseGet(() -> Storage.open(folder.lockFile(), folder.database()));
        // this desktop and its data folder: the folder's lock proves a lease of that name was left by a Herald now dead
        WorkLeases.configure(storage.jdbi(), new WorkLeases.Holder(settings.computerName() + " " + folder.path().toAbsolutePath(),
                settings.computerName()), leaseLength(settings.environment()));
        ownerOnly(folder);
        try {
            HeraldCore core = new HeraldCore(settings, storage, shared, choice);
            if (storage.isReadOnly()) {
                // a full disk: what a crash left is tidied at the next start with room to write
                return core;
            }
            int lists = core.lists.purgeHidden();
            BroadcastService.Recovery recovery = core.broadcasts.recoverInterrupted();
            if (lists > 0 || recovery.unfinishedPlansRemoved() > 0) {
                LOG.warn("Herald stopped while writing: removed {} half-written lists and {} half-planned broadcasts",
                        lists, recovery.unfinishedPlansRemoved());
            }
            if (recovery.batchesMadeUncertain() > 0 || recovery.messagesMadeUncertain() > 0) {
                LOG.warn("{} batches and {} messages were being sent when Herald stopped: they are UNCERTAIN now",
                        recovery.batchesMadeUncertain(), recovery.messagesMadeUncertain());
            }
            return core;
        } catch (RuntimeException e) {
            try {
                storage.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** How long another desktop waits for this one before it may take its work over: HERALD_LEASE_SECONDS, or a minute. */
    private static Duration leaseLength(Map<String, String> environment) {
        try {
            return Duration.ofSeconds(Math.max(2, Long.parseLong(environment.getOrDefault("HERALD_LEASE_SECONDS", "60"))));
        } catch (NumberFormatException e) {
            LOG.warn("HERALD_LEASE_SECONDS is not a number of seconds: a minute it is");
            return Duration.ofSeconds(60);
        }
    }

    /** The database files H2 has made (at the first open, or by compacting at close), owner-only too; their folder already is. */
    private static void ownerOnly(DataFolder dataFolder) {
        try {
            OwnerOnly.tighten(dataFolder);
        } catch (IOException e) {
            LOG.warn("Herald could not make its database files readable by their owner alone", e);
        }
    }

    public LocalSettings settings() {
        return settings;
    }

    public RecipientLists lists() {
        return lists;
    }

    public Contacts contacts() {
        return contacts;
    }

    public OptOuts optOuts() {
        return optOuts;
    }

    public Audience audience() {
        return audience;
    }

    public ContactImporter contactImporter() {
        return contactImporter;
    }

    public ContactExporter contactExporter() {
        return contactExporter;
    }

    public OptOutImporter optOutImporter() {
        return optOutImporter;
    }

    public Templates templates() {
        return templates;
    }

    public DraftStore drafts() {
        return drafts;
    }

    /** Every broadcast with its batches, for reading. */
    public Broadcasts history() {
        return history;
    }

    /** Each broadcast's recipients with how their message stands. */
    public BroadcastRecipients recipients() {
        return recipients;
    }

    /** Delivery statuses and replies, read from Twilio's log (herald sync). */
    public StatusSync statuses() {
        return statuses;
    }

    /** The replies read from Twilio's log, by broadcast. */
    public Replies replies() {
        return replies;
    }

    /** Those a broadcast did not reach, to save as a list or send to again. */
    public NotReached notReached() {
        return notReached;
    }

    /** Reads Twilio's log now through the connection in force (slow: never on the UI thread). */
    public StatusSync.Report checkStatuses() throws GatewayException, InterruptedException {
        return statuses.check(twilio.current());
    }

    /** Takes back a broadcast given a time, through the connection in force now (slow on a big one: never on the UI thread). */
    public ScheduledBroadcasts.Cancelled cancelScheduled(long broadcastId, LongConsumer progress) throws InterruptedException {
        return scheduled.cancel(twilio.current(), broadcastId, progress);
    }

    /** Follows statuses and replies while the window is open; the window starts it once its data is open. */
    public StatusFollower statusFollower() {
        return statusFollower;
    }

    /** Herald's rolling backups of its data. */
    public Backups backups() {
        return Backups.of(settings.dataFolder().database());
    }

    /** The shared PostgreSQL server the data is on; empty when it is in this computer's file. */
    public Optional<SharedServer> sharedServer() {
        return shared;
    }

    private boolean isShared() {
        return shared.isPresent();
    }

    /**
     * Copies this computer's data into the empty shared database {@code to} (Settings' "Move my data
     * to the shared server"); this computer's file stays as it is. Slow: not on the UI thread.
     *
     * @return how many rows were copied
     * @throws IllegalArgumentException when the data is on a shared server already, or the one named holds data
     */
    public long copyDataTo(SharedServer to, DataCopy.Progress progress) {
        if (isShared()) {
            throw new IllegalArgumentException("Herald's data is on the shared server " + shared.get().where()
                    + " already. It copies this computer's data, from a Herald that works on it.");
        }
        return DataCopy.copy(storage.jdbi(), to, progress);
    }

    /**
     * What other desktops on the shared server change, as it happens: started at the first call (the
     * window's), so a command that runs and ends never listens. On this computer's file, nothing.
     */
    public synchronized ChangeFeed changes() {
        if (changes == null) {
            changes = shared.map(server -> ChangeFeed.listening(server, CHANGE_POLL)).orElseGet(ChangeFeed::none);
        }
        return changes;
    }

    /**
     * A backup of the data now (herald backup). @return its file
     *
     * @throws IllegalArgumentException when the data is on a shared server: its backups are made there
     */
    public Path backUpNow() {
        if (isShared()) {
            throw new IllegalArgumentException("Herald's data is on the shared server " + shared.get().where()
                    + ": it is backed up there (see docs/TEAM.md), not on this computer.");
        }
        return backups().now(storage.jdbi());
    }

    /**
     * Today's backup, when there is none yet, on a thread of its own: the window calls this once its
     * data is open, so a person never has to think of backups. A backup cut short by Herald closing
     * is left unfinished and never counts.
     */
    public void backUpDailyInBackground() {
        if (isShared()) {
            return;
        }
        Thread backup = new Thread(() -> {
            try {
                backups().daily(storage.jdbi());
            } catch (RuntimeException e) {
                LOG.warn("Could not make today's backup; the next start tries again", e);
            }
        }, "herald-backup");
        backup.setDaemon(true);
        backup.start();
    }

    /**
     * Looks up, on the sender thread, the messages a dead Herald left UNCERTAIN in Twilio's log: those
     * found become ACCEPTED before a person is asked about them. The window does this at start; a
     * command that only reads (herald lists) never reaches Twilio.
     */
    public void reconcileInBackground() {
        sender.execute(() -> {
            try {
                LOG.info("Twilio's log settled {} uncertain messages as accepted", broadcasts.reconcileUncertain());
            } catch (RuntimeException e) {
                LOG.warn("Could not look up uncertain messages in Twilio's log; History still shows them uncertain", e);
            }
        });
    }

    /**
     * Sends through this channel from now on (the command line's --channel, or resuming a broadcast
     * made through another), with the credentials the environment or Settings have for it.
     *
     * @return false when that channel is not set up for the mode in force (LIVE or SIMULATION): the choice in force stays
     */
    public boolean useChannel(ChannelKind channel) {
        TwilioChoice choice = settings.twilioChoice(Optional.of(channel));
        if (choice.channel() != channel || choice.mode() != twilio.choice().mode()) {
            return false;
        }
        twilio.choose(choice);
        return true;
    }

    public BroadcastService broadcasts() {
        return broadcasts;
    }

    public TwilioConnections twilio() {
        return twilio;
    }

    /** The one thread broadcasts are sent on from the window; the command line sends on its own. */
    public ExecutorService sender() {
        return sender;
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (changes != null) {
                changes.close();
            }
        }
        statusFollower.close();
        sender.shutdownNow();
        try {
            if (!sender.awaitTermination(SENDER_STOP_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("A batch was still on its way at exit; it will be UNCERTAIN at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            twilio.close();
            storage.close();
            // closing may compact the database into a new file
            ownerOnly(settings.dataFolder());
        }
    }
}
