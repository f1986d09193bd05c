package org.onegrid.registry.imports;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onegrid.registry.Registry;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The registry's bulk import: the page {@code /registry/import} (templates to download, a file to upload, the report
 * with every problem by row and column, downloadable as CSV) and the API {@code POST /api/v1/registry/imports}.
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

    @GetMapping({"/registry/import/templates/{file}", "/api/v1/registry/imports/templates/{file}"})
    ResponseEntity<byte[]> template(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String file) {
        mayImport(me);
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
    // API

    /**
     * Imports a file: 201 with the report when every row was written; otherwise a 400 problem whose {@code errors}
     * list each problem with its {@code row} and {@code column}, and nothing is written.
     */
    @PostMapping(value = "/api/v1/registry/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ResponseEntity<ImportReport> importFile(
            @AuthenticationPrincipal StaffPrincipal me,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "file", required = false) MultipartFile file) {
        mayImport(me);
        ImportKind k = ImportKind.ofSlug(kind == null ? "" : kind)
                .orElseThrow(
                        () -> Problems.invalid("kind", "kind 须为 addresses（地址）、households（户和人员）或 organisations（组织）"));
        if (file == null || file.isEmpty()) {
            throw Problems.invalid("file", "须上传文件（multipart 字段 file，CSV UTF-8 或 XLSX）");
        }
        ImportReport report = importer.importFile(k, file.getOriginalFilename(), file, me);
        if (!report.imported()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("rows", report.rows());
            properties.put("errorCount", report.errorCount());
            properties.put(
                    "errors",
                    report.errors().stream()
                            .map(e -> {
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("row", e.row());
                                m.put("column", e.column());
                                m.put("message", e.message());
                                return m;
                            })
                            .toList());
            RowError first = report.errors().get(0);
            throw Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "import-refused",
                    (first.row() > 0
                                    ? "第 " + first.row() + " 行"
                                            + (first.column() == null ? "" : "“" + first.column() + "”") + "："
                                    : "")
                            + first.message() + "（共 " + report.errorCount() + " 个问题，未导入任何数据）",
                    properties);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    // -------------------------------------------------------------------------------------------------------------

    private void mayImport(StaffPrincipal me) {
        if (!registry.mayImport(me)) {
            throw Problems.forbidden("您的角色不能批量导入基础信息（须为综治中心坐席或管理员）");
        }
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
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
