/**
 * What every adapter does to a provider's reply before reading it: checks that bound what a
 * hostile reply can cost ({@link dev.tasklens.ports.reply.JsonGuard}).
 */
package dev.tasklens.ports.reply;
