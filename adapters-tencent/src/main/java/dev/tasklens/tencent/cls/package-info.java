/** Tencent Cloud CLS shipping tasks, the legacy {@code GET /tasks} API (seed 000). */
package dev.tasklens.tencent.cls;
