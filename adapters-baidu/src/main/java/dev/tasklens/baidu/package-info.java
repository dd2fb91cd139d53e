/**
 * The Baidu AI Cloud adapter: the VOD task list ({@code baidu.vod}), its Guice module
 * ({@link dev.tasklens.baidu.BaiduModule}, found by {@code ServiceLoader}) and
 * {@link dev.tasklens.baidu.BaiduSources} for wiring without Guice.
 */
package dev.tasklens.baidu;
