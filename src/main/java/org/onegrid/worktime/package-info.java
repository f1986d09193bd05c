/** Working-time calendar (工作日历): statutory holidays, adjusted working days (调休) and office hours for deadlines. */
package org.onegrid.worktime;
