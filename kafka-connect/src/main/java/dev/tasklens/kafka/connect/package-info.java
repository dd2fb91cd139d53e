/**
 * A Kafka Connect source connector that streams the tasklens watch: each (source, account, scope)
 * is a source partition whose offset is the watch position, and each change a record keyed by
 * source, account and task id. Everything goes through the tasklens library; the connector has no
 * HTTP, signing or paging of its own.
 */
package dev.tasklens.kafka.connect;
