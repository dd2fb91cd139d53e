package dev.tasklens.tencent.archfixture;

import dev.tasklens.huawei.archfixture.HuaweiThing;

/** Breaks HEXAGON: one adapter may not know another. */
public class TencentUsingHuawei {
    public HuaweiThing other;
}
