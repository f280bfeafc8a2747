/**
 * Notifications: each desk user's inbox (threat-to-life incidents, incidents a colleague assigned to them), its unread
 * count in the desk's menu, and e-mail of the same through any SMTP server, sent off the triage path and retried.
 * docs/desk.md, "Notifications".
 */
package org.varsel.desk.notify;
