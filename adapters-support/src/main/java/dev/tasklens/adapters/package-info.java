/**
 * Support for provider adapters: {@link dev.tasklens.adapters.SignedRequests} signs a transport
 * request, {@link dev.tasklens.adapters.JsonReplies} binds a reply into records with
 * {@link dev.tasklens.adapters.StrictText} for fields that must be text and every integer field
 * read exactly ({@link dev.tasklens.adapters.ExactInteger}). A third party writing an adapter uses
 * them as tasklens's own adapters do.
 */
package dev.tasklens.adapters;
