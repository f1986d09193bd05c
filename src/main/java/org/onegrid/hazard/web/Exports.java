package org.onegrid.hazard.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.onegrid.hazard.Hazards;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.StaffPrincipal;

/** The ledger's spreadsheet as a download: the filters checked first, so a bad one answers as a problem, not a file. */
final class Exports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {}

    static void ledger(Hazards hazards, Hazards.LedgerQuery q, StaffPrincipal me, HttpServletResponse response)
            throws IOException {
        hazards.checkLedgerQuery(q, me);
        String name = "隐患台账-" + LocalDate.now(CityTime.ZONE) + ".xlsx";
        response.setContentType(XLSX);
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"hazard-ledger.xlsx\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        hazards.export(q, me, response.getOutputStream());
    }
}
