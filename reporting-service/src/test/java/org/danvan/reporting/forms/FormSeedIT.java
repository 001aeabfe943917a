package org.danvan.reporting.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.danvan.testsupport.DanvanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

@DanvanIntegrationTest
class FormSeedIT {

    @Autowired
    FormSeed seed;
    @Autowired
    ReportForms forms;

    @Test
    void seedingAgainChangesNothing() {
        List<ReportForm> before = forms.all();

        seed.run(new DefaultApplicationArguments());

        assertThat(forms.all()).isEqualTo(before).extracting(ReportForm::code).containsExactly("DV-6T", "DV-NAM", "MTDT-QUY");
    }
}
