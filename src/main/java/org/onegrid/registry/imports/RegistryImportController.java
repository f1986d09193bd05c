package org.onegrid.registry.imports;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import org.onegrid.registry.Registry;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registry's bulk import: the page {@code /registry/import} (templates to download, a file to upload, the report
 * with every problem by row and column, downloadable as CSV); the API is {@link RegistryImportApi}.
 */
@Controller
class RegistryImportController {

    private static final String LAST_REPORT = "registry.import.last-report";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    /** Problems shown on the page; the downloadable report lists all. */
    private static final int SHOWN = 200;

    private final RegistryImporter importer;
    private final Registry registry;

    RegistryImportController(RegistryImporter importer, Registry registry) {
        this.importer = importer;
        this.registry = registry;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Page

    @GetMapping("/registry/import")
    String page(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        mayImport(me);
        return page(me, model, null, ImportKind.HOUSEHOLDS);
    }

    @PostMapping("/registry/import")
    String upload(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpSession session,
            Model model) {
        mayImport(me);
        ImportKind k = ImportKind.ofSlug(kind == null ? "" : kind).orElse(null);
        if (k == null) {
            model.addAttribute("formError", "请选择要导入的数据类型");
            return page(me, model, null, ImportKind.HOUSEHOLDS);
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("formError", "请选择要导入的文件（CSV UTF-8 或 XLSX）");
            return page(me, model, null, k);
        }
        ImportReport report = importer.importFile(k, file.getOriginalFilename(), file, me);
        session.setAttribute(LAST_REPORT, report);
        return page(me, model, report, k);
    }

    @GetMapping("/registry/import/report.csv")
    ResponseEntity<byte[]> lastReport(@AuthenticationPrincipal StaffPrincipal me, HttpSession session) {
        mayImport(me);
        if (!(session.getAttribute(LAST_REPORT) instanceof ImportReport report)) {
            throw Problems.notFound("import report", "last");
        }
        return download(Templates.report(report), CSV, "导入错误报告-" + report.kind().label() + ".csv");
    }

    @GetMapping("/registry/import/templates/{file}")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String file) {
        mayImport(me);
        return template(file);
    }

    /** A template by its file name: {@code households.xlsx}, {@code addresses.csv} … */
    static ResponseEntity<byte[]> template(String file) {
        int dot = file.lastIndexOf('.');
        String format = dot < 0 ? "" : file.substring(dot + 1);
        ImportKind kind = ImportKind.ofSlug(dot < 0 ? file : file.substring(0, dot))
                .orElseThrow(() -> Problems.notFound("template", file));
        String name = kind.label() + "导入模板";
        return switch (format) {
            case "csv" -> download(Templates.csv(kind), CSV, name + ".csv");
            case "xlsx" -> download(Templates.xlsx(kind), XLSX, name + ".xlsx");
            default -> throw Problems.notFound("template", file);
        };
    }

    private String page(StaffPrincipal me, Model model, ImportReport report, ImportKind selected) {
        model.addAttribute("kinds", ImportKind.values());
        model.addAttribute("selected", selected);
        model.addAttribute("report", report);
        if (report != null) {
            model.addAttribute(
                    "shown",
                    report.errors().subList(0, Math.min(SHOWN, report.errors().size())));
        }
        model.addAttribute("log", importer.log(me, 10));
        return "registry/import";
    }

    // -------------------------------------------------------------------------------------------------------------

    void mayImport(StaffPrincipal me) {
        if (!registry.mayImport(me)) {
            throw Problems.forbidden("您的角色不能批量导入基础信息（须为综治中心坐席或管理员）");
        }
    }

    static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
