package org.casetracker.app.page;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /login}: the form a researcher signs in with to record (the page's session; the API stays stateless). */
@Controller
@Hidden // HTML for people, not part of the REST API's OpenAPI document
public class LoginPageController {

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                        Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        return "page/login";
    }
}
