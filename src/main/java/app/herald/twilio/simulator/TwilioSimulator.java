package app.herald.twilio.simulator;

import app.herald.settings.TwilioCredentials;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Twilio endpoint on localhost that validates and answers as Twilio does, so the real SDK path
 * runs without Twilio: Notify ({@link NotifyEndpoint}) and Programmable Messaging with its
 * Messaging Service ({@link MessagesEndpoint}), behind Basic auth, in Twilio's JSON shapes and
 * error bodies. It can be told to be slow or to fail, refuses more message creates at once than
 * its concurrency limit (429, 20429, as Twilio does), counts every request that sends, and
 * records what it accepted.
 */
public final class TwilioSimulator implements AutoCloseable {

    /** The credentials of the embedded simulator: not secrets, nothing leaves the computer. */
    public static final String ACCOUNT_SID = "AC" + "5" + "0".repeat(31);
    public static final String AUTH_TOKEN = "simulator";
    public static final String SERVICE_SID = "IS" + "5" + "0".repeat(31);
    public static final String MESSAGING_SERVICE_SID = "MG" + "5" + "0".repeat(31);
    /** What Herald (or a test) sends with to reach this simulator's Notify service. */
    public static final TwilioCredentials CREDENTIALS = new TwilioCredentials(ACCOUNT_SID, ACCOUNT_SID, AUTH_TOKEN,
            SERVICE_SID);
    /** What Herald (or a test) sends with to reach this simulator's Messaging Service. */
    public static final TwilioCredentials MESSAGING_CREDENTIALS = new TwilioCredentials(ACCOUNT_SID, ACCOUNT_SID, AUTH_TOKEN,
            MESSAGING_SERVICE_SID);

