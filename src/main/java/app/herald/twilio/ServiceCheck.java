package app.herald.twilio;

/** What "test connection" learned of the service Settings name: a Notify service or a Messaging Service. */
public sealed interface ServiceCheck permits NotifyChannel.ServiceInfo, MessagingChannel.ServiceInfo {
}
