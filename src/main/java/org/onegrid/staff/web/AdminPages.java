package org.onegrid.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.FieldErrors;
import org.onegrid.staff.CreateUser;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.PageView;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 系统管理: the overview of what the city holds, the users and their roles, the centres and departments. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminPages {

    static final int PAGE_SIZE = 30;

    private final Staff staff;
    private final Organisations organisations;
    private final Regions regions;
    private final Grids grids;

    AdminPages(Staff staff, Organisations organisations, Regions regions, Grids grids) {
        this.staff = staff;
        this.organisations = organisations;
        this.regions = regions;
        this.grids = grids;
    }

    /** The form of a new user; every field a string or list so that nothing a person types fails binding. */
    static class UserForm {
        private String username = "";
        private String displayName = "";
        private String password = "";
        private String orgCode = "";
        private String phone = "";
        private List<String> roles = new ArrayList<>();

        public String getUsername() {
            return username;
        }

        public void setUsername(String v) {
            username = v == null ? "" : v.strip();
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String v) {
            displayName = v == null ? "" : v;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String v) {
            password = v == null ? "" : v;
        }

        public String getOrgCode() {
            return orgCode;
        }

        public void setOrgCode(String v) {
            orgCode = v == null ? "" : v.strip();
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String v) {
            phone = v == null ? "" : v.strip();
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> v) {
            roles = v == null ? new ArrayList<>() : v;
        }
    }

    @InitBinder("form")
    void bindOnly(WebDataBinder binder) {
        binder.setAllowedFields("username", "displayName", "password", "orgCode", "phone", "roles");
    }

    @GetMapping("/admin")
    String overview(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        Map<RegionLevel, Integer> byLevel = new EnumMap<>(RegionLevel.class);
        for (RegionLevel level : RegionLevel.values()) {
            byLevel.put(level, regions.byLevel(level).size());
        }
        Map<Role, Long> byRole = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            byRole.put(role, staff.list(me, null, role, null, 0, 1).total());
        }
        model.addAttribute("regionsByLevel", byLevel);
        model.addAttribute("grids", grids.count());
        model.addAttribute(
                "centres", organisations.list(me, OrgKind.CENTRE, null, 0, 1).total());
        model.addAttribute(
                "departments",
                organisations.list(me, OrgKind.DEPARTMENT, null, 0, 1).total());
        model.addAttribute("users", staff.list(me, null, null, null, 0, 1).total());
        model.addAttribute("usersByRole", byRole);
        return "admin/overview";
    }

    @GetMapping("/admin/users")
    String users(
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) Long org,
            @RequestParam(required = false, defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UserForm());
        }
        return usersPage(me, role, text, org, page, model, Map.of());
    }

    @PostMapping("/admin/users")
    String create(
            @ModelAttribute("form") UserForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
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
        Set<Role> roles = new LinkedHashSet<>();
        for (String name : form.getRoles()) {
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.put("roles", "角色 " + name + " 不存在");
            }
        }
        if (errors.isEmpty()) {
            try {
                UserView created = staff.create(
                        new CreateUser(
                                form.getUsername(),
                                form.getDisplayName(),
                                form.getPassword(),
                                orgId,
                                roles,
                                form.getPhone().isEmpty() ? null : form.getPhone()),
                        me);
                redirect.addFlashAttribute("created", created);
                return "redirect:/admin/users?text=" + created.username();
            } catch (ErrorResponseException e) {
                errors.putAll(FieldErrors.of(e, field -> field.equals("orgId") ? "orgCode" : field));
            }
        }
        form.setPassword("");
        response.setStatus(422);
        return usersPage(me, null, null, null, 0, model, errors);
    }

    private String usersPage(
            StaffPrincipal me, String role, String text, Long org, int page, Model model, Map<String, String> errors) {
        Role wanted = null;
        if (role != null && !role.isBlank()) {
            try {
                wanted = Role.valueOf(role);
            } catch (IllegalArgumentException e) {
                wanted = null;
            }
        }
        String query = text == null || text.isBlank() ? null : text.strip();
        OrganisationView inOrg =
                org == null ? null : organisations.findVisible(me, org).orElse(null);
        PageView<UserView> found =
                staff.list(me, inOrg == null ? null : inOrg.id(), wanted, query, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("org", inOrg);
        model.addAttribute("users", found);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("role", wanted);
        model.addAttribute("text", query);
        model.addAttribute("roles", Role.values());
        model.addAttribute("organisations", pickable(me));
        model.addAttribute("errors", errors);
        return "admin/users";
    }

    /** The organisations offered in the form's list: centres down to towns and all departments (villages by code). */
    private List<OrganisationView> pickable(StaffPrincipal me) {
        return pickable(me, organisations, regions);
    }

    /** Shared with the user page: a static method, since another controller sees this one through its proxy. */
    static List<OrganisationView> pickable(StaffPrincipal me, Organisations organisations, Regions regions) {
        List<OrganisationView> offered = new ArrayList<>();
        for (OrgKind kind : OrgKind.values()) {
            int page = 0;
            PageView<OrganisationView> batch;
            do {
                batch = organisations.list(me, kind, null, page++, 500);
                for (OrganisationView org : batch.items()) {
                    if (kind == OrgKind.DEPARTMENT
                            || regions.find(org.regionCode())
                                    .map(r -> r.level() != RegionLevel.VILLAGE)
                                    .orElse(true)) {
                        offered.add(org);
                    }
                }
            } while ((long) page * 500 < batch.total() && page < 20);
        }
        return offered;
    }

    @GetMapping("/admin/organisations")
    String organisations(
            @RequestParam(required = false, defaultValue = "DEPARTMENT") String kind,
            @RequestParam(required = false) String region,
            @RequestParam(required = false, defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        OrgKind wanted = "CENTRE".equals(kind) ? OrgKind.CENTRE : OrgKind.DEPARTMENT;
        String regionCode = region == null
                        || region.isBlank()
                        || regions.find(region.strip()).isEmpty()
                ? null
                : region.strip();
        PageView<OrganisationView> found = organisations.list(me, wanted, regionCode, Math.max(0, page), PAGE_SIZE);
        Map<String, String> regionNames = new LinkedHashMap<>();
        for (OrganisationView org : found.items()) {
            regions.find(org.regionCode()).ifPresent(r -> regionNames.put(r.code(), r.name()));
        }
        model.addAttribute("orgs", found);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("kind", wanted);
        model.addAttribute("region", regionCode);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("counties", regions.byLevel(RegionLevel.COUNTY));
        model.addAttribute(
                "centres",
                organisations.list(me, OrgKind.CENTRE, regionCode, 0, 1).total());
        model.addAttribute(
                "departments",
                organisations.list(me, OrgKind.DEPARTMENT, regionCode, 0, 1).total());
        return "admin/organisations";
    }
}
