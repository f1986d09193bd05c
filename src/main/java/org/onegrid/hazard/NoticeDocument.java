package org.onegrid.hazard;

import java.time.LocalDate;
import java.util.List;

/**
 * A rectification notice 隐患整改通知书 as generated from a hazard: a document to print, sign and hand over.
 *
 * @param documentNumber 文号, e.g. {@code 广饶县应急管理局隐整〔2026〕第000123号}
 */
public record NoticeDocument(
        String title,
        String documentNumber,
        String addressee,
        List<String> paragraphs,
        String issuer,
        LocalDate issuedOn,
        LocalDate deadline) {}
