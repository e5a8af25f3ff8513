package app.herald.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalTextsTest {

    @Test
    void theTotalIsTheSumOfEachTextsSegmentsAndTheLongestIsTheOneOfMostSegments() {
        List<String> texts = List.of("Hi Ana", "Hi Zoë", "Hi " + "x".repeat(200), "Hi Ana", "Hi Łukasz " + "y".repeat(70));
        PersonalTexts.Counter counter = new PersonalTexts.Counter("Hi {first_name}", false);
        for (int i = 0; i < texts.size(); i++) {
            counter.add("+1415555010" + i, "Person " + i, texts.get(i));
        }

        PersonalTexts counted = counter.result();

        int sum = texts.stream().mapToInt(text -> MessageAnalyser.analyse(text).segments()).sum();
        assertThat(counted.totalSegments()).isEqualTo(sum).isEqualTo(1 + 1 + 2 + 1 + 2);
        assertThat(counted.recipients()).isEqualTo(5);
        assertThat(counted.longest().text()).as("two of 2 segments: the longer").startsWith("Hi xxx");
        assertThat(counted.ucs2Count()).isEqualTo(2);
        assertThat(counted.ucs2()).extracting(PersonalTexts.Sample::e164).containsExactly("+14155550101", "+14155550104");
        assertThat(counted.first()).hasSize(5);
        assertThat(counted.anyTooLong()).isFalse();
    }

    @Test
    void textsPastTwiliosLimitAreCountedAndListed() {
        PersonalTexts.Counter counter = new PersonalTexts.Counter("{note}", true);
        counter.add("+14155550100", null, "ok");
        counter.add("+14155550101", null, "n".repeat(MessageAnalysis.MAX_BODY_CHARACTERS + 1));

        PersonalTexts counted = counter.result();

        assertThat(counted.tooLongCount()).isEqualTo(1);
        assertThat(counted.tooLong()).extracting(PersonalTexts.Sample::e164).containsExactly("+14155550101");
        assertThat(counted.smartEncoding()).isTrue();
    }
}
