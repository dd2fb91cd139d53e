package dev.tasklens.ports.archfixture;

import dev.tasklens.huawei.archfixture.HuaweiThing;

/** Breaks HEXAGON: the ports may not know an adapter. */
public class PortUsingAnAdapter {
    public HuaweiThing adapter;
}
