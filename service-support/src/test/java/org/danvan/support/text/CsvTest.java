package org.danvan.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsDoubledQuotesAndLineBreaksAfterAByteOrderMark() {
        String text = "\uFEFFmã,tên\r\nDT,\"Huyện ủy \"\"Đức Trọng\"\", Lâm Đồng\"\r\nX1,\"hai\ndòng\"\n";
        assertThat(Csv.parse(text)).containsExactly(List.of("mã", "tên"), List.of("DT", "Huyện ủy \"Đức Trọng\", Lâm Đồng"),
                List.of("X1", "hai\ndòng"));
    }

    @Test
    void takesTheSemicolonWhenTheHeaderUsesItAsVietnameseSpreadsheetsDo() {
        assertThat(Csv.parse("Mã đơn vị;Tỷ lệ\nX1;95,5")).containsExactly(List.of("Mã đơn vị", "Tỷ lệ"), List.of("X1", "95,5"));
    }
}
