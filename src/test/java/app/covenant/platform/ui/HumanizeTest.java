package app.covenant.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanizeTest {

    private final Humanize humanize = new Humanize();

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0 bytes",
            "1|1 byte",
            "12|12 bytes",
            "1023|1023 bytes",
            "1024|1 KB",
            "1536|1.5 KB",
            "348160|340 KB",
            "1258291|1.2 MB",
            "1048575|1 MB",
            "10485760|10 MB",
            "26214400|25 MB",
            "1610612736|1.5 GB",
            "1125899906842624|1024 TB"})
    void sizesReadAsPeopleSayThem(long bytes, String expected) {
        assertThat(humanize.size(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/pdf|PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document|Word document",
            "image/png|PNG image",
            "IMAGE/JPEG; charset=binary|JPEG image",
            "image/heic|HEIC image",
            "application/octet-stream|File",
            "image/|File",
            "''|File"})
    void typesReadAsPeopleSayThem(String contentType, String expected) {
        assertThat(humanize.type(contentType)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nothingToSayAboutNothing() {
        assertThat(humanize.size(null)).isEmpty();
        assertThat(humanize.size(-1L)).isEmpty();
        assertThat(humanize.type(null)).isEqualTo("File");
    }
}
