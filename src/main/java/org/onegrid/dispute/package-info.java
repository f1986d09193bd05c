/**
 * Disputes 矛盾纠纷多元化解: mediation at every level — 村/社区 and 乡镇 committees, professional committees,
 * administrative and judicial mediation — with 诉调对接, agreements kept with their hash, court confirmation,
 * performance and follow-up, on the shared case mechanics. The public API is {@link org.onegrid.dispute.DisputeApi}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Disputes",
        allowedDependencies = {
            "registry",
            "registry :: domain",
            "incident",
            "casework",
            "casework :: attach",
            "casework :: notify",
            "casework :: time",
            "catalog",
            "region",
            "staff",
            "worktime",
            "shared"
        })
package org.onegrid.dispute;