    static final int MAX_BODY_CHARACTERS = 1_600;
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** What {@link Fault#HUGE_ANSWER} would send a client that read it all. */
    private static final long HUGE_ANSWER_BYTES = 1_500L << 20;

    /** Twilio's default concurrency for message creates is higher; a small one here shows Herald's answer to 20429 sooner. */
    private static final int DEFAULT_CONCURRENCY_LIMIT = 16;
    private static final Pattern NOTIFICATIONS = Pattern.compile("/v1/Services/(IS[^/]+)/Notifications");
    private static final Pattern SERVICE = Pattern.compile("/v1/Services/([^/]+)");
    private static final Pattern PHONE_NUMBERS = Pattern.compile("/v1/Services/([^/]+)/PhoneNumbers");
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern MESSAGE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How many numbers of accepted notifications, and how many messages, are kept: enough for every
     * test, and a bound on the memory of an embedded simulator that sends to millions.
     */
    static final int REMEMBERED_ADDRESSES = 200_000;

    /** A notification the simulator accepted: its SID, its body, the numbers it was for. */
    public record Accepted(String sid, String body, List<String> addresses) {
    }

    /**
     * A message the simulator holds: its SID, number, body, status now ({@code queued}, {@code sent},
     * {@code delivered}, {@code scheduled}, {@code canceled}, …) with Twilio's error code when it did not arrive.
     */
    public record Message(String sid, String to, String from, String body, String status, Integer errorCode, Instant createdAt,
            Instant sendAt) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "herald-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final String expectedAuthorization;
    private final NotifyEndpoint notify;
    private final MessagesEndpoint messages = new MessagesEndpoint();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger notificationRequests = new AtomicInteger();
    private final AtomicInteger messageRequests = new AtomicInteger();
    private final AtomicInteger logReads = new AtomicInteger();
    private final AtomicInteger rateLimitedReads = new AtomicInteger();
    private final AtomicInteger messageCreatesInProgress = new AtomicInteger();
    private volatile int concurrencyLimit = DEFAULT_CONCURRENCY_LIMIT;
    private volatile Duration latency = Duration.ZERO;

    private TwilioSimulator(HttpServer server, Path log, String authToken) {
        this.server = server;
        this.notify = new NotifyEndpoint(log, messages);
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (ACCOUNT_SID + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts on localhost.
     *
     * @param port 0 for any free port
     * @param log  a file that gets one JSON line per accepted notification, or null
     */
    public static TwilioSimulator start(int port, Path log) throws IOException {
        return start(port, log, AUTH_TOKEN);
    }

    /** As {@link #start(int, Path)}, expecting another auth token (a test that looks for it where it must never be). */
    public static TwilioSimulator start(int port, Path log, String authToken) throws IOException {
        // the JDK's server writes an answer's headers and body apart; with Nagle's algorithm on, each
        // answer then waits for the client's delayed ACK (40 ms): 25 messages a second, where Twilio takes hundreds
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        TwilioSimulator simulator = new TwilioSimulator(server, log, authToken);
        server.createContext("/", simulator::handle);
        server.setExecutor(simulator.threads);
        server.start();
        return simulator;
    }

    /** The base URL that takes Twilio's place: http://localhost:PORT (a name, not 127.0.0.1: the SDK reads dots as regions). */
    public URI baseUrl() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public void setLatency(Duration newLatency) {
        latency = newLatency;
    }

    /** More message creates than this at once are answered 429 with Twilio's 20429. */
    public void setConcurrencyLimit(int limit) {
        concurrencyLimit = limit;
    }

    /** Answers as a Notify service set up without a Messaging Service, which cannot send SMS. */
    public void removeMessagingService() {
        notify.removeMessagingService();
    }

    /** Answers as a Messaging Service with this inbound URL (null: one that does not log replies). */
    public void setInboundRequestUrl(String url) {
        messages.setInboundRequestUrl(url);
    }

    /**
     * How long a message stays queued, and how long until its final status: a few seconds by
     * default, so a person sees statuses move; a test makes them instant.
     */
    public void setDeliveryTimes(Duration queued, Duration untilFinal) {
        messages.setDeliveryTimes(queued, untilFinal);
    }

    /** A person at {@code from} texts {@code body} to the sender {@code to} now. */
    public void receive(String from, String to, String body) {
        messages.receive(from, to, body);
    }

    /** The Messaging Service's senders, which replies come to. */
    public List<String> senders() {
        return messages.senders();
    }

    /** Message creates to this number are refused with this Twilio error (21610: the person replied STOP). */
    public void refuse(String e164, int code) {
        messages.refuse(e164, code);
    }

    /** The next {@code count} requests that send (a notification or a message) get this fault instead of an answer. */
    public void failNext(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /** The next {@code count} reads of the message log are answered 429 (Twilio's 20429, Retry-After 1 s). */
    public void rateLimitNextReads(int count) {
        rateLimitedReads.addAndGet(count);
    }

    /** How many notification requests arrived, answered or not. */
    public int notificationRequests() {
        return notificationRequests.get();
    }

    /** How many message creates arrived, answered or not. */
    public int messageRequests() {
        return messageRequests.get();
    }

    /** How many reads of the message log arrived (lists, fetches, a service's senders). */
    public int logReads() {
        return logReads.get();
    }

    /** The newest notifications accepted, oldest first, up to {@link #REMEMBERED_ADDRESSES} numbers; the log has them all. */
    public List<Accepted> accepted() {
        return notify.accepted();
    }

    /** The newest messages sent (created, or delivered for Notify), oldest first, up to {@link #REMEMBERED_ADDRESSES} of them. */
    public List<Message> messages() {
        return messages.now(false);
    }

    /** The replies received so far, oldest first. */
    public List<Message> replies() {
        return messages.now(true);
    }

    static String newSid(String prefix) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return prefix + HexFormat.of().formatHex(random);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // read all of it first, as a server does: answering early breaks the pipe under a client still writing
            byte[] request = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                Answers.error(exchange, 401, 20003, "Authenticate");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            boolean post = exchange.getRequestMethod().equals("POST");
            Map<String, List<String>> form = Answers.form(new String(request, StandardCharsets.UTF_8));
            Map<String, List<String>> query = Answers.form(exchange.getRequestURI().getRawQuery());
            Matcher notifications = NOTIFICATIONS.matcher(path);
            Matcher service = SERVICE.matcher(path);
            Matcher phoneNumbers = PHONE_NUMBERS.matcher(path);
            Matcher messageList = MESSAGES.matcher(path);
            Matcher message = MESSAGE.matcher(path);
            if (post && notifications.matches()) {
                notificationRequests.incrementAndGet();
                sending(exchange, () -> request.length > MAX_REQUEST_BYTES
                        ? Reply.error(413, 20001, "Request entity too large: at most 1 MB")
                        : notify.create(notifications.group(1), form));
            } else if (messageList.matches() || message.matches()) {
                String account = messageList.matches() ? messageList.group(1) : message.group(1);
                if (!ACCOUNT_SID.equals(account)) {
                    Answers.error(exchange, 401, 20003, "Authenticate");
                } else if (post && messageList.matches()) {
                    createMessage(exchange, form);
                } else if (post) {
                    // a cancel changes what Twilio holds: it can fail as a send can
                    sending(exchange, () -> messages.update(message.group(2), form));
                } else if (!rateLimited(exchange)) {
                    answer(exchange, messageList.matches() ? messages.list(query) : messages.fetch(message.group(2)));
                }
            } else if (!post && phoneNumbers.matches()) {
                logReads.incrementAndGet();
                answer(exchange, messages.phoneNumbers(phoneNumbers.group(1)));
            } else if (!post && service.matches()) {
                String sid = service.group(1);
                answer(exchange, sid.startsWith("MG") ? messages.fetchService(sid) : notify.fetchService(sid));
            } else {
                Answers.error(exchange, 404, 20404, "The requested resource " + path + " was not found");
            }
        }
    }

    /** Counts a read of the log, and answers it 429 instead when told to. @return whether it was refused */
    private boolean rateLimited(HttpExchange exchange) throws IOException {
        logReads.incrementAndGet();
        if (rateLimitedReads.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
            return false;
        }
        exchange.getResponseHeaders().add("Retry-After", "1");
        Answers.error(exchange, 429, 20429, "Too Many Requests");
        return true;
    }

    private void createMessage(HttpExchange exchange, Map<String, List<String>> form) throws IOException {
        messageRequests.incrementAndGet();
        try {
            if (messageCreatesInProgress.incrementAndGet() > concurrencyLimit) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                Answers.error(exchange, 429, 20429, "Too Many Requests");
                return;
            }
            sending(exchange, () -> messages.create(form));
        } finally {
            messageCreatesInProgress.decrementAndGet();
        }
    }

    /** A request that sends: after the latency, the next fault (if any) takes the place of the answer. */
    private void sending(HttpExchange exchange, Supplier<Reply> work) throws IOException {
        pause(latency);
        Fault fault = faults.poll();
        if (fault == null) {
            answer(exchange, work.get());
            return;
        }
        switch (fault) {
            case RATE_LIMIT -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                Answers.error(exchange, 429, 20429, "Too Many Requests");
            }
            case SERVER_ERROR -> Answers.error(exchange, 500, 20500, "Internal Server Error");
            case UNAVAILABLE -> Answers.error(exchange, 503, 20503, "Service Unavailable");
            case HANG -> pause(Duration.ofMinutes(5));
            case DROP -> {
                // closed without an answer, nothing done
            }
            case LOST_ANSWER -> work.get();
            case NO_CONTENT -> {
                work.get();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
            case EMPTY_CREATED -> {
                work.get();
                Answers.send(exchange, 201, Answers.JSON.createObjectNode());
            }
            case HUGE_ANSWER -> {
                work.get();
                Answers.huge(exchange, HUGE_ANSWER_BYTES);
            }
            case HTML_RATE_LIMIT -> Answers.html(exchange, 429, "<html><body><h1>429 Too Many Requests</h1></body></html>");
            case HTML_UNAUTHORIZED -> Answers.html(exchange, 401, "<html><body><h1>401 Authorization Required</h1></body></html>");
        }
    }

    private static void answer(HttpExchange exchange, Reply reply) throws IOException {
        Answers.send(exchange, reply.status(), reply.body());
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
