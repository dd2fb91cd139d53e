/** The Baidu adapter's wire records; not API. */
package dev.tasklens.baidu.internal;
