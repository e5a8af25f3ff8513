package app.herald.twilio.simulator;

import app.herald.settings.TwilioCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Notify endpoint on localhost that validates and answers as Twilio does (Basic auth, each
 * ToBinding an SMS binding to an E.164 address, at most 10,000 of them and 1 MB, a Body of at most
 * 1,600 characters; Twilio's JSON shapes and error bodies), so the real SDK path runs without
 * Twilio. It can be told to be slow or to fail, counts every request, and records what it accepted.
 */
public final class NotifySimulator implements AutoCloseable {

    /** The credentials of the embedded simulator: not secrets, nothing leaves the computer. */
    public static final String ACCOUNT_SID = "AC" + "5" + "0".repeat(31);
    public static final String AUTH_TOKEN = "simulator";
    public static final String SERVICE_SID = "IS" + "5" + "0".repeat(31);
    public static final String MESSAGING_SERVICE_SID = "MG" + "5" + "0".repeat(31);
    /** What Herald (or a test) sends with to reach this simulator. */
    public static final TwilioCredentials CREDENTIALS = new TwilioCredentials(ACCOUNT_SID, ACCOUNT_SID, AUTH_TOKEN,
            SERVICE_SID);

    private static final int MAX_BINDINGS = 10_000;
    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    private static final int MAX_BODY_CHARACTERS = 1_600;
    private static final Pattern NOTIFICATIONS = Pattern.compile("/v1/Services/([^/]+)/Notifications");
    private static final Pattern SERVICE = Pattern.compile("/v1/Services/([^/]+)");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How many numbers of accepted notifications are kept for {@link #accepted()}: enough for every
     * test, and a bound on the memory of an embedded simulator that sends to millions (about 15 MB).
     */
    static final int REMEMBERED_ADDRESSES = 200_000;

    /** A notification the simulator accepted: its SID, its body, the numbers it was for. */
    public record Accepted(String sid, String body, List<String> addresses) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "herald-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final String expectedAuthorization;
    private final Path log;
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger notificationRequests = new AtomicInteger();
    /** The newest accepted notifications, at most {@link #REMEMBERED_ADDRESSES} numbers in all. */
    private final Deque<Accepted> accepted = new ArrayDeque<>();
    private long rememberedAddresses;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean messagingService = true;

    private NotifySimulator(HttpServer server, Path log, String authToken) {
        this.server = server;
        this.log = log;
        this.expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (ACCOUNT_SID + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts on localhost.
     *
     * @param port 0 for any free port
     * @param log  a file that gets one JSON line per accepted notification, or null
     */
    public static NotifySimulator start(int port, Path log) throws IOException {
        return start(port, log, AUTH_TOKEN);
    }

    /** As {@link #start(int, Path)}, expecting another auth token (a test that looks for it where it must never be). */
    public static NotifySimulator start(int port, Path log, String authToken) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        NotifySimulator simulator = new NotifySimulator(server, log, authToken);
        server.createContext("/v1/Services", simulator::handle);
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

    /** Answers as a Notify service set up without a Messaging Service, which cannot send SMS. */
    public void removeMessagingService() {
        messagingService = false;
    }

    /** The next {@code count} notification requests get this fault instead of an answer. */
    public void failNext(Fault fault, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(fault);
        }
    }

    /** How many notification requests arrived, answered or not. */
    public int notificationRequests() {
        return notificationRequests.get();
    }

    /** The newest notifications accepted, oldest first, up to {@link #REMEMBERED_ADDRESSES} numbers; the log has them all. */
    public List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    private void remember(Accepted notification) {
        synchronized (accepted) {
            accepted.addLast(notification);
            rememberedAddresses += notification.addresses().size();
            while (rememberedAddresses > REMEMBERED_ADDRESSES && accepted.size() > 1) {
                rememberedAddresses -= accepted.removeFirst().addresses().size();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher notifications = NOTIFICATIONS.matcher(path);
            Matcher service = SERVICE.matcher(path);
            boolean post = exchange.getRequestMethod().equals("POST");
            if (post && notifications.matches()) {
                notificationRequests.incrementAndGet();
                // read all of it first, as a server does: answering early breaks the pipe under a client still writing
                byte[] request = exchange.getRequestBody().readNBytes(MAX_REQUEST_BYTES + 1);
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                pause(latency);
                Fault fault = faults.poll();
                if (fault != null && !answerWith(fault, exchange)) {
                    return;
                }
                if (fault == null) {
                    createNotification(exchange, notifications.group(1), request);
                }
            } else if (!post && service.matches()) {
                fetchService(exchange, service.group(1));
            } else {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
            }
        }
    }

    /** @return false when the fault means no answer at all */
    private boolean answerWith(Fault fault, HttpExchange exchange) throws IOException {
        switch (fault) {
            case RATE_LIMIT -> {
                exchange.getResponseHeaders().add("Retry-After", "1");
                error(exchange, 429, 20429, "Too Many Requests");
            }
            case SERVER_ERROR -> error(exchange, 500, 20500, "Internal Server Error");
            case UNAVAILABLE -> error(exchange, 503, 20503, "Service Unavailable");
            case HANG -> {
                pause(Duration.ofMinutes(5));
                return false;
            }
            case DROP -> {
                return false;
            }
        }
        return true;
    }

    private void createNotification(HttpExchange exchange, String serviceSid, byte[] request) throws IOException {
        if (!authorized(exchange, serviceSid)) {
            return;
        }
        if (request.length > MAX_REQUEST_BYTES) {
            error(exchange, 413, 20001, "Request entity too large: at most 1 MB");
            return;
        }
        Map<String, List<String>> form = form(new String(request, StandardCharsets.UTF_8));
        String body = form.getOrDefault("Body", List.of()).stream().findFirst().orElse(null);
        List<String> bindings = form.getOrDefault("ToBinding", List.of());
        if (body == null || body.isEmpty()) {
            error(exchange, 400, 20001, "Missing required parameter Body in the post body");
        } else if (body.codePointCount(0, body.length()) > MAX_BODY_CHARACTERS) {
            error(exchange, 400, 21617, "The concatenated message body exceeds the 1600 character limit");
        } else if (bindings.isEmpty()) {
            error(exchange, 400, 21604, "A 'To' phone number is required");
        } else if (bindings.size() > MAX_BINDINGS) {
            error(exchange, 400, 20001, "Invalid parameter ToBinding: at most 10000 bindings");
        } else {
            List<String> addresses = new ArrayList<>(bindings.size());
            for (String binding : bindings) {
                String address = address(binding);
                if (address == null) {
                    error(exchange, 400, 20001, "Invalid parameter ToBinding: " + binding);
                    return;
                }
                if (!E164.matcher(address).matches()) {
                    error(exchange, 400, 21211, "Invalid 'To' Phone Number: " + address);
                    return;
                }
                addresses.add(address);
            }
            accept(exchange, serviceSid, body, addresses);
        }
    }

    /** The address of an SMS binding ({"binding_type":"sms","address":…}), or null when it is not one. */
    private static String address(String binding) {
        try {
            JsonNode node = JSON.readTree(binding);
            return node != null && "sms".equals(node.path("binding_type").asText()) && node.path("address").isTextual()
                    ? node.path("address").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void accept(HttpExchange exchange, String serviceSid, String body, List<String> addresses) throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String sid = "NT" + HexFormat.of().formatHex(random);
        Accepted notification = new Accepted(sid, body, List.copyOf(addresses));
        remember(notification);
        if (log != null) {
            ObjectNode line = JSON.createObjectNode().put("sid", sid).put("at", Instant.now().toString());
            addresses.forEach(line.putArray("addresses")::add);
            synchronized (this) {
                Files.writeString(log, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        ObjectNode answer = JSON.createObjectNode()
                .put("sid", sid).put("account_sid", ACCOUNT_SID).put("service_sid", serviceSid)
                .put("date_created", Instant.now().toString()).put("priority", "high").put("ttl", 2_419_200)
                .put("body", body);
        answer.putArray("identities");
        answer.putArray("tags");
        answer.putArray("segments");
        send(exchange, 201, answer);
    }

    private void fetchService(HttpExchange exchange, String serviceSid) throws IOException {
        if (!authorized(exchange, serviceSid)) {
            return;
        }
        send(exchange, 200, JSON.createObjectNode()
                .put("sid", serviceSid).put("account_sid", ACCOUNT_SID).put("friendly_name", "Herald simulator")
                .put("messaging_service_sid", messagingService ? MESSAGING_SERVICE_SID : null)
                .put("url", "https://notify.twilio.com/v1/Services/" + serviceSid));
    }

    /** Checks the credentials, then the service; answers 401 or 404 as Twilio does when one is wrong. */
    private boolean authorized(HttpExchange exchange, String serviceSid) throws IOException {
        if (!expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            error(exchange, 401, 20003, "Authenticate");
            return false;
        }
        if (!SERVICE_SID.equals(serviceSid)) {
            error(exchange, 404, 20404, "The requested resource /Services/" + serviceSid + " was not found");
            return false;
        }
        return true;
    }

    private static Map<String, List<String>> form(String encoded) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        send(exchange, status, JSON.createObjectNode().put("code", code).put("message", message)
                .put("more_info", "https://www.twilio.com/docs/errors/" + code).put("status", status));
    }

    private static void send(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
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
