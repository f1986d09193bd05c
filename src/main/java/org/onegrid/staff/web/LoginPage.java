package org.onegrid.staff.web;

import org.onegrid.staff.security.StaffSecurityProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's login filter. */
@Controller
class LoginPage {

    private final StaffSecurityProperties properties;

    LoginPage(StaffSecurityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Authentication authentication, Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        model.addAttribute("lockMinutes", properties.lockDuration().toMinutes());
        return "staff/login";
    }
}
