package org.onegrid.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.FieldErrors;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.staff.UpdateUser;
import org.onegrid.staff.UserView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One user's page in 系统管理: name, organisation and roles in a form, the account disabled or enabled, a new password
 * set. Each refusal shows beside its field and changes nothing; a form read before another administrator changed the
 * account is refused with what they changed, and the form keeps what was typed to be saved again on purpose.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminUserPage {

    private final Staff staff;
    private final Organisations organisations;
    private final Regions regions;

    AdminUserPage(Staff staff, Organisations organisations, Regions regions) {
        this.staff = staff;
        this.organisations = organisations;
        this.regions = regions;
    }

    /** The edit form as typed, with what the page showed when it was read ({@code was…}) to tell what changed since. */
    static class EditForm {
        private String version = "";
        private String displayName = "";
        private String orgCode = "";
        private List<String> roles = new ArrayList<>();
        private String wasDisplayName = "";
        private String wasOrgCode = "";
        private String wasRoles = "";
        private String wasEnabled = "";

        static EditForm of(UserView user, String orgCode) {
            EditForm f = new EditForm();
            f.displayName = user.displayName();
            f.orgCode = orgCode;
            f.roles = user.roles().stream().map(Role::name).sorted().toList();
            f.read(user, orgCode);
            return f;
        }

        /** Marks the form as read from this state of the account. */
        void read(UserView user, String orgCode) {
            version = String.valueOf(user.version());
            wasDisplayName = user.displayName();
            wasOrgCode = orgCode;
            wasRoles = String.join(
                    ",", new TreeSet<>(user.roles().stream().map(Role::name).toList()));
            wasEnabled = String.valueOf(user.enabled());
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String v) {
            version = v == null ? "" : v.strip();
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String v) {
            displayName = v == null ? "" : v;
        }

        public String getOrgCode() {
            return orgCode;
        }

        public void setOrgCode(String v) {
            orgCode = v == null ? "" : v.strip();
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> v) {
            roles = v == null ? new ArrayList<>() : v;
        }

        public String getWasDisplayName() {
            return wasDisplayName;
        }

        public void setWasDisplayName(String v) {
            wasDisplayName = v == null ? "" : v;
        }

        public String getWasOrgCode() {
            return wasOrgCode;
        }

        public void setWasOrgCode(String v) {
            wasOrgCode = v == null ? "" : v.strip();
        }

        public String getWasRoles() {
            return wasRoles;
        }

        public void setWasRoles(String v) {
            wasRoles = v == null ? "" : v.strip();
        }

        public String getWasEnabled() {
            return wasEnabled;
        }

        public void setWasEnabled(String v) {
            wasEnabled = v == null ? "" : v.strip();
        }
    }

    /**
     * One thing another administrator changed since the form was read.
     *
     * @param field {@code displayName}, {@code org}, {@code roles} or {@code enabled}
     */
    record Change(String field, Object before, Object after) {}

    @InitBinder("form")
    void bindOnly(WebDataBinder binder) {
        binder.setAllowedFields(
                "version", "displayName", "orgCode", "roles", "wasDisplayName", "wasOrgCode", "wasRoles", "wasEnabled");
    }

    @GetMapping("/admin/users/{id}")
    String user(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        UserView user = visible(id, me);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EditForm.of(user, orgCode(user)));
        }
        return page(user, me, model, Map.of());
    }

    @PostMapping("/admin/users/{id}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") EditForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = visible(id, me);
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = integer(form.getVersion());
        Long orgId = null;
        if (form.getOrgCode().isEmpty()) {
            errors.put("orgCode", "请选择所属组织");
        } else {
            orgId = organisations
                    .findByCode(form.getOrgCode())
                    .filter(org -> organisations.findVisible(me, org.id()).isPresent())
                    .map(OrganisationView::id)
                    .orElse(null);
            if (orgId == null) {
                errors.put("orgCode", "组织 " + form.getOrgCode() + " 不存在或不在您的管辖范围内");
            }
        }
        Set<Role> roles = roles(form.getRoles(), errors);
        if (version == null) {
            errors.put(FieldErrors.GENERAL, "表单缺少版本号，请刷新页面后重试");
        }
        if (errors.isEmpty()) {
            try {
                UserView saved = staff.update(id, new UpdateUser(version, form.getDisplayName(), orgId, roles), me);
                redirect.addFlashAttribute("saved", saved.version());
                return "redirect:/admin/users/" + id;
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() == 409) {
                    return stale(id, form, me, model, response);
                }
                if (e.getStatusCode().value() == 404) {
                    throw e;
                }
                errors.putAll(FieldErrors.of(e, field -> field.equals("orgId") ? "orgCode" : field));
            }
        }
        response.setStatus(422);
        return page(user, me, model, errors);
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(
            @PathVariable long id,
            @RequestParam boolean enabled,
            @RequestParam(required = false) String version,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = visible(id, me);
        Integer read = integer(version);
        try {
            UserView changed = staff.setEnabled(id, read == null ? -1 : read, enabled, me);
            redirect.addFlashAttribute("toggled", changed.enabled());
            return "redirect:/admin/users/" + id;
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            EditForm form = EditForm.of(user, orgCode(user));
            model.addAttribute("form", form);
            if (e.getStatusCode().value() == 409) {
                // what the page showed is only known as its version here; name what the account is now
                model.addAttribute("stale", e.getBody().getDetail());
                model.addAttribute("changes", List.of());
                response.setStatus(409);
                return page(user, me, model, Map.of());
            }
            response.setStatus(422);
            return page(user, me, model, FieldErrors.of(e, field -> field));
        }
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam(required = false) String password,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        UserView user = visible(id, me);
        try {
            staff.resetPassword(id, password, me);
            redirect.addFlashAttribute("passwordSet", true);
            return "redirect:/admin/users/" + id;
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 404) {
                throw e;
            }
            model.addAttribute("form", EditForm.of(user, orgCode(user)));
            response.setStatus(422);
            Map<String, String> errors = new LinkedHashMap<>();
            FieldErrors.of(e, field -> field).forEach((field, message) -> errors.put("new" + capital(field), message));
            return page(user, me, model, errors);
        }
    }

    /** The account changed since the form was read: say what, keep what was typed, and read the form anew. */
    private String stale(long id, EditForm form, StaffPrincipal me, Model model, HttpServletResponse response) {
        UserView now = visible(id, me);
        String nowOrg = orgCode(now);
        List<Change> changes = new ArrayList<>();
        if (!form.getWasDisplayName().equals(now.displayName())) {
            changes.add(new Change("displayName", form.getWasDisplayName(), now.displayName()));
        }
        if (!form.getWasOrgCode().equals(nowOrg)) {
            changes.add(new Change("org", orgName(form.getWasOrgCode()), now.orgName()));
        }
        Set<Role> wasRoles = roles(
                Arrays.stream(form.getWasRoles().split(","))
                        .filter(s -> !s.isBlank())
                        .toList(),
                new LinkedHashMap<>());
        if (!wasRoles.equals(now.roles())) {
            changes.add(new Change("roles", sorted(wasRoles), sorted(now.roles())));
        }
        if (!form.getWasEnabled().equals(String.valueOf(now.enabled()))) {
            changes.add(new Change("enabled", Boolean.valueOf(form.getWasEnabled()), now.enabled()));
        }
        form.read(now, nowOrg);
        model.addAttribute("stale", true);
        model.addAttribute("changes", changes);
        response.setStatus(409);
        return page(now, me, model, Map.of());
    }

    private String page(UserView user, StaffPrincipal me, Model model, Map<String, String> errors) {
        model.addAttribute("user", user);
        model.addAttribute("self", user.id() == me.userId());
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", AdminPages.pickable(me, organisations, regions));
        model.addAttribute("grids", staff.gridsOf(user.id()));
        model.addAttribute("errors", errors);
        return "admin/user";
    }

    private UserView visible(long id, StaffPrincipal me) {
        return staff.findVisible(me, id).orElseThrow(() -> Problems.notFound("user", "" + id));
    }

    private String orgCode(UserView user) {
        return organisations.find(user.orgId()).map(OrganisationView::code).orElse("");
    }

    private String orgName(String code) {
        return organisations.findByCode(code).map(OrganisationView::name).orElse(code);
    }

    private static Set<Role> roles(List<String> names, Map<String, String> errors) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : names) {
            try {
                roles.add(Role.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                errors.put("roles", "角色 " + name + " 不存在");
            }
        }
        return roles;
    }

    private static List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }

    private static Integer integer(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String capital(String field) {
        return field.isEmpty() ? field : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
