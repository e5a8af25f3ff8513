package app.herald.twilio.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Programmable Messaging as the simulator serves it, after Twilio's OpenAPI description
 * ({@code twilio_api_v2010_messages.json}, {@code twilio_messaging_v1_services.json}): create a
 * Message (To in E.164, a Messaging Service of this account, Body of 1 to 1,600 characters, the
 * SendAt rules of scheduling), fetch one, list them newest first with the To, From and DateSent
 * filters and pages of at most 1,000, cancel a scheduled one; the Messaging Service and its
 * senders. A message is queued and not sent yet (no {@code date_sent}), as a real one is at first.
 */
final class MessagesEndpoint {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final Duration EARLIEST_SCHEDULE = Duration.ofMinutes(15);
    private static final Duration LATEST_SCHEDULE = Duration.ofDays(35);
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1_000;

    /** A message the simulator holds, as its log shows it. */
    record Held(String sid, String to, String from, String serviceSid, String body, String status, Instant createdAt,
            Instant sendAt) {

        Held canceled() {
            return new Held(sid, to, from, serviceSid, body, "canceled", createdAt, sendAt);
        }
    }

    private final Map<String, Held> messages = new LinkedHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final List<String> senders = List.of("+14155550101", "+14155550102");
    private final AtomicLong nextSender = new AtomicLong();
    private volatile String inboundRequestUrl = "https://herald.invalid/simulated-replies";
    /** The last body seen, so a million messages of one broadcast hold one copy of it. */
    private volatile String lastBody = "";

    /** Creates with this number are refused with this Twilio code (21610: the person replied STOP). */
    void refuse(String e164, int code) {
        refusals.put(e164, code);
    }

    void setInboundRequestUrl(String url) {
        inboundRequestUrl = url;
    }

    /** The messages held, oldest first. */
    List<Held> held() {
        synchronized (messages) {
            return List.copyOf(messages.values());
        }
    }

