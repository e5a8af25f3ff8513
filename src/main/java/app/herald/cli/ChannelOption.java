package app.herald.cli;

import app.herald.core.HeraldCore;
import app.herald.settings.ChannelKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The --channel of send: {@code messages} or {@code notify}, and switching the core to it. */
final class ChannelOption implements ITypeConverter<ChannelKind> {

    @Override
    public ChannelKind convert(String value) {
        return ChannelKind.ofLabel(value).orElseThrow(
                () -> new TypeConversionException("--channel is messages (a Messaging Service) or notify, not " + value));
    }

    /** Sends through this channel, or says in words why it cannot. */
    static void use(HeraldCore core, ChannelKind channel) {
        if (!core.useChannel(channel)) {
            throw new IllegalArgumentException("Herald is " + core.broadcasts().mode() + " and has no "
                    + (channel == ChannelKind.MESSAGES ? "Messaging Service SID (TWILIO_MESSAGING_SERVICE_SID or Settings)"
                            : "Notify Service SID (TWILIO_NOTIFY_SERVICE_SID or Settings)")
                    + " to send through " + channel.label() + ".");
        }
    }
}
