/**
 * Screening plans 排查计划, screening tasks, hazards 隐患 with their rectification 限期整改, acceptance 验收,
 * supervision 挂牌督办 and 销号, the hazard ledgers 台账 and the task ledgers 任务台账 ("每月一调度、每季一评估，
 * 设定时限，销号管理"), built on the registry's organisations and places.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Screening and hazards",
        allowedDependencies = {
            "casework",
            "casework :: time",
            "casework :: attach",
            "casework :: notify",
            "registry",
            "registry :: domain",
            "region",
            "staff",
            "worktime",
            "shared"
        })
package org.onegrid.hazard;
