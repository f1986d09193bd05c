package org.onegrid.registry.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.onegrid.registry.Registry;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The registry's bulk import over the API: {@code POST /api/v1/registry/imports} and the templates. */
@RestController
class RegistryImportApi {

    private final RegistryImporter importer;
    private final Registry registry;

    RegistryImportApi(RegistryImporter importer, Registry registry) {
        this.importer = importer;
        this.registry = registry;
    }

    /**
     * Imports a file (multipart: {@code kind} = addresses, households or organisations; {@code file} = CSV UTF-8 or
     * XLSX): 201 with the report when every row was written; otherwise a 400 problem whose {@code errors} list each
     * problem with its {@code row} and {@code column}, and nothing is written.
     */
    @PostMapping(value = "/api/v1/registry/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
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
            String where = first.row() == 0
                    ? ""
                    : "第 " + first.row() + " 行" + (first.column() == null ? "" : "“" + first.column() + "”") + "：";
            throw Problems.of(
                    HttpStatus.BAD_REQUEST,
                    "import-refused",
                    where + first.message() + "（共 " + report.errorCount() + " 个问题，未导入任何数据）",
                    properties);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(report);
    }

    /** A template: {@code households.xlsx}, {@code addresses.csv} … */
    @GetMapping("/api/v1/registry/imports/templates/{file}")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String file) {
        mayImport(me);
        return RegistryImportController.template(file);
    }

    private void mayImport(StaffPrincipal me) {
        if (!registry.mayImport(me)) {
            throw Problems.forbidden("您的角色不能批量导入基础信息（须为综治中心坐席或管理员）");
        }
    }
}
