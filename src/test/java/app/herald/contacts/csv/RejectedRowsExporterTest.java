package app.herald.contacts.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectedRowsExporterTest {

    @TempDir
    Path folder;

    @Test
    void writesRowValueAndReasonForExcelWithFormulasNeutralised() throws Exception {
        Path target = folder.resolve("rejected.csv");

        RejectedRowsExporter.export(List.of(
                new RejectedRow(3, "=HYPERLINK(\"x\")", "not a phone number"),
                new RejectedRow(7, "4,91512E+12", "damaged by Excel, which turned the number into 4,91512E+12")), target);

        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFrow,value,reason\r\n")
                .contains("3,\"'=HYPERLINK(\"\"x\"\")\",not a phone number\r\n")
                .contains("7,\"4,91512E+12\",\"damaged by Excel");
        assertThat(Files.list(folder)).containsExactly(target);
    }
}
