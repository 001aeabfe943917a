package org.danvan.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsDiacriticsCaseAndSpaces() {
        assertThat(VietnameseText.fold("Đức Trọng")).isEqualTo("duc trong");
        assertThat(VietnameseText.fold("  Huyện   ĐỨC TRỌNG ")).isEqualTo("huyen duc trong");
        assertThat(VietnameseText.fold("Hội Liên hiệp Phụ nữ")).isEqualTo("hoi lien hiep phu nu");
        assertThat(VietnameseText.fold("Quảng Ngãi")).isEqualTo("quang ngai");
        assertThat(VietnameseText.fold("Bình Thuận")).isEqualTo(VietnameseText.fold("binh thuan"));
        assertThat(VietnameseText.fold(null)).isNull();
    }

    @Test
    void foldsComposedAndDecomposedFormsAlike() {
        String composed = "Lâm Đồng";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(composed)).isEqualTo("lam dong");
    }
}
