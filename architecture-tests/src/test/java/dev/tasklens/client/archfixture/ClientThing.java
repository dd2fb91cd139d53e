package dev.tasklens.client.archfixture;

/** A class of the client, which adapters must not use. */
public class ClientThing {
}
