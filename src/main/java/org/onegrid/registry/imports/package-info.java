/**
 * Bulk import of the registry from the city's CSV and XLSX templates (地址, 户和人员, 组织): every row checked, a per-row
 * report, all or nothing in one transaction, written with PostgreSQL's {@code COPY} after the personal data is
 * sealed and blind-indexed on every core.
 */
package org.onegrid.registry.imports;
