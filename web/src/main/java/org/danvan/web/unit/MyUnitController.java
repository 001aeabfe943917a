package org.danvan.web.unit;

import java.util.List;

import org.danvan.web.cases.StaffCases;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** "Đơn vị của tôi": today's view of the signed-in cadre's unit — its cases by deadline, the overdue first. */
@Controller
class MyUnitController {

    private final StaffCases cases;

    MyUnitController(StaffCases cases) {
        this.cases = cases;
    }

    @GetMapping("/unit")
    String today(@AuthenticationPrincipal OidcUser user, Model model) {
        String unit = user.getClaimAsString("unit_id");
        model.addAttribute("unitId", unit);
        model.addAttribute("cases", unit == null ? List.of() : cases.queue(unit));
        return "unit/today";
    }
}
