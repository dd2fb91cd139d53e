package dev.tasklens.tencent.archfixture;

import dev.tasklens.client.archfixture.ClientThing;

/** Breaks NO_ADAPTER_DEPENDS_ON_A_DRIVER_OR_A_TRANSPORT. */
public class TencentUsingTheClient {
    public ClientThing client;
}
