package app.herald.twilio;

import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioCredentials;
import com.twilio.base.Page;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.api.v2010.account.MessageReader;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The Messaging channel, through Twilio's official SDK on {@link TwilioHttpClient}: one Message
 * create per recipient, with To, the Messaging Service and the Body (the service picks the
 * sender), exactly one POST per call. Safe for several senders at once. Also Twilio's log of what
 * this service sent, for reconciliation, and the service itself, for "test connection".
 */
public final class MessagingChannel implements Channel, MessageLog, ScheduledMessages {

    /** Twilio's answer to cancelling a message that is no longer scheduled. */
    static final int TOO_LATE_TO_CANCEL = 30409;

    /** How many of a number's messages one look at the log reads: newest first, it stops at the broadcast's start. */
    private static final long LOG_PAGE_SIZE = 50;

    /** What "test connection" shows of a Messaging Service. */
    public record ServiceInfo(String sid, String friendlyName, int senders, URI inboundRequestUrl, boolean smartEncoding,
            Integer validityPeriodSeconds) implements ServiceCheck {

        /** Without an inbound URL, Twilio does not even log the replies: a STOP would go unseen. */
        public boolean logsReplies() {
            return inboundRequestUrl != null;
        }
    }

    private final TwilioRestClient client;
    private final TwilioHttpClient http;
    private final String serviceSid;

    /**
     * @param baseUrl     where every request goes instead of *.twilio.com, or null for Twilio itself
     * @param readTimeout how long an answer may take before the call counts as uncertain
     */
    public MessagingChannel(TwilioCredentials credentials, URI baseUrl, Duration readTimeout) {
        if (credentials.channel() != ChannelKind.MESSAGES) {
            throw new IllegalArgumentException("the Messaging channel needs a Messaging Service SID (MG…)");
        }
        this.http = new TwilioHttpClient(baseUrl, readTimeout);
        this.client = http.restClient(credentials);
        this.serviceSid = credentials.serviceSid();
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.MESSAGES;
    }

    /** Creates one message. @return its SID ({@code SM…}) */
    @Override
    public String send(List<String> e164Numbers, String body) throws GatewayException {
        return create(creator(e164Numbers, body));
    }

    /**
     * Creates one message for Twilio to send at {@code sendAt} (15 minutes to 35 days ahead). The
     * SDK writes a time without its offset, so it is given in UTC, which Twilio reads.
     */
    @Override
    public String schedule(List<String> e164Numbers, String body, Instant sendAt) throws GatewayException {
        return create(creator(e164Numbers, body).setScheduleType(Message.ScheduleType.FIXED)
                .setSendAt(sendAt.atZone(ZoneOffset.UTC)));
    }

    /** Takes a scheduled message back: {@code Status=canceled}; Twilio's 30409 when it is too late. */
    @Override
    public boolean cancel(String sid) throws GatewayException {
        try {
            Message.updater(sid).setStatus(Message.UpdateStatus.CANCELED).update(client);
            return true;
        } catch (ApiException e) {
            if (Integer.valueOf(TOO_LATE_TO_CANCEL).equals(e.getCode())) {
                return false;
            }
            throw Failures.classify(e, http);
        } catch (RuntimeException e) {
            throw Failures.classify(e, http);
        }
    }

    private MessageCreator creator(List<String> e164Numbers, String body) {
        if (e164Numbers.size() != 1) {
            throw new IllegalArgumentException("a message goes to one number, not " + e164Numbers.size());
        }
        return Message.creator(new PhoneNumber(e164Numbers.get(0)), serviceSid, body);
    }

    private String create(MessageCreator creator) throws GatewayException {
        String sid;
        try {
            sid = creator.create(client).getSid();
        } catch (RuntimeException e) {
            throw Failures.classify(e, http);
        }
        if (sid == null || sid.isBlank()) {
            throw Failures.withoutSid(http);
        }
        return sid;
    }

    /**
     * Reads the number's messages newest first, down to {@code since}; not by DateSent, which a
     * message still queued does not have yet. The time is Twilio's, to the second: the second
     * {@code since} falls in counts.
     */
    @Override
    public Optional<String> find(String e164, String body, Instant since) throws GatewayException {
        Instant from = since.minusSeconds(1);
        try {
            MessageReader reader = Message.reader().setTo(new PhoneNumber(e164)).setPageSize(LOG_PAGE_SIZE);
            Page<Message> page = reader.firstPage(client);
            while (true) {
                for (Message message : page.getRecords()) {
                    if (message.getDateCreated() != null && message.getDateCreated().toInstant().isBefore(from)) {
                        return Optional.empty();
                    }
                    if (serviceSid.equals(message.getMessagingServiceSid()) && body.equals(message.getBody())
                            && message.getDirection() == Message.Direction.OUTBOUND_API) {
                        return Optional.of(message.getSid());
                    }
                }
                if (!page.hasNextPage()) {
                    return Optional.empty();
                }
                page = reader.nextPage(page, client);
            }
        } catch (RuntimeException e) {
            throw Failures.classify(e, http);
        }
    }

    /** The Messaging Service, with how many senders it has, for "test connection". */
    public ServiceInfo fetchService() throws GatewayException {
        try {
            Service service = Service.fetcher(serviceSid).fetch(client);
            int senders = 0;
            var numbers = com.twilio.rest.messaging.v1.service.PhoneNumber.reader(serviceSid).read(client).iterator();
            for (; numbers.hasNext(); numbers.next()) {
                senders++;
            }
            return new ServiceInfo(service.getSid(), service.getFriendlyName(), senders, service.getInboundRequestUrl(),
                    Boolean.TRUE.equals(service.getSmartEncoding()), service.getValidityPeriod());
        } catch (RuntimeException e) {
            throw Failures.classify(e, http);
        }
    }
}
