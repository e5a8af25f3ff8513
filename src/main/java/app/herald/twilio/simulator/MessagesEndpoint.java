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
import java.util.Set;
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
 * senders. A message is queued and not sent yet (no {@code date_sent}), as a real one is at first,
 * then sent and final as {@link DeliveryTimeline} says; the replies it foresees arrive as inbound
 * messages to the sender, and a test can add its own ({@link #receive}). Notify's deliveries are
 * held here too, as Twilio logs them: ordinary messages of its Messaging Service.
 */
final class MessagesEndpoint {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final Duration EARLIEST_SCHEDULE = Duration.ofMinutes(15);
    private static final Duration LATEST_SCHEDULE = Duration.ofDays(35);
    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1_000;

    /**
     * A message the simulator holds. An outbound one's status moves with time ({@link DeliveryTimeline});
     * {@code fixedStatus} is one that does not: scheduled, canceled, received.
     */
    record Held(String sid, String to, String from, String serviceSid, String body, boolean inbound, String fixedStatus,
            Instant createdAt, Instant sendAt) {

        Held canceled() {
            return new Held(sid, to, from, serviceSid, body, inbound, "canceled", createdAt, sendAt);
        }

        /** As Twilio shows it now. */
        DeliveryTimeline.Status status(DeliveryTimeline deliveries, Instant now) {
            if (inbound) {
                return new DeliveryTimeline.Status("received", createdAt, createdAt, null, null);
            }
            if (fixedStatus != null && !("scheduled".equals(fixedStatus) && !now.isBefore(sendAt))) {
                return new DeliveryTimeline.Status(fixedStatus, null, createdAt, null, null);
            }
            return deliveries.outbound(to, sendAt == null ? createdAt : sendAt, now);
        }
    }

    private final Map<String, Held> messages = new LinkedHashMap<>();
    private final DeliveryTimeline deliveries = new DeliveryTimeline();
    /** The numbers that would reply and have had their message, so they reply once: a few in a hundred, not a million. */
    private final Set<String> reached = ConcurrentHashMap.newKeySet();
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

    void setDeliveryTimes(Duration queued, Duration untilFinal) {
        deliveries.setTimes(queued, untilFinal);
    }

    /** An inbound message from a person to one of the service's senders, received now. */
    void receive(String from, String to, String body) {
        hold(new Held(TwilioSimulator.newSid("SM"), to, from, TwilioSimulator.MESSAGING_SERVICE_SID, body, true, null,
                Instant.now(), null));
    }

    /** The next sender of the Messaging Service, in turn. */
    String nextSender() {
        return senders.get((int) (nextSender.getAndIncrement() % senders.size()));
    }

    List<String> senders() {
        return senders;
    }

    /** A message Notify sends through its Messaging Service to one number: logged as an ordinary message, without a SID for Herald. */
    void deliverForNotify(String to, String body) {
        Instant now = Instant.now();
        Held message = new Held(TwilioSimulator.newSid("SM"), to, nextSender(), TwilioSimulator.MESSAGING_SERVICE_SID, shared(body),
                false, null, now, null);
        hold(message);
        answerLater(message);
    }

    /** The inbound or outbound messages held, oldest first, as they stand now; a reply not due yet is not there. */
    List<TwilioSimulator.Message> now(boolean inbound) {
        Instant now = Instant.now();
        return held().stream().filter(held -> held.inbound() == inbound && !held.createdAt().isAfter(now))
                .map(held -> {
                    DeliveryTimeline.Status status = held.status(deliveries, now);
                    return new TwilioSimulator.Message(held.sid(), held.to(), held.from(), held.body(), status.status(),
                            status.errorCode(), held.createdAt(), held.sendAt());
                })
                .toList();
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
        Held message = new Held(TwilioSimulator.newSid("SM"), to, nextSender(), service, shared(body), false,
                sendAt == null ? null : "scheduled", now, sendAt);
        hold(message);
        answerLater(message);
        // Twilio answers a create through a Messaging Service before it has chosen the sender
        ObjectNode answer = json(message, now);
        answer.putNull("from");
        answer.put("status", sendAt == null ? "accepted" : "scheduled");
        return new Reply(201, answer);
    }

    Reply fetch(String sid) {
        Held message;
        synchronized (messages) {
            message = messages.get(sid);
        }
        return message == null ? notFound(sid) : new Reply(200, json(message, Instant.now()));
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
            Instant now = Instant.now();
            String status = message.status(deliveries, now).status();
            if (!"scheduled".equals(status)) {
                return Reply.error(400, 30409, "Message cannot be canceled: it is " + status + ", not scheduled.");
            }
            Held canceled = message.canceled();
            messages.put(sid, canceled);
            return new Reply(200, json(canceled, now));
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
        Instant now = Instant.now();
        Predicate<Held> filter;
        try {
            filter = filter(query, now);
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
        onPage.forEach(message -> items.add(json(message, now)));
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

    /** The replies {@link DeliveryTimeline} foresees from this number, held now and shown once they are due. */
    private void answerLater(Held message) {
        List<DeliveryTimeline.DueReply> replies = DeliveryTimeline.repliesOf(message.to());
        if (replies.isEmpty() || !reached.add(message.to())) {
            return;
        }
        Instant ended = deliveries.endOf(message.sendAt() == null ? message.createdAt() : message.sendAt());
        for (DeliveryTimeline.DueReply reply : replies) {
            hold(new Held(TwilioSimulator.newSid("SM"), message.from(), message.to(), message.serviceSid(), reply.body(), true, null,
                    ended.plus(reply.after()), null));
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

    /**
     * Twilio's filters; a reply not due yet is not there at all. DateSent takes a day
     * (YYYY-MM-DD) or, as the SDK writes a ZonedDateTime, a time in UTC; {@code DateSent>} is
     * on or after it, {@code DateSent<} on or before.
     */
    private Predicate<Held> filter(Map<String, List<String>> query, Instant now) {
        String to = Answers.first(query, "To");
        String from = Answers.first(query, "From");
        String on = Answers.first(query, "DateSent");
        String before = Answers.first(query, "DateSent<");
        String after = Answers.first(query, "DateSent>");
        LocalDate day = on == null ? null : LocalDate.parse(on.substring(0, Math.min(on.length(), 10)));
        Instant last = before == null ? null : before.length() == 10
                ? LocalDate.parse(before).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1) : instant(before);
        Instant first = after == null ? null : after.length() == 10
                ? LocalDate.parse(after).atStartOfDay(ZoneOffset.UTC).toInstant() : instant(after);
        boolean byDate = day != null || last != null || first != null;
        return message -> {
            if (message.createdAt().isAfter(now) || (to != null && !to.equals(message.to()))
                    || (from != null && !from.equals(message.from()))) {
                return false;
            }
            if (!byDate) {
                return true;
            }
            // a message not sent yet has no date_sent, so no DateSent filter finds it
            Instant sent = message.status(deliveries, now).dateSent();
            if (sent == null) {
                return false;
            }
            return (day == null || LocalDate.ofInstant(sent, ZoneOffset.UTC).equals(day))
                    && (last == null || !sent.isAfter(last)) && (first == null || !sent.isBefore(first));
        };
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

    private ObjectNode json(Held message, Instant now) {
        String uri = "/2010-04-01/Accounts/" + TwilioSimulator.ACCOUNT_SID + "/Messages/" + message.sid();
        DeliveryTimeline.Status status = message.status(deliveries, now);
        ObjectNode json = Answers.JSON.createObjectNode()
                .put("account_sid", TwilioSimulator.ACCOUNT_SID).put("api_version", "2010-04-01").put("body", message.body())
                .put("date_created", RFC_2822.format(message.createdAt()))
                .put("date_sent", status.dateSent() == null ? null : RFC_2822.format(status.dateSent()))
                .put("date_updated", RFC_2822.format(status.dateUpdated()))
                .put("direction", message.inbound() ? "inbound" : "outbound-api")
                .put("error_code", status.errorCode()).put("error_message", status.errorMessage()).put("from", message.from())
                .put("messaging_service_sid", message.serviceSid()).put("num_media", "0").put("num_segments", "1")
                .putNull("price").put("price_unit", "USD").put("sid", message.sid()).put("status", status.status())
                .put("to", message.to()).put("uri", uri + ".json");
        json.putObject("subresource_uris").put("media", uri + "/Media.json");
        return json;
    }
}
