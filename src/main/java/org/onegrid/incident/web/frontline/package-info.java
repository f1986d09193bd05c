/**
 * The pages of those who work incidents away from the dispatch desk: a department's inbox (部门待办), the grid
 * worker's phone pages (网格员移动端) and the resident's public phone pages (群众上报, 进度查询, 评价).
 */
package org.onegrid.incident.web.frontline;
