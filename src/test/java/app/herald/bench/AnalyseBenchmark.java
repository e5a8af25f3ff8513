package app.herald.bench;

import app.herald.message.MessageAnalyser;

/**
 * How long the composer's counter takes per keystroke on the longest message Twilio takes:
 * 1,600 characters, plain GSM-7 and mixed with emoji (./mvnw -Pbenchmark verify runs it too).
 */
public final class AnalyseBenchmark {

    private AnalyseBenchmark() {
    }

    public static void main(String[] args) {
        String gsm = "Reminder: the school closes at noon tomorrow. ".repeat(40).substring(0, 1_600);
        String mixed = "Don’t forget 😀 the forms, 👨‍👩‍👧 welcome! ".repeat(50).substring(0, 1_600);
        for (String[] message : new String[][] {{"GSM-7", gsm}, {"UCS-2 with emoji", mixed}}) {
            for (int warmUp = 0; warmUp < 2_000; warmUp++) {
                MessageAnalyser.analyse(message[1]);
            }
            int rounds = 2_000;
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                MessageAnalyser.analyseSmartEncoded(message[1]);
                MessageAnalyser.analyse(message[1]);
            }
            System.out.printf("analyse a 1,600-character %s message, plain and smart-encoded: %.0f µs%n", message[0],
                    (System.nanoTime() - start) / 1e3 / rounds);
        }
    }
}