    Reply create(Map<String, List<String>> form) {
        String to = Answers.first(form, "To");
        String service = Answers.first(form, "MessagingServiceSid");
        String body = Answers.first(form, "Body");
        if (to == null || to.isBlank()) {
            return Reply.error(400, 21604, "A 'To' phone number is required.");
        }
        if (service == null && Answers.first(form, "From") == null) {
            return Reply.error(400, 21603, "A 'From' phone number is required.");
        }
        if (service == null) {
            return Reply.error(400, 21606, "The 'From' phone number provided is not a valid message-capable Twilio phone number.");
        }
        if (!TwilioSimulator.MESSAGING_SERVICE_SID.equals(service)) {
            return Reply.error(400, 21701, "The Messaging Service Sid " + service + " is invalid.");
        }
        if (body == null || body.isEmpty()) {
            return Reply.error(400, 21602, "Message body is required.");
        }
        if (body.codePointCount(0, body.length()) > TwilioSimulator.MAX_BODY_CHARACTERS) {
            return Reply.error(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        if (!E164.matcher(to).matches()) {
            return Reply.error(400, 21211, "Invalid 'To' Phone Number: " + to);
        }
        Integer refusal = refusals.get(to);
        if (refusal != null) {
            return Reply.error(400, refusal, refusal == 21610 ? "Attempt to send to unsubscribed recipient"
                    : "Twilio refused to send to " + to);
        }
        Instant now = Instant.now();
        Instant sendAt = null;
        String scheduleType = Answers.first(form, "ScheduleType");
        String sendAtText = Answers.first(form, "SendAt");
        if (scheduleType != null || sendAtText != null) {
            if (!"fixed".equals(scheduleType) || sendAtText == null) {
                return Reply.error(400, 35111, "ScheduleType must be 'fixed' and SendAt must be given to schedule a message.");
            }
            try {
                sendAt = instant(sendAtText);
            } catch (DateTimeParseException e) {
                return Reply.error(400, 35111, "SendAt is not an ISO-8601 date and time: " + sendAtText);
            }
            Duration ahead = Duration.between(now, sendAt);
            if (ahead.compareTo(EARLIEST_SCHEDULE) < 0 || ahead.compareTo(LATEST_SCHEDULE) > 0) {
                return Reply.error(400, 35114, "SendAt must be between 15 minutes and 35 days in the future.");
            }
        }
        String from = senders.get((int) (nextSender.getAndIncrement() % senders.size()));
        Held message = new Held(TwilioSimulator.newSid("SM"), to, from, service, shared(body),
                sendAt == null ? "queued" : "scheduled", now, sendAt);
        hold(message);
        // Twilio answers a create through a Messaging Service before it has chosen the sender
        ObjectNode answer = json(message);
        answer.putNull("from");
        answer.put("status", sendAt == null ? "accepted" : "scheduled");
        return new Reply(201, answer);
    }

    Reply fetch(String sid) {
        Held message;
        synchronized (messages) {
            message = messages.get(sid);
        }
        return message == null ? notFound(sid) : new Reply(200, json(message));
    }

    /** Only {@code Status=canceled} of a scheduled message: Twilio's 30409 for one it is too late for. */
    Reply update(String sid, Map<String, List<String>> form) {
        if (!"canceled".equals(Answers.first(form, "Status"))) {
            return Reply.error(400, 20001, "Only Status=canceled can be set on a message");
        }
        synchronized (messages) {
            Held message = messages.get(sid);
            if (message == null) {
                return notFound(sid);
            }
            if (!"scheduled".equals(message.status())) {
                return Reply.error(400, 30409, "Message cannot be canceled: it is " + message.status() + ", not scheduled.");
            }
            Held canceled = message.canceled();
            messages.put(sid, canceled);
            return new Reply(200, json(canceled));
        }
    }

    /** Newest first, filtered; a page of PageSize (at most 1,000), the next page's URI when there is more. */
    Reply list(Map<String, List<String>> query) {
        int pageSize;
        int page;
        try {
            pageSize = Integer.parseInt(valueOr(query, "PageSize", Integer.toString(DEFAULT_PAGE_SIZE)));
            page = Integer.parseInt(valueOr(query, "Page", "0"));
        } catch (NumberFormatException e) {
            return Reply.error(400, 20001, "PageSize and Page must be numbers");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || page < 0) {
            return Reply.error(400, 20001, "PageSize must be 1 to 1000");
        }
        Predicate<Held> filter;
        try {
            filter = filter(query);
        } catch (DateTimeParseException e) {
            return Reply.error(400, 20001, "DateSent is not a date: " + e.getParsedString());
        }
        List<Held> newestFirst = new ArrayList<>(held());
        Collections.reverse(newestFirst);
        long skip = (long) page * pageSize;
        List<Held> onPage = new ArrayList<>();
        boolean more = false;
        for (Held message : newestFirst) {
            if (!filter.test(message)) {
                continue;
            }
            if (skip > 0) {
                skip--;
            } else if (onPage.size() < pageSize) {
                onPage.add(message);
            } else {
                more = true;
                break;
            }
        }
        ObjectNode answer = Answers.JSON.createObjectNode();
        ArrayNode items = answer.putArray("messages");
        onPage.forEach(message -> items.add(json(message)));
        answer.put("page", page).put("page_size", pageSize).put("start", (long) page * pageSize)
                .put("end", (long) page * pageSize + Math.max(0, onPage.size() - 1))
                .put("uri", pageUri(query, pageSize, page)).put("first_page_uri", pageUri(query, pageSize, 0));
        if (more) {
            answer.put("next_page_uri", pageUri(query, pageSize, page + 1));
        } else {
            answer.putNull("next_page_uri");
        }
        if (page > 0) {
            answer.put("previous_page_uri", pageUri(query, pageSize, page - 1));
        } else {
            answer.putNull("previous_page_uri");
        }
        return new Reply(200, answer);
    }

    Reply fetchService(String serviceSid) {
        if (!TwilioSimulator.MESSAGING_SERVICE_SID.equals(serviceSid)) {
            return Reply.error(404, 20404, "The requested resource /Services/" + serviceSid + " was not found");
        }
        String url = "https://messaging.twilio.com/v1/Services/" + serviceSid;
        ObjectNode service = Answers.JSON.createObjectNode()
                .put("sid", serviceSid).put("account_sid", TwilioSimulator.ACCOUNT_SID).put("friendly_name", "Herald simulator")
                .put("date_created", "2026-01-05T09:00:00Z").put("date_updated", "2026-01-05T09:00:00Z")
                .put("inbound_request_url", inboundRequestUrl).put("inbound_method", "POST")
                .put("sticky_sender", true).put("mms_converter", true).put("smart_encoding", true)
                .put("fallback_to_long_code", false).put("area_code_geomatch", true).put("synchronous_validation", true)
                .put("validity_period", 14_400).put("usecase", "notifications").put("us_app_to_person_registered", true)
                .put("use_inbound_webhook_on_number", false).put("url", url);
        service.putObject("links").put("phone_numbers", url + "/PhoneNumbers");
        return new Reply(200, service);
    }

    Reply phoneNumbers(String serviceSid) {
        if (!TwilioSimulator.MESSAGING_SERVICE_SID.equals(serviceSid)) {
            return Reply.error(404, 20404, "The requested resource /Services/" + serviceSid + "/PhoneNumbers was not found");
        }
        String url = "https://messaging.twilio.com/v1/Services/" + serviceSid + "/PhoneNumbers";
        ObjectNode answer = Answers.JSON.createObjectNode();
        ArrayNode numbers = answer.putArray("phone_numbers");
        for (int i = 0; i < senders.size(); i++) {
            String sid = "PN" + String.format("%032x", i + 1);
            ObjectNode number = numbers.addObject().put("sid", sid).put("account_sid", TwilioSimulator.ACCOUNT_SID)
                    .put("service_sid", serviceSid).put("date_created", "2026-01-05T09:00:00Z")
                    .put("date_updated", "2026-01-05T09:00:00Z").put("phone_number", senders.get(i)).put("country_code", "US")
                    .put("url", url + "/" + sid);
            number.putArray("capabilities").add("SMS");
        }
        answer.putObject("meta").put("page", 0).put("page_size", 50).put("first_page_url", url + "?PageSize=50&Page=0")
                .putNull("previous_page_url").putNull("next_page_url").put("key", "phone_numbers")
                .put("url", url + "?PageSize=50&Page=0");
        return new Reply(200, answer);
    }

    private void hold(Held message) {
        synchronized (messages) {
            messages.put(message.sid(), message);
            if (messages.size() > TwilioSimulator.REMEMBERED_ADDRESSES) {
                Iterator<String> oldest = messages.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
    }

    private String shared(String body) {
        String last = lastBody;
        if (last.equals(body)) {
            return last;
        }
        lastBody = body;
        return body;
    }

    private static Predicate<Held> filter(Map<String, List<String>> query) {
        String to = Answers.first(query, "To");
        String from = Answers.first(query, "From");
        String on = Answers.first(query, "DateSent");
        String before = Answers.first(query, "DateSent<");
        String after = Answers.first(query, "DateSent>");
        LocalDate day = on == null ? null : date(on);
        LocalDate last = before == null ? null : date(before);
        LocalDate first = after == null ? null : date(after);
        // a message not sent yet has no date_sent, so no DateSent filter finds it
        return message -> (to == null || to.equals(message.to())) && (from == null || from.equals(message.from()))
                && (day == null && last == null && first == null);
    }

    /**
     * A time as Twilio reads SendAt: ISO-8601, in UTC when it names no zone. The SDK writes a
     * ZonedDateTime without its zone, which is why Herald converts to UTC before it schedules.
     */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static LocalDate date(String text) {
        return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
    }

    private static String valueOr(Map<String, List<String>> query, String key, String otherwise) {
        String value = Answers.first(query, key);
        return value == null ? otherwise : value;
    }

    private static String pageUri(Map<String, List<String>> query, int pageSize, int page) {
        StringBuilder uri = new StringBuilder("/2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID + "/Messages.json?");
        for (String key : List.of("To", "From", "DateSent", "DateSent<", "DateSent>")) {
            String value = Answers.first(query, key);
            if (value != null) {
                uri.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return uri.append("PageSize=").append(pageSize).append("&Page=").append(page).toString();
    }

    private static Reply notFound(String sid) {
        return Reply.error(404, 20404, "The requested resource /2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID
                + "/Messages/" + sid + ".json was not found");
    }

    private static ObjectNode json(Held message) {
        String uri = "/2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID + "/Messages/" + message.sid();
        ObjectNode json = Answers.JSON.createObjectNode()
                .put("account_sid", TwilioSimulator.ACCOUNT_SID).put("api_version", "2010-04-01").put("body", message.body())
                .put("date_created", RFC_2822.format(message.createdAt())).putNull("date_sent")
                .put("date_updated", RFC_2822.format(message.createdAt())).put("direction", "outbound-api")
                .putNull("error_code").putNull("error_message").put("from", message.from())
                .put("messaging_service_sid", message.serviceSid()).put("num_media", "0").put("num_segments", "1")
                .putNull("price").put("price_unit", "USD").put("sid", message.sid()).put("status", message.status())
                .put("to", message.to()).put("uri", uri + ".json");
        json.putObject("subresource_uris").put("media", uri + "/Media.json");
        return json;
    }
}
