package org.onegrid.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemDraft;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.catalog.CategoryView;
import org.onegrid.catalog.CreateCategory;
import org.onegrid.catalog.HandlingLevel;
import org.onegrid.catalog.StageLimit;
import org.onegrid.shared.web.FieldErrors;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.TimeMode;
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
 * The catalog editor: the tree of categories and items, and one item's terms (departments, level, time limits,
 * flags, keywords) in a form. A rejected form changes nothing and shows each message beside its field; a form of
 * an item someone changed meanwhile is refused with the current version named.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CatalogEditorPage {

    private final Catalog catalog;
    private final Organisations organisations;

    CatalogEditorPage(Catalog catalog, Organisations organisations) {
        this.catalog = catalog;
        this.organisations = organisations;
    }

    /** An item's terms as typed: all text, so any input reaches the rules and comes back beside its field. */
    static class ItemForm {
        private String code = "";
        private String version = "";
        private String name = "";
        private String categoryCode = "";
        private String description = "";
        private String departmentCodes = "";
        private String level = "";
        private String acceptHours = "";
        private String acceptMode = "";
        private String handleHours = "";
        private String handleMode = "";
        private String verifyHours = "";
        private String verifyMode = "";
        private boolean jointAllowed;
        private boolean emergency;
        private boolean autoEscalate;
        private boolean active;
        /** "true" or "false"; "" for a new item that takes its category's default. */
        private String published = "";

        private String keywords = "";

        /** A new item's form: in the chosen category, limits in working time, to be filled in. */
        static ItemForm blank(String categoryCode) {
            ItemForm f = new ItemForm();
            f.categoryCode = categoryCode == null ? "" : categoryCode;
            f.level = HandlingLevel.VILLAGE.name();
            f.acceptMode = TimeMode.WORKING.name();
            f.handleMode = TimeMode.WORKING.name();
            f.verifyMode = TimeMode.WORKING.name();
            f.active = true;
            return f;
        }

        static ItemForm of(CatalogItemView item) {
            ItemForm f = new ItemForm();
            f.version = String.valueOf(item.version());
            f.name = item.name();
            f.categoryCode = item.categoryCode();
            f.description = item.description() == null ? "" : item.description();
            f.departmentCodes = String.join(", ", item.departmentCodes());
            f.level = item.level().name();
            f.acceptHours = hours(item.accept());
            f.acceptMode = item.accept().mode().name();
            f.handleHours = hours(item.handle());
            f.handleMode = item.handle().mode().name();
            f.verifyHours = hours(item.verify());
            f.verifyMode = item.verify().mode().name();
            f.jointAllowed = item.jointAllowed();
            f.emergency = item.emergency();
            f.autoEscalate = item.autoEscalate();
            f.active = item.active();
            f.published = String.valueOf(item.published());
            f.keywords = String.join(", ", item.keywords());
            return f;
        }

        private static String hours(StageLimit limit) {
            return BigDecimal.valueOf(limit.minutes())
                    .divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }

        public String getCode() {
            return code;
        }

        /** Codes are upper case; what is typed in lower case is meant the same. */
        public void setCode(String v) {
            code = v == null ? "" : v.strip().toUpperCase(java.util.Locale.ROOT);
        }

        public String getVersion() {
            return version;
        }

        public void setVersion(String v) {
            version = v == null ? "" : v.strip();
        }

        public String getName() {
            return name;
        }

        public void setName(String v) {
            name = v == null ? "" : v;
        }

        public String getCategoryCode() {
            return categoryCode;
        }

        public void setCategoryCode(String v) {
            categoryCode = v == null ? "" : v.strip();
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String v) {
            description = v == null ? "" : v;
        }

        public String getDepartmentCodes() {
            return departmentCodes;
        }

        public void setDepartmentCodes(String v) {
            departmentCodes = v == null ? "" : v;
        }

        public String getLevel() {
            return level;
        }

        public void setLevel(String v) {
            level = v == null ? "" : v.strip();
        }

        public String getAcceptHours() {
            return acceptHours;
        }

        public void setAcceptHours(String v) {
            acceptHours = v == null ? "" : v.strip();
        }

        public String getAcceptMode() {
            return acceptMode;
        }

        public void setAcceptMode(String v) {
            acceptMode = v == null ? "" : v.strip();
        }

        public String getHandleHours() {
            return handleHours;
        }

        public void setHandleHours(String v) {
            handleHours = v == null ? "" : v.strip();
        }

        public String getHandleMode() {
            return handleMode;
        }

        public void setHandleMode(String v) {
            handleMode = v == null ? "" : v.strip();
        }

        public String getVerifyHours() {
            return verifyHours;
        }

        public void setVerifyHours(String v) {
            verifyHours = v == null ? "" : v.strip();
        }

        public String getVerifyMode() {
            return verifyMode;
        }

        public void setVerifyMode(String v) {
            verifyMode = v == null ? "" : v.strip();
        }

        public boolean isJointAllowed() {
            return jointAllowed;
        }

        public void setJointAllowed(boolean v) {
            jointAllowed = v;
        }

        public boolean isEmergency() {
            return emergency;
        }

        public void setEmergency(boolean v) {
            emergency = v;
        }

        public String getPublished() {
            return published;
        }

        public void setPublished(String v) {
            published = v == null ? "" : v.strip();
        }

        public boolean isAutoEscalate() {
            return autoEscalate;
        }

        public void setAutoEscalate(boolean v) {
            autoEscalate = v;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean v) {
            active = v;
        }

        public String getKeywords() {
            return keywords;
        }

        public void setKeywords(String v) {
            keywords = v == null ? "" : v;
        }
    }

    /** A new category 大类 as typed. */
    static class CategoryForm {
        private String code = "";
        private String name = "";

        public String getCode() {
            return code;
        }

        public void setCode(String v) {
            code = v == null ? "" : v.strip().toUpperCase(java.util.Locale.ROOT);
        }

        public String getName() {
            return name;
        }

        public void setName(String v) {
            name = v == null ? "" : v;
        }
    }

    @InitBinder("categoryForm")
    void bindCategory(WebDataBinder binder) {
        binder.setAllowedFields("code", "name");
    }

    @InitBinder("form")
    void bindOnly(WebDataBinder binder) {
        binder.setAllowedFields(
                "code",
                "version",
                "name",
                "categoryCode",
                "description",
                "departmentCodes",
                "level",
                "acceptHours",
                "acceptMode",
                "handleHours",
                "handleMode",
                "verifyHours",
                "verifyMode",
                "jointAllowed",
                "emergency",
                "autoEscalate",
                "active",
                "published",
                "keywords");
    }

    @GetMapping("/admin/catalog")
    String tree(
            @RequestParam(required = false) String category, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (!model.containsAttribute("categoryForm")) {
            model.addAttribute("categoryForm", new CategoryForm());
        }
        return treePage(category, me, model, Map.of());
    }

    @PostMapping("/admin/catalog/categories")
    String createCategory(
            @ModelAttribute("categoryForm") CategoryForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            CategoryView created = catalog.createCategory(new CreateCategory(form.getCode(), form.getName(), null), me);
            redirect.addFlashAttribute("categoryCreated", created.name());
            return "redirect:/admin/catalog?category=" + created.code();
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == 403) {
                throw e;
            }
            response.setStatus(422);
            return treePage(null, me, model, FieldErrors.of(e, field -> field));
        }
    }

    private String treePage(String category, StaffPrincipal me, Model model, Map<String, String> categoryErrors) {
        model.addAttribute("departmentNames", departmentNames(me));
        List<CategoryView> categories = catalog.categories(true);
        CategoryView current = categories.stream()
                .filter(c -> c.code().equals(category))
                .findFirst()
                .orElse(categories.isEmpty() ? null : categories.get(0));
        model.addAttribute("categories", categories);
        model.addAttribute("category", current);
        model.addAttribute("categoryErrors", categoryErrors);
        return "admin/catalog";
    }

    /** The overview's tile: how many categories and items, how many offered. */
    @GetMapping("/admin/catalog/summary")
    String summary(Model model) {
        List<CategoryView> categories = catalog.categories(true);
        List<CatalogItemView> items =
                categories.stream().flatMap(c -> c.items().stream()).toList();
        model.addAttribute("categoryCount", categories.size());
        model.addAttribute("itemCount", items.size());
        model.addAttribute(
                "activeCount", items.stream().filter(CatalogItemView::active).count());
        model.addAttribute(
                "emergencyCount",
                items.stream().filter(CatalogItemView::emergency).count());
        return "admin/catalog :: summary";
    }

    /** The form of a new item; {@code items/new} cannot be an item's page, as codes are upper case. */
    @GetMapping("/admin/catalog/items/new")
    String newItem(
            @RequestParam(required = false) String category, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    ItemForm.blank(
                            catalog.category(category).map(CategoryView::code).orElse(null)));
        }
        return itemPage(null, me, model, Map.of());
    }

    @PostMapping("/admin/catalog/items")
    String create(
            @ModelAttribute("form") ItemForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        CatalogItemDraft draft = draft(form, List.of(), errors);
        if (errors.isEmpty()) {
            try {
                CatalogItemView created = catalog.createItem(form.getCode(), draft, me);
                redirect.addFlashAttribute("created", created.code());
                return "redirect:/admin/catalog/items/" + created.code();
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() == 403) {
                    throw e;
                }
                errors.putAll(FieldErrors.of(e, CatalogEditorPage::formField));
            }
        }
        response.setStatus(422);
        return itemPage(null, me, model, errors);
    }

    @GetMapping("/admin/catalog/items/{code}")
    String item(@PathVariable String code, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        CatalogItemView item = catalog.itemAsStored(code).orElseThrow(() -> Problems.notFound("catalog item", code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ItemForm.of(item));
        }
        return itemPage(item, me, model, Map.of());
    }

    @PostMapping("/admin/catalog/items/{code}")
    String update(
            @PathVariable String code,
            @ModelAttribute("form") ItemForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CatalogItemView item = catalog.itemAsStored(code).orElseThrow(() -> Problems.notFound("catalog item", code));
        Map<String, String> errors = new LinkedHashMap<>();
        Integer version = integer(form.getVersion());
        CatalogItemDraft draft = draft(form, item.attributes(), errors);
        if (version == null) {
            errors.put(FieldErrors.GENERAL, "表单缺少版本号，请刷新页面后重试");
        }
        if (errors.isEmpty()) {
            try {
                CatalogItemView saved = catalog.updateItem(code, version, draft, form.isActive(), me);
                redirect.addFlashAttribute("saved", saved.version());
                return "redirect:/admin/catalog/items/" + code;
            } catch (ErrorResponseException e) {
                if (e.getStatusCode().value() == 409) {
                    model.addAttribute("stale", e.getBody().getDetail());
                    model.addAttribute("current", catalog.itemAsStored(code).orElse(item));
                    response.setStatus(409);
                    return itemPage(item, me, model, Map.of());
                }
                errors.putAll(FieldErrors.of(e, CatalogEditorPage::formField));
            }
        }
        response.setStatus(422);
        return itemPage(item, me, model, errors);
    }

    @PostMapping("/admin/catalog/items/{code}/active")
    String setActive(
            @PathVariable String code,
            @RequestParam boolean active,
            @AuthenticationPrincipal StaffPrincipal me,
            RedirectAttributes redirect) {
        CatalogItemView changed = catalog.setItemActive(code, active, me);
        redirect.addFlashAttribute("toggled", changed.active());
        return "redirect:/admin/catalog?category=" + changed.categoryCode();
    }

    /** The draft a form describes, or null with the reasons beside their fields; the rules judge the rest. */
    private static CatalogItemDraft draft(
            ItemForm form, List<org.onegrid.catalog.AttributeDefinition> attributes, Map<String, String> errors) {
        HandlingLevel level = level(form.getLevel(), errors);
        StageLimit accept = limit("accept", form.getAcceptHours(), form.getAcceptMode(), errors);
        StageLimit handle = limit("handle", form.getHandleHours(), form.getHandleMode(), errors);
        StageLimit verify = limit("verify", form.getVerifyHours(), form.getVerifyMode(), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new CatalogItemDraft(
                form.getCategoryCode(),
                form.getName(),
                form.getDescription().isBlank() ? null : form.getDescription().strip(),
                list(form.getDepartmentCodes()),
                level,
                accept,
                handle,
                verify,
                form.isJointAllowed(),
                form.isEmergency(),
                form.isAutoEscalate(),
                list(form.getKeywords()),
                attributes,
                form.getPublished().isEmpty() ? null : Boolean.valueOf(form.getPublished()));
    }

    /** @param item the item edited, or null for a new one */
    private String itemPage(CatalogItemView item, StaffPrincipal me, Model model, Map<String, String> errors) {
        model.addAttribute("item", item);
        model.addAttribute("categories", catalog.categories(true));
        model.addAttribute("levels", HandlingLevel.values());
        model.addAttribute("modes", TimeMode.values());
        model.addAttribute("departments", cityDepartments(me));
        model.addAttribute("departmentNames", departmentNames(me));
        model.addAttribute("errors", errors);
        return "admin/catalog-item";
    }

    /** The city's departments by their Chinese names: {@code ${departmentNames.of(codes)}}. */
    record DepartmentNames(Map<String, String> byCode) {

        /** The departments' names, joined as the pages list them: sifa, minzheng → 东营市司法局、东营市民政局. */
        public String of(List<String> codes) {
            return codes.stream().map(c -> byCode.getOrDefault(c, c)).collect(Collectors.joining("、"));
        }
    }

    private DepartmentNames departmentNames(StaffPrincipal me) {
        Map<String, String> names = new java.util.HashMap<>();
        for (OrganisationView d : cityDepartments(me)) {
            if (d.deptCode() != null) {
                names.putIfAbsent(d.deptCode(), d.name());
            }
        }
        return new DepartmentNames(names);
    }

    /** The city's departments, whose short codes an item may name. */
    private List<OrganisationView> cityDepartments(StaffPrincipal me) {
        Optional<OrganisationView> org = organisations.find(me.orgId());
        for (int hops = 0; org.isPresent() && org.get().parentId() != null && hops < 8; hops++) {
            org = organisations.find(org.get().parentId());
        }
        return org.map(top -> organisations.departments(top.regionCode())).orElse(List.of());
    }

    /** {@code departmentCodes[1]} → departmentCodes, {@code accept.minutes} → acceptHours. */
    static String formField(String field) {
        String base = field.replaceAll("\\[\\d+]", "");
        int dot = base.indexOf('.');
        String head = dot < 0 ? base : base.substring(0, dot);
        return switch (head) {
            case "accept", "handle", "verify" -> head + "Hours";
            case "version" -> FieldErrors.GENERAL;
            default -> head;
        };
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split("[,，、\\s]+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HandlingLevel level(String text, Map<String, String> errors) {
        try {
            return HandlingLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            errors.put("level", "请选择处置层级");
            return null;
        }
    }

    /** A limit in hours (decimals allowed, whole minutes) and a mode; null with an error beside the field. */
    private static StageLimit limit(String stage, String hours, String mode, Map<String, String> errors) {
        TimeMode timeMode;
        try {
            timeMode = TimeMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            errors.put(stage + "Hours", "请选择工作时或自然时");
            return null;
        }
        BigDecimal minutes;
        try {
            minutes = new BigDecimal(hours).multiply(BigDecimal.valueOf(60));
        } catch (NumberFormatException e) {
            errors.put(stage + "Hours", "请填写小时数，如 2 或 0.5");
            return null;
        }
        if (minutes.signum() <= 0) {
            errors.put(stage + "Hours", "时限须至少 1 分钟");
            return null;
        }
        if (minutes.stripTrailingZeros().scale() > 0) {
            errors.put(stage + "Hours", "时限须为整分钟");
            return null;
        }
        if (minutes.compareTo(BigDecimal.valueOf(90L * 24 * 60)) > 0) {
            errors.put(stage + "Hours", "时限不能超过 90 天（2160 小时）");
            return null;
        }
        return StageLimit.minutes(minutes.longValueExact(), timeMode);
    }
}
