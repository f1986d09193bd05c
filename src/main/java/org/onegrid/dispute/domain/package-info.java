/**
 * The mediation case 矛盾纠纷 and its path "四诊、四调、三裁、一诉", free of Spring: intake, assessment, mediation
 * sessions, agreement or failure with its exit, court confirmation, performance, follow-up and archive, each a guarded
 * action producing one step of the shared hash-chained history.
 */
package org.onegrid.dispute.domain;
