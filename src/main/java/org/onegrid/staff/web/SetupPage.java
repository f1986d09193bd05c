package org.onegrid.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onegrid.staff.CreateUser;
import org.onegrid.staff.security.FirstStart;
import org.onegrid.staff.security.SetupState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** First start without demo data: choose the administrator's account. Closed once an administrator exists. */
@Controller
class SetupPage {

    private final SetupState state;
    private final FirstStart firstStart;

    SetupPage(SetupState state, FirstStart firstStart) {
        this.state = state;
        this.firstStart = firstStart;
    }

    /** The form; passwords are never sent back to the page. */
    static class SetupForm {
        private String username = "admin";
        private String password;
        private String confirm;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public String getConfirm() {
            return confirm;
        }

        public void setConfirm(String confirm) {
            this.confirm = confirm;
        }
    }

    @InitBinder
    void allowOnly(WebDataBinder binder) {
        binder.setAllowedFields("username", "password", "confirm");
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (state.adminExists()) {
            return "redirect:/login";
        }
        model.addAttribute("form", new SetupForm());
        model.addAttribute("errors", Map.of());
        return "staff/setup";
    }

    @PostMapping("/setup")
    String create(
            @ModelAttribute("form") SetupForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (state.adminExists()) {
            return refused(model, response);
        }
        String username = form.getUsername() == null ? "" : form.getUsername().trim();
        Map<String, String> errors = new LinkedHashMap<>();
        if (!username.matches(CreateUser.USERNAME)) {
            errors.put("username", "staff.setup.error.username");
        }
        if (form.getPassword() == null || !form.getPassword().matches(CreateUser.PASSWORD)) {
            errors.put("password", "staff.setup.error.password");
        } else if (!form.getPassword().equals(form.getConfirm())) {
            errors.put("confirm", "staff.setup.error.confirm");
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            return "staff/setup";
        }
        try {
            firstStart.createAdmin(username, form.getPassword(), request.getRemoteAddr());
        } catch (FirstStart.AlreadySetUp e) {
            return refused(model, response);
        } catch (FirstStart.UsernameTaken e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", Map.of("username", "staff.setup.error.taken"));
            return "staff/setup";
        }
        return "redirect:/login?setup";
    }

    private static String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("done", true);
        model.addAttribute("errors", Map.of());
        return "staff/setup";
    }
}
