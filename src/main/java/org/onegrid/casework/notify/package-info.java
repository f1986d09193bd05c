/** In-app notifications 消息提醒 about any kind of case, delivered beyond the app through the notification table as the outbox. */
@org.springframework.modulith.NamedInterface("notify")
package org.onegrid.casework.notify;
