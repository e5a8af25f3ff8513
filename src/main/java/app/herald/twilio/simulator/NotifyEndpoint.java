package app.herald.twilio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Notify as the simulator serves it: each ToBinding an SMS binding to an E.164 address, at most
 * 10,000 of them and 1 MB, a Body of at most 1,600 characters; the Notify service, sending SMS
 * through a Messaging Service unless told otherwise. Each number's SMS is then in the Messaging
 * log, as Twilio keeps it: an ordinary message of that service, which names no notification.
 */
final class NotifyEndpoint {

    private static final int MAX_BINDINGS = 10_000;
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

    private final Path log;
    private final MessagesEndpoint messages;
    /** The newest accepted notifications, at most {@link TwilioSimulator#REMEMBERED_ADDRESSES} numbers in all. */
    private final Deque<TwilioSimulator.Accepted> accepted = new ArrayDeque<>();
    private long rememberedAddresses;
    private volatile boolean messagingService = true;

    NotifyEndpoint(Path log, MessagesEndpoint messages) {
        this.log = log;
        this.messages = messages;
    }

    void removeMessagingService() {
        messagingService = false;
    }

    List<TwilioSimulator.Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    Reply create(String serviceSid, Map<String, List<String>> form) {
        if (!TwilioSimulator.SERVICE_SID.equals(serviceSid)) {
            return Reply.error(404, 20404, "The requested resource /Services/" + serviceSid + " was not found");
        }
        String body = Answers.first(form, "Body");
        List<String> bindings = form.getOrDefault("ToBinding", List.of());
        if (body == null || body.isEmpty()) {
            return Reply.error(400, 20001, "Missing required parameter Body in the post body");
        }
        if (body.codePointCount(0, body.length()) > TwilioSimulator.MAX_BODY_CHARACTERS) {
            return Reply.error(400, 21617, "The concatenated message body exceeds the 1600 character limit");
        }
        if (bindings.isEmpty()) {
            return Reply.error(400, 21604, "A 'To' phone number is required");
        }
        if (bindings.size() > MAX_BINDINGS) {
            return Reply.error(400, 20001, "Invalid parameter ToBinding: at most 10000 bindings");
        }
        List<String> addresses = new ArrayList<>(bindings.size());
        for (String binding : bindings) {
            String address = address(binding);
            if (address == null) {
                return Reply.error(400, 20001, "Invalid parameter ToBinding: " + binding);
            }
            if (!E164.matcher(address).matches()) {
                return Reply.error(400, 21211, "Invalid 'To' Phone Number: " + address);
            }
            addresses.add(address);
        }
        return accept(serviceSid, body, addresses);
    }

    Reply fetchService(String serviceSid) {
        if (!TwilioSimulator.SERVICE_SID.equals(serviceSid)) {
            return Reply.error(404, 20404, "The requested resource /Services/" + serviceSid + " was not found");
        }
        return new Reply(200, Answers.JSON.createObjectNode()
                .put("sid", serviceSid).put("account_sid", TwilioSimulator.ACCOUNT_SID).put("friendly_name", "Herald simulator")
                .put("messaging_service_sid", messagingService ? TwilioSimulator.MESSAGING_SERVICE_SID : null)
                .put("url", "https://notify.twilio.com/v1/Services/" + serviceSid));
    }

    /** The address of an SMS binding ({"binding_type":"sms","address":…}), or null when it is not one. */
    private static String address(String binding) {
        try {
            JsonNode node = Answers.JSON.readTree(binding);
            return node != null && "sms".equals(node.path("binding_type").asText()) && node.path("address").isTextual()
                    ? node.path("address").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Reply accept(String serviceSid, String body, List<String> addresses) {
        String sid = TwilioSimulator.newSid("NT");
        remember(new TwilioSimulator.Accepted(sid, body, List.copyOf(addresses)));
        if (messagingService) {
            addresses.forEach(address -> messages.deliverForNotify(address, body));
        }
        if (log != null) {
            ObjectNode line = Answers.JSON.createObjectNode().put("sid", sid).put("at", Instant.now().toString());
            addresses.forEach(line.putArray("addresses")::add);
            synchronized (this) {
                try {
                    Files.writeString(log, Answers.JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ObjectNode answer = Answers.JSON.createObjectNode()
                .put("sid", sid).put("account_sid", TwilioSimulator.ACCOUNT_SID).put("service_sid", serviceSid)
                .put("date_created", Instant.now().toString()).put("priority", "high").put("ttl", 2_419_200)
                .put("body", body);
        answer.putArray("identities");
        answer.putArray("tags");
        answer.putArray("segments");
        return new Reply(201, answer);
    }

    private void remember(TwilioSimulator.Accepted notification) {
        synchronized (accepted) {
            accepted.addLast(notification);
            rememberedAddresses += notification.addresses().size();
            while (rememberedAddresses > TwilioSimulator.REMEMBERED_ADDRESSES && accepted.size() > 1) {
                rememberedAddresses -= accepted.removeFirst().addresses().size();
            }
        }
    }
}
