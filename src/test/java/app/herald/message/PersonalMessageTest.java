package app.herald.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalMessageTest {

    private static final Map<String, String> ANA = Map.of("first_name", "Ana", "appointment", "Tue 10:30");

    @Test
    void fieldsAreFilledWithThePersonsValuesOrTheirFallback() {
        PersonalMessage message = PersonalMessage.of("Hi {first_name|there}, see you {appointment}. {last_name}!");

        assertThat(message.isPersonal()).isTrue();
        assertThat(message.fields()).containsExactly("first_name", "appointment", "last_name");
        assertThat(message.textFor(ANA::get)).isEqualTo("Hi Ana, see you Tue 10:30. !");
        assertThat(message.textFor(field -> null)).isEqualTo("Hi there, see you . !");
        assertThat(message.textFor(field -> "  ")).as("a blank value is no value").isEqualTo("Hi there, see you . !");
    }

    @Test
    void namesAreReadInAnyCaseWithSpacesAroundThem() {
        PersonalMessage message = PersonalMessage.of("Hi { First_Name | you }");

        assertThat(message.fields()).containsExactly("first_name");
        assertThat(message.textFor(ANA::get)).isEqualTo("Hi Ana");
        assertThat(message.textFor(field -> null)).as("the fallback as typed").isEqualTo("Hi  you ");
    }

    @Test
    void bracesAroundAnythingButAFieldNameAreText() {
        for (String text : List.of("Smile {:-)}", "{ }", "{}", "{1st}", "price {9.99}", "a { b", "}{")) {
            PersonalMessage message = PersonalMessage.of(text);
            assertThat(message.isPersonal()).as(text).isFalse();
            assertThat(message.textFor(field -> "X")).as(text).isEqualTo(text);
        }
    }

    @Test
    void fieldsTheListsDoNotHaveAreNamedInTheOrderTheyCome() {
        PersonalMessage message = PersonalMessage.of("{frist_name} {first_name} {room} {frist_name}");

        assertThat(message.unknownFields(List.of("first_name", "last_name", "name"))).containsExactly("frist_name", "room");
    }
}
