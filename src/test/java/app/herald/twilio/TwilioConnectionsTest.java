package app.herald.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.herald.settings.Mode;
import app.herald.settings.ChannelKind;
import app.herald.settings.TwilioChoice;
import app.herald.twilio.simulator.TwilioSimulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The life of the connection: opened at the first send, replaced on a new choice, kept for a send still running. */
class TwilioConnectionsTest {

    private static final TwilioChoice LIVE = TwilioChoice.live(TwilioSimulator.CREDENTIALS, false);

    @Test
    void aNewChoiceOpensANewConnectionAndTheOldOneLivesUntilClose() throws Exception {
        TwilioConnections connections = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of());
        TwilioConnection simulation = connections.current();
        assertThat(simulation.mode()).isEqualTo(Mode.SIMULATION);
        assertThat(connections.current()).as("kept while the choice stands").isSameAs(simulation);

        connections.choose(LIVE);

        assertThat(connections.current().mode()).isEqualTo(Mode.LIVE);
        assertThat(simulation.channel().send(List.of("+14155550100"), "still there"))
                .as("a send that started on the simulator finishes on it").startsWith("NT");

        connections.close();

        assertThatThrownBy(() -> simulation.channel().send(List.of("+14155550100"), "gone"))
                .as("the simulator has stopped").isInstanceOf(GatewayException.class);
    }

    @Test
    void choosingTheSameAgainKeepsTheConnection() {
        try (TwilioConnections connections = new TwilioConnections(TwilioChoice.simulation(ChannelKind.NOTIFY), Map.of())) {
            TwilioConnection first = connections.current();

            connections.choose(TwilioChoice.simulation(ChannelKind.NOTIFY));

            assertThat(connections.current()).isSameAs(first);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.org", "http://localhost:8080", "http://127.0.0.1:9", "http://[::1]:9",
        "HTTPS://twilio.example.org/"})
    void aBaseUrlIsHttpsOrPlainHttpToThisComputer(String url) {
        assertThat(TwilioConnections.baseUrl(Map.of("HERALD_TWILIO_BASE_URL", url))).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.twilio.com", "http://192.168.1.20:8080", "http://localhost.example.org",
        "ftp://localhost", "localhost:8080"})
    void aBaseUrlThatWouldSendTheCredentialsInClearIsRefused(String url) {
        assertThatThrownBy(() -> TwilioConnections.baseUrl(Map.of("HERALD_TWILIO_BASE_URL", url)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with https://");
    }
}
