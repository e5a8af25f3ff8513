package app.herald.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeTest {

    private static final Map<String, String> ALL = Map.of(
            "TWILIO_ACCOUNT_SID", "AC00000000000000000000000000000000",
            "TWILIO_AUTH_TOKEN", "secret",
            "TWILIO_NOTIFY_SERVICE_SID", "IS00000000000000000000000000000000");

    @Test
    void noCredentialsMeansSimulation() {
        assertThat(Mode.fromEnvironment(Map.of())).isEqualTo(Mode.SIMULATION);
    }

    @Test
    void aCompleteSetMeansLive() {
        assertThat(Mode.fromEnvironment(ALL)).isEqualTo(Mode.LIVE);
    }

    @Test
    void aMissingOrBlankValueNeverSendsForReal() {
        for (String name : ALL.keySet()) {
            Map<String, String> blank = new java.util.HashMap<>(ALL);
            blank.put(name, "  ");
            assertThat(Mode.fromEnvironment(blank)).as("%s blank", name).isEqualTo(Mode.SIMULATION);
            blank.remove(name);
            assertThat(Mode.fromEnvironment(blank)).as("%s missing", name).isEqualTo(Mode.SIMULATION);
        }
    }
}
