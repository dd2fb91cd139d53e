/**
 * Baidu AI Cloud VOD {@code GET /v2/tasks} (seed 004) as a task source: bce-auth-v1, marker paging,
 * one status per request, replies bound into records.
 */
package dev.tasklens.baidu.vod;
